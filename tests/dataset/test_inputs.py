"""Tests for indogeoie.dataset.inputs: what a build of the checkout reads, and a build from outside exports."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from indogeoie.corpus.documents import SourceDocument
from indogeoie.corpus.selection import HEADER
from indogeoie.dataset.card import SourceSummary
from indogeoie.dataset.inputs import export_build, selection_line, source_summaries
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.metadata import DocumentMeta


def document(doc_id: str, source: str, licence: str, published: str | None) -> SourceDocument:
    return SourceDocument(DocumentMeta(doc_id, "0" * 64, source, licence, published=published), "Iran .")


def test_each_source_is_summarised_seed_first() -> None:
    corpus = {d.doc_id: d for d in (
        document("i1", "indosum", "CC-BY-SA-4.0", "2017-08-09T10:00:00"),
        document("i2", "indosum", "CC-BY-SA-4.0", "2016-12"),
        document("i3", "indosum", "CC-BY-SA-4.0", None),
        document("s1", "seed", "CC-BY-4.0", "2024-01-24"),
        document("s2", "seed", "other", None))}
    assert source_summaries(corpus, annotated={"i1", "s1", "s2"}) == (
        SourceSummary("seed", 2, 0, "2024-01-24", "2024-01-24", 1, "CC-BY-4.0; other"),
        SourceSummary("indosum", 3, 2, "2016-12", "2017-08-09", 1, "CC-BY-SA-4.0"))


def test_the_selection_sentence_counts_each_decision(tmp_path: Path) -> None:
    assert selection_line(tmp_path / "selection.tsv") is None
    path = tmp_path / "selection.tsv"
    path.write_text("\t".join(HEADER) + "\n" + textwrap.dedent("""\
        1-a|dev.01.jsonl|3|select|005_0123456789abcdef||International politics
        1-b|dev.01.jsonl|4|reject|||Sport
        1-c|dev.01.jsonl|5|reject|||Entertainment
        1-d|dev.02.jsonl|9|duplicate||1-a|Same story as 1-a
        """).replace("|", "\t"), encoding="utf-8")
    line = selection_line(path)
    assert line is not None and line.startswith("The IndoSum articles were selected by reading each of 4 candidates ")
    assert "1 selected as international politics, 2 left out (sport," in line
    assert "1 left out as another outlet's copy of a selected story." in line


def test_a_broken_export_builds_nothing(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{"data": {"doc_id": "d1", "text": "Iran"}, "annotations": [{"id": 1, "result": [
        {"id": "e1", "type": "labels", "from_name": "entity", "to_name": "text",
         "value": {"start": 0, "end": 4, "text": "Iran", "labels": ["COUNTRY"]}}]}]}]), encoding="utf-8")
    out = tmp_path / "dataset"
    with pytest.raises(IndoGeoIEError, match=rf"^{re.escape(str(export))}: doc d1: region e1 \[0:4\]: unknown entity "
                                             r"label 'COUNTRY' on 'Iran'"):
        export_build(exports=[export], out=out)
    assert not out.exists()
