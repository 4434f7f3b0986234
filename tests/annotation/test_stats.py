"""Tests for indogeoie.annotation.stats: STATS.md counts per source and split, pending documents and agreement."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from indogeoie.annotation.agreement import Study
from indogeoie.annotation.stats import stats_markdown
from indogeoie.dataset.splits import Assignment
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import SCHEMA_VERSION

# The gold is one seed document, "AS menyerang Irak ." (4 tokens): two GPE entities and a negated ASSAULT with
# an Actor and a Recipient; the corpus holds one more, pending, IndoSum document.
TEXT = "AS menyerang Irak ."
GOLD = AnnotatedDocument("d1", TEXT, (Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak")), (
    Event("t1", "ASSAULT", "negated", Span("t1", "ASSAULT", 3, 12, "menyerang"),
          (Argument("Actor", "e1"), Argument("Recipient", "e2"))),))
SPLITS = {"d1": Assignment("d1", "train", 0, "freeze"), "d2": Assignment("d2", "test", 1, "freeze")}


def stats(make_source: Any, studies: list[Study]) -> list[str]:
    corpus = {"d1": make_source("d1", TEXT, [(0, len(TEXT))], source="seed"),
              "d2": make_source("d2", "Iran .", [(0, 6)])}
    return stats_markdown(gold=(GOLD,), corpus=corpus, splits=SPLITS, studies=studies).split("\n")


def test_the_counts_per_source_and_per_split(make_source: Any) -> None:
    lines = stats(make_source, [])
    assert f"`annotations/agreement/`; do not edit by hand. Schema {SCHEMA_VERSION}." in lines[2]
    assert "1 of 2 corpus documents are annotated; 1 pending." in lines
    assert "Pending: `d2` (test)" in lines
    per_source = lines[lines.index("### Per source"):lines.index("### Per split")]
    assert per_source[2:6] == ["| | all | seed |", "| --- | --- | --- |", "| documents | 1 | 1 |",
                               "| tokens | 4 | 4 |"]
    for row in ("| **entities** | 2 | 2 |", "| &nbsp;&nbsp;GPE | 2 | 2 |", "| &nbsp;&nbsp;PER | 0 | 0 |",
                "| &nbsp;&nbsp;ASSAULT | 1 | 1 |", "| **roles** | 2 | 2 |", "| &nbsp;&nbsp;negated | 1 | 1 |",
                "| events with an Actor | 1 | 1 |", "| entities / events per 100 tokens | 50.0 / 25.0 | 50.0 / 25.0 |"):
        assert row in per_source
    per_split = lines[lines.index("### Per split"):]
    assert per_split[2] == "| | train |"  # a split without gold documents has no column


def test_each_study_has_its_table_and_a_row_per_article(make_source: Any) -> None:
    second = replace(GOLD, entities=GOLD.entities[:1],
                     events=(replace(GOLD.events[0], arguments=GOLD.events[0].arguments[:1]),))
    lines = stats(make_source, [Study("v9", (GOLD,), (second,))])
    assert "### Study `v9`" in lines
    assert lines[-3:] == ["| --- | --- | --- | --- | --- |", "| d1 | 0.667 | 1.000 | 0.667 | 1 / 1 |", ""]
