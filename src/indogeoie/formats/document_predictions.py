"""Document-level predictions: one JSON object per document, as ``indogeoie predict`` writes and ``score`` reads.

A row is declared document-level by its ``entities`` and/or ``events`` key
(and no tags key); offsets are character offsets into the document's text,
end exclusive; ``modality`` may be left out (then modality is not scored)::

    {"doc_id": "004_8ad9ae01f34e4272",
     "entities": [{"type": "GPE", "start": 1595, "end": 1597}],
     "events": [{"type": "ASSAULT", "modality": "asserted", "trigger": {"start": 1598, "end": 1608},
                 "arguments": [{"role": "Actor", "start": 1595, "end": 1597}]}]}

Every problem is located (file, line, doc_id, event, argument); reading goes
on to list them all, up to :data:`indogeoie.formats.predictions.MAX_PROBLEMS`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indogeoie.benchmark.metrics import Event, Events
from indogeoie.errors import Problem
from indogeoie.formats.predictions import Problems, is_document_level, json_lines
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, ROLES

if TYPE_CHECKING:
    from indogeoie.records import AnnotatedDocument

Span = tuple[int, int, str]


def _offsets(item: object, length: int) -> tuple[int, int] | str:
    if not isinstance(item, dict):
        return f"expected an object with 'start' and 'end', not {type(item).__name__}"
    start, end = item.get("start"), item.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        return f"'start' and 'end' must be integers, not {start!r} and {end!r}"
    if not 0 <= start < end <= length:  # type: ignore[operator]
        return f"[{start}:{end}] is not a span of the text (0..{length})"
    return start, end  # type: ignore[return-value]


def _labelled(item: object, length: int, key: str, allowed: tuple[str, ...]) -> tuple[int, int, str] | str:
    """(start, end, label) of an entity or argument item, or what is wrong with it."""
    span = _offsets(item, length)
    if isinstance(span, str):
        return span
    label = item.get(key) if isinstance(item, dict) else None
    if label not in allowed:
        return f"unknown {key} {label!r}; expected one of {list(allowed)}"
    return span[0], span[1], str(label)


def _document(row: dict[str, Any], where: str, length: int, file: str,
              problems: Problems) -> tuple[list[Span] | None, tuple[Event, ...] | None]:
    entities = None
    if "entities" in row:
        entities = []
        items = row["entities"]
        for index, item in enumerate(items if isinstance(items, list) else []):
            found = _labelled(item, length, "type", ENTITY_TYPES)
            if isinstance(found, str):
                problems.add(Problem(f"{where}: entity {index}: {found}", file))
                continue
            entities.append((found[0], found[1], found[2]))
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
            found = _labelled(argument, length, "role", ROLES)
            if isinstance(found, str):
                problems.add(Problem(f"{at}: argument {a_index}: {found}", file))
                continue
            roles.append((found[2], found[0], found[1]))
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
    problems = Problems()
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
