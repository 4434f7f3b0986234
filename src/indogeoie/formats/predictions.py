"""Prediction files: what ``indogeoie score`` reads and the benchmark and ``indogeoie predict`` write.

**Sentence level** (``ner`` or ``events`` config): one JSON object per line and
per example id of the split; tags as names or as the dataset's integer ids,
under exactly one of ``tags``, ``ner_tags`` (ner) or ``trigger_tags`` (events)::

    {"id": "004_8ad9ae01f34e4272-003", "tags": ["O", "B-GPE", "I-GPE", "O"]}
    {"id": "004_8ad9ae01f34e4272-004", "tags": [0, 7, 8, 0]}

**Document level**: one object per document, declared by its ``entities``
and/or ``events`` key (and no tags key); character offsets into the
document's text; ``modality`` may be left out (then modality is not scored)::

    {"doc_id": "004_8ad9ae01f34e4272",
     "entities": [{"type": "GPE", "start": 1595, "end": 1597}],
     "events": [{"type": "ASSAULT", "modality": "asserted", "trigger": {"start": 1598, "end": 1608},
                 "arguments": [{"role": "Actor", "start": 1595, "end": 1597}]}]}

Every problem is reported with the file, the line or id and the position;
reading goes on to list them all, up to :data:`MAX_PROBLEMS`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indogeoie.benchmark.metrics import Event, Events
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.strict_json import json_problem, loads_strict
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, NER_TAGS, ROLES, TRIGGER_TAGS

if TYPE_CHECKING:
    from indogeoie.records import AnnotatedDocument

TAGS = {"ner": NER_TAGS, "events": TRIGGER_TAGS}
TAG_KEYS = {"ner": ("tags", "ner_tags"), "events": ("tags", "trigger_tags")}
ALL_TAG_KEYS = ("tags", "ner_tags", "trigger_tags")
#: A line longer than this is refused: a sentence's tags or a document's events take kilobytes.
MAX_LINE_BYTES = 16 * 1024 * 1024
#: After this many problems the rest are counted, not listed.
MAX_PROBLEMS = 1000
Span = tuple[int, int, str]


def json_lines(path: Path) -> Iterator[tuple[int, Any, Problem | None]]:
    """(line number, parsed object or None, problem or None) for each non-blank line, read strictly."""
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


class _Problems(list[Problem]):
    """A problem list that stops growing at MAX_PROBLEMS and says how many more there were."""

    dropped = 0

    def add(self, problem: Problem) -> None:
        if len(self) < MAX_PROBLEMS:
            self.append(problem)
        else:
            self.dropped += 1

    def raise_if_any(self, file: str) -> None:
        if self.dropped:
            self.append(Problem(f"... and {self.dropped} more problems (only the first {MAX_PROBLEMS} are listed)",
                                file))
        if self:
            raise IndoGeoIEError(list(self))


def is_document_level(row: object) -> bool:
    """Whether a row declares document-level predictions: ``entities`` or ``events``, and no tags key."""
    return isinstance(row, dict) and ("entities" in row or "events" in row) and not any(k in row for k in ALL_TAG_KEYS)


def _tag_names(tags: object, names: tuple[str, ...]) -> list[str] | str:
    """Tag names from names or integer ids, or why not."""
    if not isinstance(tags, list):
        return f"expected a list of tags, not {type(tags).__name__}"
    if all(isinstance(t, str) for t in tags):
        return tags  # type: ignore[return-value]
    if all(isinstance(t, int) and not isinstance(t, bool) for t in tags):
        bad = [(i, t) for i, t in enumerate(tags) if not 0 <= t < len(names)]
        if bad:
            return f"token {bad[0][0]}: tag id {bad[0][1]} is not one of 0..{len(names) - 1}"
        return [names[t] for t in tags]
    return "expected tags that are all names or all integer ids"


def read_tag_predictions(path: Path, *, config: str, gold: dict[str, list[str]]) -> dict[str, list[str]]:
    """Read sentence-level predictions and check them against the gold sequences.

    Args:
        path: the JSON Lines file.
        config: ``ner`` or ``events``.
        gold: gold tags by example id (to check ids and lengths).

    Raises:
        IndoGeoIEError: with one located problem per bad line, id, length or tag.
    """
    names = TAGS[config]
    allowed = set(names)
    predictions: dict[str, list[str]] = {}
    problems = _Problems()
    file = str(path)
    for number, row, problem in json_lines(path):
        if problem is not None:
            problems.add(problem)
            continue
        if not isinstance(row, dict):
            problems.add(Problem(f"line {number}: expected a JSON object, not {type(row).__name__}", file))
            continue
        if is_document_level(row):
            problems.add(Problem(f"line {number}: a document-level row (it has 'entities' or 'events'); "
                                 "this file mixes the two levels", file))
            continue
        example = row.get("id")
        if not isinstance(example, str):
            problems.add(Problem(f"line {number}: missing 'id' (a string example id)", file))
            continue
        where = f"line {number}: example {example!r}"
        keys = [k for k in TAG_KEYS[config] if k in row]
        if len(keys) != 1:
            problems.add(Problem(f"{where}: expected exactly one of {list(TAG_KEYS[config])}, found {keys}", file))
            continue
        if example not in gold:
            problems.add(Problem(f"{where}: unknown id; not an example of this split", file))
            continue
        if example in predictions:
            problems.add(Problem(f"{where}: duplicate id", file))
            continue
        tags = _tag_names(row[keys[0]], names)
        if isinstance(tags, str):
            problems.add(Problem(f"{where}: {tags}", file))
            continue
        if len(tags) != len(gold[example]):
            problems.add(Problem(f"{where}: {len(tags)} tags for {len(gold[example])} tokens "
                                 f"(gold={len(gold[example])}, pred={len(tags)})", file))
            continue
        unknown = [(i, t) for i, t in enumerate(tags) if t not in allowed]
        for position, tag in unknown[:5]:
            problems.add(Problem(f"{where}: token {position}: unknown tag {tag!r}; allowed: O, "
                                 f"B-/I- with one of the {config} types", file))
        if not unknown:
            predictions[example] = tags
    missing = [i for i in gold if i not in predictions]
    if missing and not problems:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        problems.add(Problem(f"{len(missing)} example(s) of the split have no prediction: {shown}", file))
    problems.raise_if_any(file)
    return predictions


def _offsets(item: object, length: int) -> tuple[int, int] | str:
    if not isinstance(item, dict):
        return f"expected an object with 'start' and 'end', not {type(item).__name__}"
    start, end = item.get("start"), item.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        return f"'start' and 'end' must be integers, not {start!r} and {end!r}"
    if not 0 <= start < end <= length:  # type: ignore[operator]
        return f"[{start}:{end}] is not a span of the text (0..{length})"
    return start, end  # type: ignore[return-value]


def _document(row: dict[str, Any], where: str, length: int, file: str,
              problems: _Problems) -> tuple[list[Span] | None, tuple[Event, ...] | None]:
    entities = None
    if "entities" in row:
        entities = []
        items = row["entities"]
        for index, item in enumerate(items if isinstance(items, list) else []):
            span = _offsets(item, length)
            label = item.get("type") if isinstance(item, dict) else None
            if isinstance(span, str) or label not in ENTITY_TYPES:
                problems.add(Problem(f"{where}: entity {index}: " + (span if isinstance(span, str) else
                                     f"unknown type {label!r}; expected one of {list(ENTITY_TYPES)}"), file))
                continue
            entities.append((*span, label))
        if not isinstance(items, list):
            problems.add(Problem(f"{where}: 'entities' must be a list", file))
    if "events" not in row:
        return entities, None
    events: list[Event] = []
    items = row["events"]
    if not isinstance(items, list):
        problems.add(Problem(f"{where}: 'events' must be a list", file))
        return entities, None
    for index, item in enumerate(items):
        at = f"{where}: event {index}"
        trigger = _offsets(item.get("trigger") if isinstance(item, dict) else None, length)
        if isinstance(trigger, str):
            problems.add(Problem(f"{at}: trigger: {trigger}", file))
            continue
        kind, modality, arguments = item.get("type"), item.get("modality", ""), item.get("arguments", [])
        if kind not in EVENT_TYPES:
            problems.add(Problem(f"{at}: unknown event type {kind!r}", file))
            continue
        if modality != "" and modality not in MODALITIES:
            problems.add(Problem(f"{at}: unknown modality {modality!r}; expected one of {list(MODALITIES)}", file))
            continue
        if not isinstance(arguments, list):
            problems.add(Problem(f"{at}: 'arguments' must be a list, not {type(arguments).__name__}", file))
            continue
        roles = []
        for a_index, argument in enumerate(arguments):
            span = _offsets(argument, length)
            role = argument.get("role") if isinstance(argument, dict) else None
            if isinstance(span, str) or role not in ROLES:
                problems.add(Problem(f"{at}: argument {a_index}: " + (span if isinstance(span, str) else
                                     f"unknown role {role!r}; expected one of {list(ROLES)}"), file))
                continue
            roles.append((role, *span))
        event = Event(kind, *trigger, modality, tuple(sorted(roles)))
        if event in events:
            problems.add(Problem(f"{at}: duplicate of an earlier event of this document; each counts once, "
                                 "so list it once", file))
            continue
        events.append(event)
    return entities, tuple(sorted(events))


def read_event_predictions(path: Path, *, texts: dict[str, str],
                           require_all: bool = True) -> tuple[Events | None, dict[str, list[Span]] | None]:
    """Read document-level predictions; every document of ``texts`` must be present unless not ``require_all``.

    Returns the events (None if no row has ``events``) and the entity spans
    (None if no row has ``entities``).
    """
    problems = _Problems()
    file = str(path)
    entities: dict[str, list[Span]] = {}
    events: dict[str, tuple[Event, ...]] = {}
    seen: set[str] = set()
    for number, row, problem in json_lines(path):
        if problem is not None:
            problems.add(problem)
            continue
        if not is_document_level(row):
            problems.add(Problem(f"line {number}: not a document-level row (expected 'doc_id' with 'entities' "
                                 "and/or 'events', and no tags key); this file mixes the two levels", file))
            continue
        doc_id = row.get("doc_id")
        where = f"line {number}: doc {doc_id!r}"
        if not isinstance(doc_id, str) or doc_id not in texts:
            problems.add(Problem(f"{where}: unknown or missing doc_id; not a document of this split", file))
            continue
        if doc_id in seen:
            problems.add(Problem(f"{where}: duplicate doc_id", file))
            continue
        seen.add(doc_id)
        found_entities, found_events = _document(row, where, len(texts[doc_id]), file, problems)
        if found_entities is not None:
            entities[doc_id] = found_entities
        if found_events is not None:
            events[doc_id] = found_events
    missing = sorted(set(texts) - seen)
    if missing and require_all and not problems:
        problems.add(Problem(f"{len(missing)} document(s) of the split have no prediction: {missing[:5]}", file))
    problems.raise_if_any(file)
    return (Events(events) if events else None), (entities if entities else None)


def tag_rows(ids: list[str], doc_ids: list[str], ner: list[list[str]], triggers: list[list[str]]) -> str:
    """Sentence-level predictions of both tag layers as JSON Lines (the benchmark's output)."""
    return "".join(json.dumps({"id": i, "doc_id": d, "ner_tags": n, "trigger_tags": t}, ensure_ascii=False) + "\n"
                   for i, d, n, t in zip(ids, doc_ids, ner, triggers, strict=True))


def document_row(doc_id: str, entities: list[Span], events: tuple[Event, ...]) -> dict[str, Any]:
    """One document-level row (the shape ``score`` reads and ``predict`` writes)."""
    return {"doc_id": doc_id,
            "entities": [{"type": t, "start": a, "end": b} for a, b, t in sorted(entities)],
            "events": [{"type": e.type, "modality": e.modality, "trigger": {"start": e.start, "end": e.end},
                        "arguments": [{"role": r, "start": a, "end": b} for r, a, b in e.arguments]}
                       for e in events]}


def event_rows(events: Events, doc_ids: list[str], entities: dict[str, list[Span]]) -> str:
    """Document-level rows of ``doc_ids`` as JSON Lines."""
    return "".join(json.dumps(document_row(d, entities.get(d, []), events.of(d)), ensure_ascii=False) + "\n"
                   for d in doc_ids)


def as_annotated(doc_id: str, text: str, entities: list[Span], events: tuple[Event, ...]) -> AnnotatedDocument:
    """Predicted spans and events as a document: region ids ``pe001``/``pt001`` never collide with gold ids.

    An argument whose span is no predicted entity is left out (a region must exist to be linked).
    """
    from indogeoie.records import AnnotatedDocument, Argument
    from indogeoie.records import Event as RecordEvent
    from indogeoie.records import Span as Region

    regions = tuple(Region(f"pe{i:03d}", label, a, b, text[a:b]) for i, (a, b, label) in enumerate(sorted(entities), 1))
    by_offsets = {(r.start, r.end): r.id for r in regions}
    records = []
    for i, event in enumerate(events, start=1):
        region = f"pt{i:03d}"
        arguments = tuple(Argument(role, by_offsets[(a, b)]) for role, a, b in event.arguments if (a, b) in by_offsets)
        records.append(RecordEvent(region, event.type, event.modality or MODALITIES[0],
                                   Region(region, event.type, event.start, event.end, text[event.start:event.end]),
                                   arguments))
    return AnnotatedDocument(doc_id, text, regions, tuple(records))


def annotated_predictions(path: Path, *, texts: dict[str, str]) -> dict[str, AnnotatedDocument]:
    """A document-level predictions file (as ``indogeoie predict`` writes it) as documents, by doc_id."""
    events, entities = read_event_predictions(path, texts=texts, require_all=False)
    present = set(events.by_doc if events else ()) | set(entities or ())
    return {d: as_annotated(d, texts[d], (entities or {}).get(d, []), events.of(d) if events else ())
            for d in sorted(present)}
