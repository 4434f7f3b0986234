"""Tests for indogeoie.formats.labelstudio_gold: the gold file's canonical layout, one line per region."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from indogeoie.formats.labelstudio_export import read_export
from indogeoie.formats.labelstudio_gold import annotator_of, gold_json, gold_task
from indogeoie.formats.labelstudio_tasks import document_result
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

ATTACK = AnnotatedDocument("d2", "AS menyerang Irak", (Span("e001", "GPE", 0, 2, "AS"),), (
    Event("t001", "ASSAULT", "asserted", Span("t001", "ASSAULT", 3, 12, "menyerang"), (Argument("Actor", "e001"),)),))
EMPTY = AnnotatedDocument("d1", "Irak", ())


def test_tasks_are_sorted_and_each_result_item_is_one_line() -> None:
    lines = gold_json([gold_task(ATTACK, annotator="ani"), gold_task(EMPTY, annotator="budi")]).split("\n")
    assert lines[:6] == [
        "[",
        '{"data": {"doc_id": "d1", "text": "Irak"},',
        ' "annotations": [{"completed_by": "budi", "ground_truth": true, "result": [',
        " ]}]},",
        '{"data": {"doc_id": "d2", "text": "AS menyerang Irak"},',
        ' "annotations": [{"completed_by": "ani", "ground_truth": true, "result": [']
    items = lines[6:10]
    assert all(line.startswith("  {") for line in items)
    assert [json.loads(line.strip().rstrip(",")) for line in items] == document_result(ATTACK)
    assert lines[10:] == [" ]}]}", "]", ""]


def test_a_changed_label_changes_one_line() -> None:
    before = gold_json([gold_task(ATTACK, annotator="ani")]).split("\n")
    changed = replace(ATTACK, entities=(Span("e001", "ORG", 0, 2, "AS"),))
    after = gold_json([gold_task(changed, annotator="ani")]).split("\n")
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [3]


def test_the_gold_reads_back_as_an_export_with_its_annotator(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(gold_json([gold_task(ATTACK, annotator="ani")]), encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))[0]["annotations"][0]["completed_by"] == "ani"
    (document,) = read_export(path).documents
    assert document == ATTACK and annotator_of(document) == "ani"


def test_an_unrecorded_annotator_is_unknown() -> None:
    assert annotator_of(EMPTY) == "unknown"
    assert annotator_of(replace(EMPTY, meta={"completed_by": ""})) == "unknown"
    assert annotator_of(replace(EMPTY, meta={"completed_by": 7})) == "7"
