"""Tests for indogeoie.benchmark.evaluate: a system's output on one split, as counts, tables and summaries."""

from __future__ import annotations

import numpy as np
import pytest

from indogeoie.benchmark.bootstrap import replicate_weights
from indogeoie.benchmark.data import BenchmarkData
from indogeoie.benchmark.evaluate import SystemOutput, evaluate, events_from_trigger_tags
from indogeoie.benchmark.metrics import Event, Events

# The tiny benchmark's test split is one document, d3 "Irak menyerang Iran ." with entities Irak [0:4] and
# Iran [15:19] and an ASSAULT on [5:14] with Actor Irak and Recipient Iran; the counts are by hand.
ONE_DOCUMENT = replicate_weights(1, replicates=50)  # every replicate draws the one document once


def counts(report_counts: dict[str, np.ndarray]) -> dict[str, list[list[int]]]:
    return {metric: array.tolist() for metric, array in report_counts.items()}


def test_entity_tags_give_entity_counts_and_the_per_type_table(tiny_benchmark: BenchmarkData) -> None:
    report = evaluate(tiny_benchmark, "test", SystemOutput(ner={"d3-000": ["B-GPE", "O", "O", "O"]}))
    assert report.doc_ids == ["d3"] and report.metrics() == ["ent_strict", "ent_default"]
    assert counts(report.counts) == {"ent_strict": [[1, 2, 1]], "ent_default": [[1, 2, 1]]}
    assert report.tables == {"entities": {"GPE": {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "gold": 2,
                                                  "predicted": 1}}}
    assert report.macro == {"entities_strict": 0.6667}


def test_trigger_tags_alone_score_triggers_only(tiny_benchmark: BenchmarkData) -> None:
    tags = {"d3-000": ["O", "B-ASSAULT", "O", "O"]}
    assert events_from_trigger_tags(tiny_benchmark, "test", tags) == Events({"d3": (Event("ASSAULT", 5, 14, ""),)})
    report = evaluate(tiny_benchmark, "test", SystemOutput(triggers=tags))
    assert counts(report.counts) == {"trig_i": [[1, 1, 1]], "trig_c": [[1, 1, 1]]}
    assert set(report.tables) == {"triggers"}


def test_events_score_arguments_and_modality(tiny_benchmark: BenchmarkData) -> None:
    predicted = Events({"d3": (Event("ASSAULT", 5, 14, "future", (("Actor", 0, 4),)),)})
    report = evaluate(tiny_benchmark, "test", SystemOutput(events=predicted))
    assert counts(report.counts) == {"trig_i": [[1, 1, 1]], "trig_c": [[1, 1, 1]], "arg_i": [[1, 2, 1]],
                                     "arg_c": [[1, 2, 1]], "arg_c_plus": [[1, 2, 1]], "modality": [[0, 1, 1]]}
    assert report.tables["roles"]["Recipient"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 1,
                                                   "predicted": 0}
    summary = report.summary(ONE_DOCUMENT)
    assert summary["modality"] == {"name": "Modality accuracy", "value": 0.0, "ci95": [0.0, 0.0], "right": 0,
                                   "total": 1}
    assert summary["arg_c"] == {"name": "Arg-C F1", "value": 0.6667, "ci95": [0.6667, 0.6667], "precision": 1.0,
                                "recall": 0.5, "tp": 1, "gold": 2, "predicted": 1}


def test_reports_compare_only_on_the_same_documents(tiny_benchmark: BenchmarkData) -> None:
    test = evaluate(tiny_benchmark, "test", SystemOutput(ner={"d3-000": ["B-GPE", "O", "B-GPE", "O"]}))
    validation = evaluate(tiny_benchmark, "validation", SystemOutput(ner={"d2-000": ["B-GPE", "O", "B-GPE", "O"]}))
    with pytest.raises(ValueError, match="the two reports cover different documents"):
        test.compare(validation, ONE_DOCUMENT)
    same = test.compare(test, ONE_DOCUMENT)
    assert set(same) == {"ent_strict", "ent_default"} and same["ent_strict"].difference == 0.0
