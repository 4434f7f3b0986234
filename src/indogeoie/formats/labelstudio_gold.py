"""The gold file: Label Studio's JSON export format in one canonical form, made for small diffs.

The gold keeps only what the project needs of an export, with a fixed key
order: per task its ``data`` (text and doc_id) and its one annotation, with
the annotator (``completed_by``) and the ``result``. Each task opens on its own
line and each region, choice and relation is one line, so a change to four
regions changes four lines::

    [
    {"data": {"doc_id": "000_4285796cfa4b3b39", "text": "Jenderal itu ..."},
     "annotations": [{"completed_by": "annotator-a", "ground_truth": true, "result": [
      {"id": "e001", "type": "labels", "from_name": "entity", "to_name": "text", "value": {...}},
      {"type": "relation", "from_id": "t001", "to_id": "e001", "direction": "right", "labels": ["Actor"]}
     ]}]},
    ...
    ]

Label Studio imports the file as it is (tasks with annotations), and the
project's export reader reads it as any other export.
"""

from __future__ import annotations

import json
from typing import Any

from indogeoie.formats.labelstudio_tasks import document_result
from indogeoie.records import AnnotatedDocument
from indogeoie.schema import TEXT_OBJECT


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def gold_task(document: AnnotatedDocument, *, annotator: str) -> dict[str, Any]:
    """The canonical gold task of one document."""
    return {"data": {"doc_id": document.doc_id, TEXT_OBJECT: document.text},
            "annotations": [{"completed_by": annotator, "ground_truth": True, "result": document_result(document)}]}


def gold_json(tasks: list[dict[str, Any]]) -> str:
    """Tasks in the canonical layout, sorted by doc_id: a line per task head and per result item."""
    blocks = []
    for task in sorted(tasks, key=lambda t: t["data"]["doc_id"]):
        annotation = task["annotations"][0]
        head = {k: v for k, v in annotation.items() if k != "result"}
        inner = _dump(head)[:-1]  # leave the object open for the result list
        items = ",\n".join(f"  {_dump(item)}" for item in annotation["result"])
        blocks.append(f'{{"data": {_dump(task["data"])},\n "annotations": [{inner}, "result": [\n'
                      + (items + "\n" if items else "") + " ]}]}")
    return "[\n" + ",\n".join(blocks) + "\n]\n"


def annotator_of(document: AnnotatedDocument) -> str:
    """Who annotated a document, as its annotation recorded (``completed_by``), or ``unknown``."""
    value = document.meta.get("completed_by")
    return str(value) if value not in (None, "") else "unknown"
