"""Label Studio JSON written by the project: import tasks and annotation results.

An import task carries the annotated text, the doc_id and the document's
provenance, with what was dropped on the way from the source::

    {"data": {"text": "<annotated text>", "doc_id": "002_a9b487edf7c1dd88"},
     "meta": {"doc_id": "...", "sha256": "...", "source": "seed", "outlet": "SINDOnews.com", ...,
              "schema_version": "1.0.0", "drops": [[0, 44, "title_slug"], ...], "sentences": null}}

``drops`` lists what cleaning removed: ``[start, end, rule]`` in the raw
article for a seed article, ``[rule, paragraph, sentence, token]`` in the
source's own coordinates for an IndoSum record. ``sentences`` holds a
pre-tokenised source's sentence offsets (null when the project tokenizes).
A ``result`` list holds one ``labels`` item per region, one ``choices`` item
per trigger (the modality, same id as the trigger) and one ``relation`` item
per argument, from the trigger to the entity.
"""

from __future__ import annotations

import json
from typing import Any

from indogeoie.corpus.documents import SourceDocument
from indogeoie.formats.metadata import meta_record
from indogeoie.records import AnnotatedDocument, Span
from indogeoie.schema import (
    ENTITY_CONTROL,
    MODALITY_CONTROL,
    SCHEMA_VERSION,
    TEXT_OBJECT,
    TRIGGER_CONTROL,
)


def task_meta(document: SourceDocument) -> dict[str, Any]:
    """The ``meta`` of a document's task: its metadata, the schema version, drops and sentences."""
    return {**meta_record(document.meta), "schema_version": SCHEMA_VERSION,
            "drops": [list(d) for d in document.drops],
            "sentences": [list(s) for s in document.sentences] if document.sentences is not None else None}


def import_task(document: SourceDocument) -> dict[str, Any]:
    """One Label Studio import task for a corpus document."""
    return {"data": {TEXT_OBJECT: document.text, "doc_id": document.doc_id}, "meta": task_meta(document)}


def tasks_json(documents: list[SourceDocument]) -> str:
    """Import tasks for ``documents`` as deterministic JSON, one task per line, in doc_id order."""
    tasks = [json.dumps(import_task(d), ensure_ascii=False, sort_keys=False)
             for d in sorted(documents, key=lambda d: d.doc_id)]
    return "[\n" + ",\n".join(tasks) + "\n]\n"


def _region(span: Span, control: str) -> dict[str, Any]:
    return {"id": span.id, "type": "labels", "from_name": control, "to_name": TEXT_OBJECT, "origin": "manual",
            "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}}


def document_result(document: AnnotatedDocument) -> list[dict[str, Any]]:
    """The Label Studio ``result`` list for one document (regions, modality, relations)."""
    result: list[dict[str, Any]] = [_region(entity, ENTITY_CONTROL) for entity in document.entities]
    for event in document.events:
        trigger = event.trigger
        result.append(_region(trigger, TRIGGER_CONTROL))
        result.append({"id": trigger.id, "type": "choices", "from_name": MODALITY_CONTROL, "to_name": TEXT_OBJECT,
                       "origin": "manual", "value": {"start": trigger.start, "end": trigger.end,
                                                     "text": trigger.text, "choices": [event.modality]}})
    for event in document.events:
        for argument in event.arguments:
            result.append({"type": "relation", "from_id": event.trigger.id, "to_id": argument.ref_id,
                           "direction": "right", "labels": [argument.role]})
    return result
