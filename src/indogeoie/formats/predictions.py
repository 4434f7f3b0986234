"""Prediction files: what ``indogeoie score`` reads and the benchmark writes.

Sentence level (``ner`` or ``events`` config), one JSON object per line, one per
example id of the split, tags as strings::

    {"id": "004_8ad9ae01f34e4272-003", "tags": ["O", "B-GPE", "I-GPE", ...]}

(``ner_tags`` or ``trigger_tags`` are accepted in place of ``tags``.)

Document level (``events`` config), one object per document::

    {"doc_id": "004_8ad9ae01f34e4272",
     "events": [{"type": "ASSAULT", "trigger": {"start": 1598, "end": 1608},
                 "arguments": [{"role": "Actor", "start": 1595, "end": 1597}]}]}

Every problem is reported with the file, the example id (or line) and the
position, and reading goes on to list them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.strict_json import json_problem, loads_strict
from indogeoie.schema import EVENT_TYPES, NER_TAGS, ROLES, TRIGGER_TAGS

if TYPE_CHECKING:
    from indogeoie.records import AnnotatedDocument

TAGS = {"ner": NER_TAGS, "events": TRIGGER_TAGS}
#: A line longer than this is refused: a sentence's tags or a document's events take kilobytes.
MAX_LINE_BYTES = 16 * 1024 * 1024
TAG_KEYS = {"ner": ("tags", "ner_tags"), "events": ("tags", "trigger_tags")}


@dataclass(frozen=True)
class DocumentPrediction:
    """Predicted events of one document: triggers and argument tuples."""

    doc_id: str
    triggers: frozenset[tuple[int, int, str]]
    arguments: frozenset[tuple[int, int, str, int, int]]  # trigger start, end, role, arg start, end


def _lines(path: Path) -> Iterator[tuple[int, Any, Problem | None]]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise IndoGeoIEError(Problem(f"cannot read: {error.strerror}", str(path))) from None
    with handle:
        number = 0
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                yield number, None, Problem(f"line {number}: longer than {MAX_LINE_BYTES // (1024 * 1024)} MB; "
                                            "refused (one line holds one sentence or one document)", str(path))
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line without keeping it
                    raw = handle.readline(MAX_LINE_BYTES)
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                yield number, None, Problem("line 1: starts with a UTF-8 byte-order mark; expected plain "
                                            "UTF-8 JSON Lines", str(path))
                continue
            if not raw.strip():
                continue
            try:
                yield number, loads_strict(raw.decode("utf-8")), None
            except UnicodeDecodeError as error:
                yield number, None, Problem(f"line {number}: not UTF-8 (byte {error.start} of the line)", str(path))
            except json.JSONDecodeError as error:
                yield number, None, Problem(f"line {number}: invalid JSON: {error.msg} at column {error.colno}",
                                            str(path))
            except (ValueError, RecursionError) as error:
                yield number, None, Problem(f"line {number}: {json_problem(error, file=None).message}", str(path))


def read_tag_predictions(path: Path, *, config: str, gold: dict[str, list[str]]) -> dict[str, list[str]]:
    """Read sentence-level predictions and check them against the gold sequences.

    Args:
        path: the JSON Lines file.
        config: ``ner`` or ``events``.
        gold: gold tags by example id (to check ids and lengths).

    Raises:
        IndoGeoIEError: with one located problem per bad id, length or tag.
    """
    allowed = TAGS[config]
    allowed_set = set(allowed)
    predictions: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for number, row, problem in _lines(path):
        if problem is not None:
            problems.append(problem)
            continue
        if not isinstance(row, dict):
            problems.append(Problem(f"line {number}: expected a JSON object, not {type(row).__name__}", str(path)))
            continue
        example = row.get("id")
        where = f"line {number}: example {example!r}"
        tags = next((row[k] for k in TAG_KEYS[config] if k in row), None)
        if not isinstance(example, str):
            problems.append(Problem(f"line {number}: missing 'id' (a string example id)", str(path)))
            continue
        if example not in gold:
            problems.append(Problem(f"{where}: unknown id; not an example of this split", str(path)))
            continue
        if example in predictions:
            problems.append(Problem(f"{where}: duplicate id", str(path)))
            continue
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            problems.append(Problem(f"{where}: expected a list of string tags under one of "
                                    f"{list(TAG_KEYS[config])}", str(path)))
            continue
        if len(tags) != len(gold[example]):
            problems.append(Problem(f"{where}: {len(tags)} tags for {len(gold[example])} tokens "
                                    f"(gold={len(gold[example])}, pred={len(tags)})", str(path)))
            continue
        unknown = [(i, t) for i, t in enumerate(tags) if t not in allowed_set]
        for position, tag in unknown[:5]:
            problems.append(Problem(f"{where}: token {position}: unknown tag {tag!r}; allowed: O, "
                                    f"B-/I- with one of the {config} types", str(path)))
        if unknown:
            continue
        predictions[example] = tags
    missing = [i for i in gold if i not in predictions]
    if missing and not problems:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        problems.append(Problem(f"{len(missing)} example(s) of the split have no prediction: {shown}", str(path)))
    if problems:
        raise IndoGeoIEError(problems)
    return predictions


def _offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def read_document_predictions(path: Path, *, texts: dict[str, str]) -> dict[str, DocumentPrediction]:
    """Read document-level event predictions; every document of the split must be present."""
    problems: list[Problem] = []
    result: dict[str, DocumentPrediction] = {}
    for number, row, problem in _lines(path):
        if problem is not None:
            problems.append(problem)
            continue
        doc_id = row.get("doc_id") if isinstance(row, dict) else None
        where = f"line {number}: doc {doc_id!r}"
        if not isinstance(doc_id, str) or doc_id not in texts:
            problems.append(Problem(f"{where}: unknown or missing doc_id; expected one of {sorted(texts)}", str(path)))
            continue
        if doc_id in result:
            problems.append(Problem(f"{where}: duplicate doc_id", str(path)))
            continue
        events = row.get("events")
        if not isinstance(events, list):
            problems.append(Problem(f"{where}: 'events' must be a list", str(path)))
            continue
        length = len(texts[doc_id])
        triggers, arguments = set(), set()
        for index, event in enumerate(events):
            at = f"{where}: event {index}"
            trigger = event.get("trigger") if isinstance(event, dict) else None
            if not isinstance(trigger, dict) or not (_offset(trigger.get("start")) and _offset(trigger.get("end"))):
                problems.append(Problem(f"{at}: trigger needs integer 'start' and 'end'", str(path)))
                continue
            start, end = trigger["start"], trigger["end"]
            if not start < end <= length:
                problems.append(Problem(f"{at}: trigger [{start}:{end}] outside the text (0..{length}) or empty",
                                        str(path)))
                continue
            if event.get("type") not in EVENT_TYPES:
                problems.append(Problem(f"{at}: unknown event type {event.get('type')!r}", str(path)))
                continue
            triggers.add((start, end, event["type"]))
            for a_index, argument in enumerate(event.get("arguments") or []):
                a_at = f"{at}: argument {a_index}"
                if not isinstance(argument, dict) or argument.get("role") not in ROLES:
                    problems.append(Problem(f"{a_at}: unknown role; expected one of {list(ROLES)}", str(path)))
                    continue
                a_start, a_end = argument.get("start"), argument.get("end")
                if not (_offset(a_start) and _offset(a_end) and a_start < a_end <= length):
                    problems.append(Problem(f"{a_at}: argument offsets [{a_start}:{a_end}] are not a span of the text",
                                            str(path)))
                    continue
                arguments.add((start, end, argument["role"], a_start, a_end))
        result[doc_id] = DocumentPrediction(doc_id, frozenset(triggers), frozenset(arguments))
    missing = sorted(set(texts) - set(result))
    if missing and not problems:
        problems.append(Problem(f"no prediction for documents {missing}", str(path)))
    if problems:
        raise IndoGeoIEError(problems)
    return result


def tag_rows(ids: list[str], doc_ids: list[str], ner: list[list[str]], triggers: list[list[str]]) -> str:
    """Sentence-level predictions of both tag layers as JSON Lines (the benchmark's output)."""
    return "".join(json.dumps({"id": i, "doc_id": d, "ner_tags": n, "trigger_tags": t}, ensure_ascii=False) + "\n"
                   for i, d, n, t in zip(ids, doc_ids, ner, triggers, strict=True))


def document_rows(predictions: list[dict[str, Any]]) -> str:
    """Document-level event predictions as JSON Lines."""
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions)


def predicted_documents(folder: Path, *, texts: dict[str, str], where: str = "lodo") -> dict[str, AnnotatedDocument]:
    """A baseline's predictions (``<where>.jsonl`` tags and ``<where>.arguments.jsonl`` events) as documents.

    Entity regions come from the predicted IOB2 tags over the project's tokens,
    events from the document-level file; each argument links the predicted entity
    with the same offsets. Region ids are ``pe001``, ``pt001``, ... so that they
    never collide with gold ids.
    """
    from indogeoie.records import AnnotatedDocument, Argument, Event, Span
    from indogeoie.text.alignment import iob2_to_spans
    from indogeoie.text.tokens import tokenize

    tags_file, events_file = folder / f"{where}.jsonl", folder / f"{where}.arguments.jsonl"
    for path in (tags_file, events_file):
        if not path.is_file():
            raise IndoGeoIEError(Problem("no predictions here; run `make benchmark` first", str(path)))
    spans: dict[str, list[tuple[int, int, str]]] = {d: [] for d in texts}
    for number, row, problem in _lines(tags_file):
        if problem is not None:
            raise IndoGeoIEError(problem)
        doc_id, index = row["id"].rsplit("-", 1)
        if doc_id not in texts:
            continue
        tokenized = tokenize(texts[doc_id])
        sentence = tokenized.sentences[int(index)]
        tokens = tokenized.tokens[sentence.first:sentence.last]
        spans[doc_id] += iob2_to_spans(tokens, row["ner_tags"])
    documents = {}
    events_by_doc = {row["doc_id"]: row["events"] for _, row, _ in _lines(events_file) if row}
    for doc_id, text in texts.items():
        entities = tuple(Span(f"pe{i:03d}", label, start, end, text[start:end])
                         for i, (start, end, label) in enumerate(sorted(spans[doc_id]), start=1))
        by_offsets = {(e.start, e.end): e.id for e in entities}
        events = []
        for i, event in enumerate(events_by_doc.get(doc_id, []), start=1):
            start, end = event["trigger"]["start"], event["trigger"]["end"]
            arguments = tuple(Argument(a["role"], by_offsets[(a["start"], a["end"])]) for a in event["arguments"]
                              if (a["start"], a["end"]) in by_offsets)
            events.append(Event(f"pt{i:03d}", event["type"], "asserted",
                                Span(f"pt{i:03d}", event["type"], start, end, text[start:end]), arguments))
        documents[doc_id] = AnnotatedDocument(doc_id, text, entities, tuple(events))
    return documents
