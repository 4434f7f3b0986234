"""Label Studio JSON written by the project: import tasks and annotation results.

An import task::

    {"data": {"text": "<cleaned text>", "doc_id": "002_a9b487edf7c1dd88"},
     "meta": {"outlet": "SINDOnews.com", "published": "...", "sha256": "...", ...}}

A ``result`` list holds one ``labels`` item per region, one ``choices`` item
per trigger (the modality, same id as the trigger) and one ``relation`` item
per argument, from the trigger to the entity.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from indogeoie.formats.articles import Article
from indogeoie.records import AnnotatedDocument, Span
from indogeoie.schema import ENTITY_CONTROL, MODALITY_CONTROL, SCHEMA_VERSION, TEXT_OBJECT, TRIGGER_CONTROL

def import_task(article: Article) -> dict[str, object]:
    """One Label Studio import task for an article: cleaned text, doc_id and provenance."""
    meta = asdict(article.meta)
    meta["schema_version"] = SCHEMA_VERSION
    meta["cleaning_drops"] = [[d.start, d.end, d.rule] for d in article.cleaned.drops]
    return {"data": {TEXT_OBJECT: article.text, "doc_id": article.doc_id}, "meta": meta}


def tasks_json(articles: list[Article]) -> str:
    """Import tasks for ``articles`` as deterministic JSON."""
    tasks = [import_task(a) for a in sorted(articles, key=lambda a: a.doc_id)]
    return json.dumps(tasks, ensure_ascii=False, indent=2) + "\n"


def document_result(document: AnnotatedDocument) -> list[dict[str, Any]]:
    """The Label Studio ``result`` list for one document (regions, modality, relations)."""
    result: list[dict[str, Any]] = []

    def region(span: Span, control: str) -> dict[str, Any]:
        return {"id": span.id, "type": "labels", "from_name": control, "to_name": TEXT_OBJECT,
                "origin": "manual",
                "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}}

    for entity in document.entities:
        result.append(region(entity, ENTITY_CONTROL))
    for event in document.events:
        result.append(region(event.trigger, TRIGGER_CONTROL))
        trigger = event.trigger
        result.append({"id": trigger.id, "type": "choices", "from_name": MODALITY_CONTROL,
                       "to_name": TEXT_OBJECT, "origin": "manual",
                       "value": {"start": trigger.start, "end": trigger.end, "text": trigger.text,
                                 "choices": [event.modality]}})
    for event in document.events:
        for argument in event.arguments:
            result.append({"type": "relation", "from_id": event.trigger.id, "to_id": argument.ref_id,
                           "direction": "right", "labels": [argument.role]})
    return result
