"""Tests for indogeoie.formats.labelstudio_tasks: Label Studio import tasks and annotation results."""

from __future__ import annotations

import json
from typing import Any

from indogeoie import paths, schema
from indogeoie.corpus.documents import SourceDocument
from indogeoie.formats.labelstudio_tasks import document_result, import_task, tasks_json
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

TEXT = "AS menyerang Irak ."


def test_an_import_task_carries_the_text_provenance_sentences_and_drops(make_source: Any) -> None:
    source = make_source("d1", TEXT, [(0, len(TEXT))])
    source = SourceDocument(source.meta, source.text, source.sentences, (("menu", 0, 1, None),))
    task = import_task(source)
    assert task["data"] == {"text": TEXT, "doc_id": "d1"}
    assert task["meta"] == {"doc_id": "d1", "sha256": "0" * 64, "source": "indosum", "licence": "CC-BY-SA-4.0",
                            "outlet": None, "published": None, "published_inferred": False, "published_reason": None,
                            "url": None, "language": "ind", "provenance": None,
                            "schema_version": schema.SCHEMA_VERSION, "drops": [["menu", 0, 1, None]],
                            "sentences": [[0, len(TEXT)]]}


def test_tasks_are_one_per_line_in_doc_id_order(make_source: Any) -> None:
    text = tasks_json([make_source("b", "Irak ."), make_source("a", TEXT)])
    lines = text.split("\n")
    assert lines[0] == "[" and lines[-2:] == ["]", ""] and len(lines) == 5
    assert [json.loads(line.rstrip(","))["data"]["doc_id"] for line in lines[1:3]] == ["a", "b"]
    assert json.loads(lines[2])["meta"]["sentences"] is None  # the project tokenizes this one


def test_a_result_lists_regions_then_each_trigger_with_its_modality_then_relations() -> None:
    document = AnnotatedDocument("d1", TEXT, (Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak")),
                                 (Event("t1", "ASSAULT", "negated", Span("t1", "ASSAULT", 3, 12, "menyerang"),
                                        (Argument("Actor", "e1"), Argument("Recipient", "e2"))),))
    result = document_result(document)
    assert [(r["type"], r.get("id"), r.get("from_name")) for r in result] == [
        ("labels", "e1", "entity"), ("labels", "e2", "entity"), ("labels", "t1", "trigger"),
        ("choices", "t1", "modality"), ("relation", None, None), ("relation", None, None)]
    assert result[2]["value"] == {"start": 3, "end": 12, "text": "menyerang", "labels": ["ASSAULT"]}
    assert result[3]["value"] == {"start": 3, "end": 12, "text": "menyerang", "choices": ["negated"]}
    assert result[5] == {"type": "relation", "from_id": "t1", "to_id": "e2", "direction": "right",
                         "labels": ["Recipient"]}


def test_tasks_carry_text_doc_id_provenance_and_drops(corpus: dict[str, SourceDocument]) -> None:
    tasks = json.loads(paths.TASKS_JSON.read_text(encoding="utf-8"))
    assert paths.TASKS_JSON.read_text(encoding="utf-8") == tasks_json(list(corpus.values()))
    assert [t["data"]["doc_id"] for t in tasks] == sorted(corpus)
    for task in tasks:
        document = corpus[task["data"]["doc_id"]]
        assert task["data"]["text"] == document.text
        assert task["meta"]["sha256"] == document.meta.sha256 and task["meta"]["licence"]
        assert task["meta"]["schema_version"] == schema.SCHEMA_VERSION
        for drop in task["meta"]["drops"]:  # raw-text offsets (seed) or source coordinates (IndoSum)
            if document.meta.source == "seed":
                start, end, rule = drop
                assert 0 <= start <= end and rule
            else:
                assert isinstance(drop[0], str) and all(isinstance(x, int) or x is None for x in drop[1:])
