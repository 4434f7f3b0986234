"""Reading Label Studio JSON exports into typed documents, checking as it reads.

An export is a list of tasks. Each task holds one or more annotations whose
``result`` lists regions (``labels``), per-region ``choices`` (same id as the
region) and ``relation`` items::

  {"data": {"text": "...", "doc_id": "001_1e9f..."},
   "annotations": [{"id": 7, "result": [
      {"id": "e001", "type": "labels", "from_name": "entity", "to_name": "text",
       "value": {"start": 0, "end": 2, "text": "AS", "labels": ["GPE"]}},
      {"id": "t001", "type": "labels", "from_name": "trigger", "to_name": "text",
       "value": {"start": 3, "end": 12, "text": "menyerang", "labels": ["ASSAULT"]}},
      {"id": "t001", "type": "choices", "from_name": "modality", "to_name": "text",
       "value": {"start": 3, "end": 12, "text": "menyerang", "choices": ["asserted"]}},
      {"type": "relation", "from_id": "t001", "to_id": "e001", "direction": "right",
       "labels": ["Actor"]}]}]}
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indogeoie.errors import Problem
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import (
    ENTITY_CONTROL,
    ENTITY_DEFS,
    EVENT_DEFS,
    MODALITY_CONTROL,
    MODALITY_DEFS,
    ROLE_DEFS,
    TRIGGER_CONTROL,
)

_CONTROL_LABELS = {ENTITY_CONTROL: ENTITY_DEFS, TRIGGER_CONTROL: EVENT_DEFS}
# Label names as lists (for messages) and sets (for the per-region check, which runs millions of times).
_ALLOWED = {control: [d.name for d in defs] for control, defs in _CONTROL_LABELS.items()}
_ALLOWED_SET = {control: frozenset(names) for control, names in _ALLOWED.items()}
_MODALITY_NAMES = [d.name for d in MODALITY_DEFS]
_ROLE_NAMES = frozenset(d.name for d in ROLE_DEFS)


@dataclass(frozen=True)
class ExportReport:
    """Documents read from an export, every problem found, and notes on choices made."""

    documents: tuple[AnnotatedDocument, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()


def choose_annotation(annotations: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The one annotation of a task that counts, and the others.

    Rule: cancelled (skipped) annotations never count; among the rest, one
    marked ``ground_truth`` wins, otherwise the one updated last (``updated_at``,
    then the highest ``id``).
    """
    live = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    if not live:
        return None, []
    ranked = sorted(
        live,
        key=lambda a: (bool(a.get("ground_truth")), str(a.get("updated_at") or ""), _int_or(a.get("id"))),
    )
    return ranked[-1], ranked[:-1]


def _int_or(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1



class _TaskReader:
    """Reads one task, collecting every problem instead of stopping at the first."""

    def __init__(self, task: object, index: int, file: str, source: str) -> None:
        self.task = task
        self.index = index
        self.file = file
        self.source = source  # "annotations" or "predictions"
        self.doc_id: str | None = None
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.broken: set[str] = set()  # regions already reported; their relations are not
        self.annotator: object = None

    def problem(self, message: str, region: str | None = None,
                offsets: tuple[int, int] | None = None) -> None:
        doc = self.doc_id or f"(task #{self.index})"
        self.problems.append(Problem(message, self.file, doc, region, offsets))

    def read(self) -> AnnotatedDocument | None:
        task = self.task
        if not isinstance(task, dict):
            self.problem(f"a task must be a JSON object, not {type(task).__name__}")
            return None
        data = task.get("data")
        if not isinstance(data, dict):
            self.problem("missing key 'data' (an object with 'text' and 'doc_id')")
            return None
        doc_id, text = data.get("doc_id"), data.get("text")
        if isinstance(doc_id, str) and doc_id:
            self.doc_id = doc_id
        else:
            self.problem(f"data.doc_id must be a non-empty string, not {doc_id!r}")
        if not isinstance(text, str):
            self.problem(f"data.text must be a string, not {type(text).__name__ if text is not None else 'null'}")
            return None
        if len(text) > MAX_TEXT_CHARS:
            self.problem(f"data.text has {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} a document "
                         "may have; split it into articles")
            return None
        if "\r" in text:
            self.problem("data.text contains a carriage return; newlines must be \\n")
        entries = task.get(self.source, [])
        if not isinstance(entries, list):
            self.problem(f"'{self.source}' must be a list")
            return None
        chosen, others = choose_annotation(entries)
        for other in others:
            self.notes.append(f"{self.file}: doc {self.doc_id}: {self.source[:-1]} id {other.get('id')} "
                              f"ignored; id {chosen.get('id') if chosen else None} counts")
        self.annotator = chosen.get("completed_by") if chosen else None
        result = chosen.get("result", []) if chosen else []
        if not isinstance(result, list):
            self.problem(f"{self.source[:-1]} 'result' must be a list")
            return None
        if self.doc_id is None:
            return None
        return self._regions(text, result)

    def _span(self, item: dict[str, Any], text: str, control: str) -> Span | None:
        region = str(item.get("id"))
        value = item.get("value")
        if not isinstance(value, dict):
            self.problem("region has no 'value' object", region)
            return None
        start, end = value.get("start"), value.get("end")
        if type(start) is not int or type(end) is not int:  # bool and float are not offsets
            self.problem(f"offsets must be integers, not start={start!r} end={end!r}", region)
            return None
        if start < 0 or end > len(text):
            self.problem(f"offsets out of range: the text has {len(text)} characters", region, (start, end))
            return None
        if end <= start:
            self.problem("end must be greater than start", region, (start, end))
            return None
        if value.get("text") != text[start:end]:
            self.problem(f"span text {value.get('text')!r} differs from the text at these offsets "
                         f"{text[start:end]!r}", region, (start, end))
            return None
        labels = value.get("labels")
        if type(labels) is list and len(labels) == 1 and labels[0] in _ALLOWED_SET[control]:
            return Span(region, labels[0], start, end, value["text"])
        allowed = _ALLOWED[control]
        if not isinstance(labels, list) or not labels:
            kind = "trigger without an event type" if control == TRIGGER_CONTROL else "entity without a type"
            self.problem(f"{kind} {text[start:end]!r}; expected one of {allowed}", region, (start, end))
            return None
        if len(labels) > 1:
            self.problem(f"region has {len(labels)} labels {labels}; expected exactly one", region, (start, end))
            return None
        if labels[0] not in allowed:
            self.problem(f"unknown {control} label {labels[0]!r} on {text[start:end]!r}; expected one of "
                         f"{allowed}", region, (start, end))
            return None
        return Span(region, labels[0], start, end, text[start:end])

    def _regions(self, text: str, result: list[Any]) -> AnnotatedDocument:
        spans: dict[str, tuple[str, Span]] = {}
        modality: dict[str, str] = {}
        relations: list[tuple[str, str, str]] = []
        seen_ids: set[str] = set()
        for item in result:
            if not isinstance(item, dict):
                self.problem(f"a result item must be an object, not {type(item).__name__}")
                continue
            kind = item.get("type")
            if kind == "relation":
                self._relation(item, relations)
                continue
            region = str(item.get("id"))
            from_name = item.get("from_name")
            if kind == "labels":
                if from_name not in _CONTROL_LABELS:
                    self.problem(f"unknown from_name {from_name!r} for a labels region; expected "
                                 f"{sorted(_CONTROL_LABELS)}", region)
                    continue
                if region in seen_ids:
                    self.problem("duplicate region id", region)
                    continue
                seen_ids.add(region)
                span = self._span(item, text, from_name)
                if span is None:
                    self.broken.add(region)
                else:
                    spans[region] = (from_name, span)
            elif kind == "choices":
                if from_name != MODALITY_CONTROL:
                    self.problem(f"unknown from_name {from_name!r} for choices; expected "
                                 f"{MODALITY_CONTROL!r}", region)
                    continue
                value = item.get("value") if isinstance(item.get("value"), dict) else {}
                choices = value.get("choices")
                names = _MODALITY_NAMES
                if not isinstance(choices, list) or len(choices) != 1 or choices[0] not in names:
                    self.problem(f"unknown modality {choices!r}; expected one of {names}", region)
                    continue
                if region in modality:
                    self.problem("duplicate modality choice", region)
                    continue
                modality[region] = choices[0]
            else:
                self.problem(f"unknown result type {kind!r} (from_name {from_name!r}); expected "
                             "'labels', 'choices' or 'relation'", region)
        return self._assemble(text, spans, modality, relations)

    def _relation(self, item: dict[str, Any], relations: list[tuple[str, str, str]]) -> None:
        from_id, to_id, labels = item.get("from_id"), item.get("to_id"), item.get("labels")
        if not isinstance(labels, list) or len(labels) != 1 or labels[0] not in _ROLE_NAMES:
            names = [d.name for d in ROLE_DEFS]
            self.problem(f"relation role {labels!r} is not one role of {names}", f"{from_id}->{to_id}")
            return
        relations.append((str(from_id), str(to_id), labels[0]))

    def _assemble(self, text: str, spans: dict[str, tuple[str, Span]], modality: dict[str, str],
                  relations: list[tuple[str, str, str]]) -> AnnotatedDocument:
        for region in sorted(set(modality) - set(spans) - self.broken):
            self.problem("modality choice for a region that is not a trigger in this annotation", region)
        for region, (control, span) in spans.items():
            if control == ENTITY_CONTROL and region in modality:
                self.problem("modality choice on an entity region; only triggers have a modality",
                             region, (span.start, span.end))
        arguments: dict[str, list[Argument]] = {}
        seen: set[tuple[str, str, str]] = set()
        for from_id, to_id, role in relations:
            where = f"{from_id}->{to_id}"
            if from_id not in spans or to_id not in spans:
                missing = [i for i in (from_id, to_id) if i not in spans]
                if all(i in self.broken for i in missing):
                    continue
                self.problem(f"relation end {missing} is missing from this annotation", where)
                continue
            if spans[from_id][0] != TRIGGER_CONTROL or spans[to_id][0] != ENTITY_CONTROL:
                self.problem(f"relation must go from a trigger to an entity, not {spans[from_id][0]} "
                             f"{spans[from_id][1].text!r} to {spans[to_id][0]} {spans[to_id][1].text!r}",
                             where)
                continue
            if (from_id, to_id, role) in seen:
                self.problem(f"duplicate relation {role}", where)
                continue
            seen.add((from_id, to_id, role))
            arguments.setdefault(from_id, []).append(Argument(role, to_id))
        entities, events = [], []
        for region, (control, span) in sorted(spans.items(), key=lambda kv: (kv[1][1].start, kv[1][1].end, kv[0])):
            if control == ENTITY_CONTROL:
                entities.append(span)
                continue
            if region not in modality:
                self.problem(f"trigger {span.text!r} has no modality; expected one of "
                             f"{[d.name for d in MODALITY_DEFS]}", region, (span.start, span.end))
            events.append(Event(region, span.label, modality.get(region, "asserted"), span,
                                tuple(arguments.get(region, ()))))
        assert self.doc_id is not None
        meta = self.task.get("meta") if isinstance(self.task, dict) else None
        meta = dict(meta) if isinstance(meta, dict) else {}
        if isinstance(self.annotator, (str, int)) and not isinstance(self.annotator, bool):
            meta["completed_by"] = self.annotator
        return AnnotatedDocument(self.doc_id, text, tuple(entities), tuple(events), meta)


#: A document may have at most this many characters (spaCy's default ``max_length``);
#: a news article has a few thousand. Longer texts are refused, not tokenised.
MAX_TEXT_CHARS = 1_000_000
#: After this many problems the rest are counted, not kept, so a huge broken file cannot exhaust memory.
MAX_PROBLEMS = 1000


def parse_export(data: object, *, file: str, source: str = "annotations") -> ExportReport:
    """Read a Label Studio JSON export already parsed from JSON, or streamed task by task.

    Args:
        data: the parsed JSON (a list of tasks), or an iterator of tasks.
        file: its path, for messages.
        source: read ``"annotations"`` (default) or ``"predictions"``.
    """
    if isinstance(data, (dict, str, int, float, bool)) or data is None:
        kind = "null" if data is None else {dict: "an object", str: "a string", bool: "a boolean"}.get(
            type(data), "a number")
        return ExportReport((), (Problem(f"an export must be a JSON list of tasks, not {kind}", file),))
    documents, problems, notes = [], [], []
    seen: dict[str, int] = {}
    dropped = 0
    for index, task in enumerate(data):  # type: ignore[call-overload]
        reader = _TaskReader(task, index, file, source)
        document = reader.read()
        found = reader.problems
        if document is not None and document.doc_id in seen:
            found = [*found, Problem(f"duplicate doc_id (also task #{seen[document.doc_id]})", file,
                                     document.doc_id)]
            document = None
        room = max(MAX_PROBLEMS - len(problems), 0)
        problems += found[:room]
        dropped += len(found) - len(found[:room])
        notes += reader.notes[:MAX_PROBLEMS]
        if document is None:
            continue
        seen[document.doc_id] = index
        documents.append(document)
    if dropped:
        problems.append(Problem(f"... and {dropped} more problems (only the first {MAX_PROBLEMS} are listed)",
                                file))
    return ExportReport(tuple(documents), tuple(problems), tuple(notes))


def _utf8_problem(path: Path) -> Problem | None:
    """The first non-UTF-8 byte of a file, found by streaming it (no full read)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return Problem(f"not UTF-8: byte 0x{chunk[error.start]:02x} at byte offset "
                               f"{offset + error.start} cannot be decoded; expected UTF-8 JSON", str(path))
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return Problem(f"not UTF-8: the file ends inside a multi-byte character (byte offset {offset})",
                           str(path))
    return None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small, acyclic records are made.

    Reading builds one object per region and relation; with the collector on,
    every few thousand allocations it walks them all again (half the reading time
    of a large export). Nothing made here forms a cycle.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_export(path: Path, *, source: str = "annotations") -> ExportReport:
    """Read and check a Label Studio JSON export file, streaming it task by task.

    Memory stays bounded by the largest task, so exports of thousands of articles
    (or a huge broken file) are read without loading the whole file.
    """
    import ijson

    try:
        with path.open("rb") as handle:
            head = handle.read(64).lstrip()
    except OSError as error:
        return ExportReport((), (Problem(f"cannot read: {error.strerror}", str(path)),))
    if head.startswith(b"\xef\xbb\xbf"):
        return ExportReport((), (Problem("starts with a UTF-8 byte-order mark; expected plain UTF-8 JSON",
                                         str(path)),))
    problem = _utf8_problem(path)
    if problem is not None:
        return ExportReport((), (problem,))
    if not head:
        return ExportReport((), (Problem("the file is empty; expected a JSON list of tasks", str(path)),))
    if not head.startswith(b"["):
        try:
            data = json.loads(path.read_bytes()) if path.stat().st_size < (1 << 20) else {}
        except json.JSONDecodeError as error:
            return ExportReport((), (Problem(f"invalid JSON at line {error.lineno} column {error.colno}: "
                                             f"{error.msg}", str(path)),))
        return parse_export(data, file=str(path), source=source)
    with path.open("rb") as handle, _collector_paused():
        try:
            return parse_export(ijson.items(handle, "item", use_float=True), file=str(path), source=source)
        except ijson.JSONError as error:
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            return ExportReport((), (Problem(f"invalid JSON near byte {handle.tell()}: {message}", str(path)),))
