"""Tests for indogeoie.formats.labelstudio_task: one export task read into a document, every problem located."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from indogeoie.formats.labelstudio_task import TaskReader
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

TEXT = "Iran menyerang Irak pada 2020. AS  membantah."
TRIGGER = (len("Iran "), len("Iran menyerang"))


def region(rid: str, control: str, start: int, end: int, label: str) -> dict[str, Any]:
    return {"id": rid, "type": "labels", "from_name": control, "to_name": "text",
            "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}}


def modality(rid: str, choice: str) -> dict[str, Any]:
    return {"id": rid, "type": "choices", "from_name": "modality", "to_name": "text",
            "value": {"start": TRIGGER[0], "end": TRIGGER[1], "text": "menyerang", "choices": [choice]}}


def read(task: object, source: str = "annotations") -> tuple[AnnotatedDocument | None, TaskReader]:
    reader = TaskReader(task, 3, "x.json", source)
    return reader.read(), reader


def test_the_latest_annotation_counts_and_a_left_relation_points_back() -> None:
    result = [region("e1", "entity", 0, 4, "GPE"), region("t1", "trigger", *TRIGGER, "ASSAULT"),
              modality("t1", "future"),
              {"type": "relation", "from_id": "e1", "to_id": "t1", "direction": "left", "labels": ["Actor"]}]
    task = {"data": {"text": TEXT, "doc_id": "d1"}, "annotations": [
        {"id": 7, "completed_by": 3, "updated_at": "2024-01-02", "result": result},
        {"id": 5, "completed_by": 2, "updated_at": "2024-01-01", "result": []}]}
    document, reader = read(task)
    assert document == AnnotatedDocument("d1", TEXT, (Span("e1", "GPE", 0, 4, "Iran"),), (
        Event("t1", "ASSAULT", "future", Span("t1", "ASSAULT", *TRIGGER, "menyerang"), (Argument("Actor", "e1"),)),))
    assert document is not None and document.meta == {"completed_by": 3}
    assert reader.problems == [] and reader.notes == ["x.json: doc d1: annotation id 5 ignored; id 7 counts"]


@pytest.mark.parametrize(("task", "message"), [
    ([], "x.json: doc (task #3): a task must be a JSON object, not list"),
    ({"data": {"doc_id": "d1", "text": "a\r\nb"}, "annotations": []},
     "x.json: doc d1: [1:2]: data.text contains a carriage return at offset 1; newlines must be \\n"),
    ({"data": {"doc_id": "", "text": TEXT}}, "x.json: doc (task #3): data.doc_id must be a non-empty string, not ''"),
    ({"data": {"doc_id": "d1", "text": TEXT}, "annotations": {}},
     "x.json: doc d1: 'annotations' must be a list, not dict"),
])
def test_a_broken_task_is_no_document_and_a_located_problem(task: object, message: str) -> None:
    document, reader = read(task)
    assert document is None and [str(p) for p in reader.problems] == [message]


def test_predictions_are_read_with_the_same_checks() -> None:
    task = {"data": {"text": TEXT, "doc_id": "d1"}, "predictions": [{"id": 1, "result": [
        region("e1", "entity", 0, 4, "GPE"), modality("e1", "asserted")]}]}
    document, reader = read(task, source="predictions")
    assert document is None
    assert [str(p) for p in reader.problems] == [
        "x.json: doc d1: region e1 [0:4]: modality choice on an entity region; only triggers have a modality"]


@pytest.mark.parametrize(
    ("annotations", "why"),
    [([], "no annotation yet"), ([{"id": 1, "was_cancelled": True, "result": []}],
                                 "every annotation was cancelled (skipped)"),
     ([{"id": 1, "result": []}], "its annotation is empty")],
)
def test_a_task_without_a_live_annotation_is_no_document(tmp_path: Path, annotations: list[dict[str, Any]],
                                                         why: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"data": {"doc_id": "d1", "text": TEXT}, "annotations": annotations}]),
                    encoding="utf-8")
    from indogeoie.formats.labelstudio_export import read_export

    report = read_export(path)
    assert report.documents == () and report.problems == () and report.unannotated == (("d1", why),)
