"""One task of a Label Studio JSON export, read into a typed document with every problem located.

A task and the annotation that counts::

  {"data": {"text": "...", "doc_id": "001_1e9f..."}, "meta": {...},
   "annotations": [{"id": 7, "completed_by": 1, "was_cancelled": false, "ground_truth": false, "result": [
      {"id": "e001", "type": "labels", "from_name": "entity", "to_name": "text",
       "value": {"start": 0, "end": 2, "text": "AS", "labels": ["GPE"]}},
      {"id": "t001", "type": "labels", "from_name": "trigger", "to_name": "text",
       "value": {"start": 3, "end": 12, "text": "menyerang", "labels": ["ASSAULT"]}},
      {"id": "t001", "type": "choices", "from_name": "modality", "to_name": "text",
       "value": {"start": 3, "end": 12, "text": "menyerang", "choices": ["asserted"]}},
      {"type": "relation", "from_id": "t001", "to_id": "e001", "direction": "right", "labels": ["Actor"]}]}]}

Every field is type-checked before it is used: a label, a name or a role that
is a list or an object, a region without an id, an unknown relation direction,
a ``ground_truth`` that is not a boolean, an annotation without ``result``,
lone surrogates and control characters in ids are all reported, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from indogeoie.errors import Problem
from indogeoie.formats.labelstudio_fields import choose_annotation, control_problem, text_problem
from indogeoie.formats.metadata import meta_problems
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import (
    ENTITY_CONTROL,
    ENTITY_TYPES,
    EVENT_TYPES,
    MODALITIES,
    MODALITY_CONTROL,
    ROLES,
    TRIGGER_CONTROL,
)

#: A document may have at most this many characters (spaCy's default ``max_length``);
#: a news article has a few thousand. Longer texts are refused, not tokenised.
MAX_TEXT_CHARS = 1_000_000
LABELS = {ENTITY_CONTROL: ENTITY_TYPES, TRIGGER_CONTROL: EVENT_TYPES}
_LABEL_SETS = {control: frozenset(names) for control, names in LABELS.items()}
#: Label Studio's relation directions; ``right`` points from ``from_id`` to ``to_id``.
DIRECTIONS = ("right", "left", "bi")
_META_FIELDS = ("doc_id", "sha256", "source", "licence", "outlet", "published", "published_inferred",
                "published_reason", "url", "language", "provenance")


@dataclass
class TaskReader:
    """Reads one task, collecting every problem instead of stopping at the first."""

    task: object
    index: int
    file: str
    source: str  # "annotations" or "predictions"
    doc_id: str | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unannotated: str | None = None  # why the task has no annotation that counts
    broken: set[str] = field(default_factory=set)  # regions already reported; their relations are not
    annotator: object = None

    def problem(self, message: str, region: str | None = None, offsets: tuple[int, int] | None = None) -> None:
        self.problems.append(Problem(message, self.file, self.doc_id or f"(task #{self.index})", region, offsets))

    def read(self) -> AnnotatedDocument | None:
        """The task's document, or None when it is broken or has no annotation that counts."""
        task = self.task
        if not isinstance(task, dict):
            self.problem(f"a task must be a JSON object, not {type(task).__name__}")
            return None
        data = task.get("data")
        if not isinstance(data, dict):
            self.problem("missing key 'data' (an object with 'text' and 'doc_id')")
            return None
        text = self._data(data)
        meta = self._meta(task.get("meta"))
        entries = task.get(self.source, [])
        if not isinstance(entries, list):
            self.problem(f"'{self.source}' must be a list, not {type(entries).__name__}")
            return None
        for entry in entries:
            self._check_entry(entry)
        if text is None or self.doc_id is None:
            return None
        chosen, others = choose_annotation(entries)
        for other in others:
            self.notes.append(f"{self.file}: doc {self.doc_id}: {self.source[:-1]} id {other.get('id')} ignored; "
                              f"id {chosen.get('id') if chosen else None} counts")
        if chosen is None:
            self.unannotated = "every annotation was cancelled (skipped)" if entries else "no annotation yet"
            return None
        result = chosen.get("result")
        if not isinstance(result, list):
            return None  # reported by _check_entry
        if not result:
            self.unannotated = "its annotation is empty"
            return None
        self.annotator = chosen.get("completed_by")
        return self._regions(text, result, meta)

    def _data(self, data: dict[str, Any]) -> str | None:
        doc_id, text = data.get("doc_id"), data.get("text")
        if isinstance(doc_id, str) and doc_id and not control_problem(doc_id):
            self.doc_id = doc_id
        elif isinstance(doc_id, str) and doc_id:
            self.problem(f"data.doc_id {doc_id!r} has {control_problem(doc_id)}; expected a plain identifier")
        else:
            self.problem(f"data.doc_id must be a non-empty string, not {doc_id!r}")
        if not isinstance(text, str):
            self.problem(f"data.text must be a string, not {type(text).__name__ if text is not None else 'null'}")
            return None
        if len(text) > MAX_TEXT_CHARS:
            self.problem(f"data.text has {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} a document "
                         "may have; split it into articles")
            return None
        problem = text_problem(text)
        if problem:
            self.problem(f"data.text has {problem}")
            return None
        if "\r" in text:
            at = text.index("\r")
            self.problem(f"data.text contains a carriage return at offset {at}; newlines must be \\n",
                         offsets=(at, at + 1))
        return text

    def _meta(self, meta: object) -> dict[str, Any]:
        if meta is None:
            return {}
        if not isinstance(meta, dict):
            self.problem(f"meta must be an object, not {type(meta).__name__}")
            return {}
        present = {k: meta[k] for k in _META_FIELDS if k in meta}
        if present:  # a task that carries provenance must carry it well
            checked = {"doc_id": self.doc_id or "", "sha256": "", "source": "seed", "licence": "", **present}
            for problem in meta_problems(checked, file=self.file, doc_id=self.doc_id or ""):
                self.problem(f"meta: {problem.message}")
        sentences = meta.get("sentences")
        if sentences is not None and not (isinstance(sentences, list) and all(
                isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s) for s in sentences)):
            self.problem("meta.sentences must be a list of [start, end] integer pairs")
        return dict(meta)

    def _check_entry(self, entry: object) -> None:
        name = self.source[:-1]
        if not isinstance(entry, dict):
            self.problem(f"an {name} must be an object, not {type(entry).__name__}")
            return
        for key in ("was_cancelled", "ground_truth"):
            if key in entry and not isinstance(entry[key], bool):
                self.problem(f"{name} id {entry.get('id')!r}: {key} must be true or false, not {entry[key]!r}")
        if "result" not in entry:
            self.problem(f"{name} id {entry.get('id')!r} has no 'result'; an empty annotation is written as "
                         "\"result\": []")
        elif not isinstance(entry["result"], list):
            self.problem(f"{name} id {entry.get('id')!r}: 'result' must be a list")

    def _region_id(self, item: dict[str, Any]) -> str | None:
        region = item.get("id")
        if not isinstance(region, str) or not region:
            self.problem(f"a {item.get('type')} item needs a non-empty string id, not {region!r}")
            return None
        problem = control_problem(region)
        if problem:
            self.problem(f"region id {region!r} has {problem}")
            return None
        return region

    def _span(self, item: dict[str, Any], region: str, text: str, control: str) -> Span | None:
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
        allowed = list(LABELS[control])
        if not isinstance(labels, list) or not labels:
            kind = "trigger without an event type" if control == TRIGGER_CONTROL else "entity without a type"
            self.problem(f"{kind} {text[start:end]!r}; expected one of {allowed}", region, (start, end))
            return None
        if len(labels) > 1:
            self.problem(f"region has {len(labels)} labels {labels!r}; expected exactly one", region, (start, end))
            return None
        if not isinstance(labels[0], str) or labels[0] not in _LABEL_SETS[control]:
            self.problem(f"unknown {control} label {labels[0]!r} on {text[start:end]!r}; expected one of {allowed}",
                         region, (start, end))
            return None
        return Span(region, labels[0], start, end, text[start:end])

    def _regions(self, text: str, result: list[Any], meta: dict[str, Any]) -> AnnotatedDocument | None:
        spans: dict[str, tuple[str, Span]] = {}
        modality: dict[str, str] = {}
        relations: list[tuple[str, str, str]] = []
        for item in result:
            if not isinstance(item, dict):
                self.problem(f"a result item must be an object, not {type(item).__name__}")
                continue
            kind, from_name = item.get("type"), item.get("from_name")
            if kind == "relation":
                self._relation(item, relations)
                continue
            region = self._region_id(item)
            if region is None:
                continue
            if kind == "labels":
                if not isinstance(from_name, str) or from_name not in LABELS:
                    self.problem(f"unknown from_name {from_name!r} for a labels region; expected "
                                 f"{sorted(LABELS)}", region)
                elif region in spans or region in self.broken:
                    self.problem("duplicate region id", region)
                elif (span := self._span(item, region, text, from_name)) is None:
                    self.broken.add(region)
                else:
                    spans[region] = (from_name, span)
            elif kind == "choices":
                self._choice(item, region, from_name, modality)
            else:
                self.problem(f"unknown result type {kind!r} (from_name {from_name!r}); expected 'labels', "
                             "'choices' or 'relation'", region)
        return self._assemble(text, spans, modality, relations, meta)

    def _choice(self, item: dict[str, Any], region: str, from_name: object, modality: dict[str, str]) -> None:
        if from_name != MODALITY_CONTROL:
            self.problem(f"unknown from_name {from_name!r} for choices; expected {MODALITY_CONTROL!r}", region)
            return
        value = item.get("value")
        choices = value.get("choices") if isinstance(value, dict) else None
        if not isinstance(choices, list) or len(choices) != 1 or not isinstance(choices[0], str) \
                or choices[0] not in MODALITIES:
            self.problem(f"unknown modality {choices!r}; expected one of {list(MODALITIES)}", region)
        elif region in modality:
            self.problem("duplicate modality choice", region)
        else:
            modality[region] = choices[0]

    def _relation(self, item: dict[str, Any], relations: list[tuple[str, str, str]]) -> None:
        from_id, to_id, labels, direction = (item.get("from_id"), item.get("to_id"), item.get("labels"),
                                             item.get("direction", "right"))
        if not isinstance(from_id, str) or not isinstance(to_id, str) or not from_id or not to_id:
            self.problem(f"a relation needs string from_id and to_id, not {from_id!r} and {to_id!r}")
            return
        where = f"{from_id}->{to_id}"
        if direction not in DIRECTIONS:
            self.problem(f"relation direction {direction!r}; expected one of {list(DIRECTIONS)}", where)
            return
        if not isinstance(labels, list) or len(labels) != 1 or not isinstance(labels[0], str) \
                or labels[0] not in ROLES:
            self.problem(f"relation role {labels!r} is not one role of {list(ROLES)}", where)
            return
        if direction == "left":  # the arrow points back at from_id
            from_id, to_id = to_id, from_id
        relations.append((from_id, to_id, labels[0]))

    def _assemble(self, text: str, spans: dict[str, tuple[str, Span]], modality: dict[str, str],
                  relations: list[tuple[str, str, str]], meta: dict[str, Any]) -> AnnotatedDocument | None:
        for region in sorted(set(modality) - set(spans) - self.broken):
            self.problem("modality choice for a region that is not a trigger in this annotation", region)
        for region, (control, span) in spans.items():
            if control == ENTITY_CONTROL and region in modality:
                self.problem("modality choice on an entity region; only triggers have a modality", region,
                             (span.start, span.end))
        arguments: dict[str, list[Argument]] = {}
        for from_id, to_id, role in relations:
            where = f"{from_id}->{to_id}"
            missing = [i for i in (from_id, to_id) if i not in spans]
            if missing:
                if not all(i in self.broken for i in missing):
                    self.problem(f"relation end {missing} is missing from this annotation", where)
                continue
            (from_kind, from_span), (to_kind, to_span) = spans[from_id], spans[to_id]
            if (from_kind, to_kind) == (ENTITY_CONTROL, TRIGGER_CONTROL):
                self.problem(f"relation {role} is drawn from entity {from_span.text!r} to trigger {to_span.text!r}; "
                             "draw it from the trigger to the entity", where, (to_span.start, to_span.end))
                continue
            if (from_kind, to_kind) != (TRIGGER_CONTROL, ENTITY_CONTROL):
                self.problem(f"relation must go from a trigger to an entity, not {from_kind} {from_span.text!r} to "
                             f"{to_kind} {to_span.text!r}", where)
                continue
            if Argument(role, to_id) in arguments.get(from_id, []):
                self.problem(f"duplicate relation {role}", where)
                continue
            arguments.setdefault(from_id, []).append(Argument(role, to_id))
        entities, events = [], []
        for region, (control, span) in sorted(spans.items(), key=lambda kv: (kv[1][1].start, kv[1][1].end, kv[0])):
            if control == ENTITY_CONTROL:
                entities.append(span)
                continue
            if region not in modality:
                self.problem(f"trigger {span.text!r} has no modality; expected one of {list(MODALITIES)}", region,
                             (span.start, span.end))
            events.append(Event(region, span.label, modality.get(region, MODALITIES[0]), span,
                                tuple(arguments.get(region, ()))))
        if self.problems:
            return None
        assert self.doc_id is not None
        if isinstance(self.annotator, (str, int)) and not isinstance(self.annotator, bool):
            meta["completed_by"] = self.annotator
        return AnnotatedDocument(self.doc_id, text, tuple(entities), tuple(events), meta)
