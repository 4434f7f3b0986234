"""Tests for indogeoie.formats.labelstudio_export: an export file read whole and strictly, every problem located."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from indogeoie.errors import Problem
from indogeoie.formats import labelstudio_export
from indogeoie.formats.labelstudio_export import parse_export, read_export
from indogeoie.records import AnnotatedDocument, Span


def entity(rid: str, start: int, end: int, text: str, label: str = "GPE") -> dict[str, Any]:
    return {"id": rid, "type": "labels", "from_name": "entity", "to_name": "text",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def task(doc_id: str, text: str, result: list[dict[str, Any]] | None = None,
         key: str = "annotations") -> dict[str, Any]:
    annotations = [] if result is None else [{"id": 1, "result": result}]
    return {"data": {"doc_id": doc_id, "text": text}, key: annotations}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_valid_export_gives_its_documents_in_task_order(tmp_path: Path) -> None:
    path = write(tmp_path, [task("b", "AS menyerang Irak.", [entity("e1", 0, 2, "AS"), entity("e2", 13, 17, "Irak")]),
                            task("a", "Iran diam.", [entity("e1", 0, 4, "Iran")]),
                            task("c", "Belum dianotasi.")])
    report = read_export(path)
    assert report.documents == (
        AnnotatedDocument("b", "AS menyerang Irak.", (Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak"))),
        AnnotatedDocument("a", "Iran diam.", (Span("e1", "GPE", 0, 4, "Iran"),)))
    assert report.problems == () and report.unannotated == (("c", "no annotation yet"),)


def test_predictions_are_read_instead_of_annotations_when_asked(tmp_path: Path) -> None:
    path = write(tmp_path, [task("a", "AS diam.", [entity("e1", 0, 2, "AS")]),
                            task("p", "AS pergi.", [entity("e1", 0, 2, "AS")], key="predictions")])
    assert [d.doc_id for d in read_export(path).documents] == ["a"]
    report = read_export(path, source="predictions")
    assert [d.doc_id for d in report.documents] == ["p"] and report.unannotated == (("a", "no annotation yet"),)


@pytest.mark.parametrize(("data", "kind"), [
    ({"data": {}}, "an object"), ("tasks", "a string"), (True, "a boolean"), (None, "null"), (3.5, "a number")])
def test_a_file_that_is_not_a_json_list_is_one_problem_of_the_file(tmp_path: Path, data: object, kind: str) -> None:
    path = write(tmp_path, data)
    assert read_export(path) == labelstudio_export.ExportReport(
        (), (Problem(f"an export must be a JSON list of tasks, not {kind}", str(path)),))


@pytest.mark.parametrize(("raw", "message"), [
    (b"", "the file is empty; expected a JSON list of tasks"),
    (b"\xef\xbb\xbf[]", "starts with a UTF-8 byte-order mark; expected plain UTF-8 JSON"),
    (b'[{"data": {"text": "\xff"}}]', "not UTF-8: byte 0xff at byte offset 20 cannot be decoded"),
    (b'[{"data": {"doc_id": "a", "doc_id": "b", "text": "x"}}]', "invalid JSON: the key 'doc_id' appears twice in one object"),
    (b'[{"data": {"doc_id": "a", "text": NaN}}]', "invalid JSON: NaN is not a JSON number"),
    (b"[" * 100_000, "the JSON is nested too deeply to be an export"),
    (b'[{"data": ', "invalid JSON at line 1 column 11"),
], ids=["empty", "bom", "not_utf8", "duplicate_key", "nan", "deep_nesting", "truncated"])
def test_a_file_that_is_not_strict_json_is_a_problem_of_the_file_and_no_documents(tmp_path: Path, raw: bytes,
                                                                                  message: str) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(raw)
    report = read_export(path)
    assert report.documents == () and report.unannotated == ()
    (problem,) = report.problems
    assert problem.file == str(path) and problem.doc_id is None and problem.message.startswith(message), problem


def test_a_duplicate_doc_id_keeps_the_first_task_and_locates_the_second(tmp_path: Path) -> None:
    path = write(tmp_path, [task("a", "AS diam.", [entity("e1", 0, 2, "AS")]),
                            task("b", "Iran diam.", [entity("e1", 0, 4, "Iran")]),
                            task("a", "Irak diam.", [entity("e1", 0, 4, "Irak")]),
                            task("b", "Belum.")])
    report = read_export(path)
    assert [(d.doc_id, d.text) for d in report.documents] == [("a", "AS diam."), ("b", "Iran diam.")]
    assert report.problems == (Problem("duplicate doc_id (also task #0)", str(path), "a"),
                               Problem("duplicate doc_id (also task #1)", str(path), "b"))
    assert report.unannotated == ()  # a task with a problem is a problem, not a task waiting for its annotator


def test_a_broken_task_is_located_and_the_tasks_around_it_are_still_read() -> None:
    report = parse_export([task("a", "AS diam.", [entity("e1", 0, 2, "AS")]),
                           task("b", "Iran diam.", [entity("e1", 0, 4, "Irak")]),
                           task("c", "Irak diam.", [entity("e1", 0, 4, "Irak")])], file="x.json")
    assert [d.doc_id for d in report.documents] == ["a", "c"]
    assert [(p.file, p.doc_id, p.region) for p in report.problems] == [("x.json", "b", "e1")]
    assert "differs from the text at these offsets" in report.problems[0].message


def test_problems_beyond_the_limit_are_counted_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(labelstudio_export, "MAX_PROBLEMS", 3)
    report = parse_export([task(f"d{i}", "AS diam.", [entity("e1", 0, 2, "XX")]) for i in range(5)], file="x.json")
    assert report.documents == ()
    assert [p.doc_id for p in report.problems[:3]] == ["d0", "d1", "d2"]
    assert report.problems[3:] == (Problem("... and 2 more problems (only the first 3 are listed)", "x.json"),)
