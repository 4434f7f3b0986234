"""Tests for indogeoie.benchmark.budget: the bootstrap's stability, the timed commands, and the report's text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

from indogeoie import paths
from indogeoie.benchmark.budget import REPLICATE_COUNTS, markdown, stability, timings


def test_documents_that_all_score_alike_give_intervals_that_never_move() -> None:
    counts = {"trig_c": np.array([[1, 2, 2], [2, 4, 4]]),  # F1 0.5 in every resample
              "modality": np.array([[1, 1, 1], [1, 1, 1]])}  # accuracy 1.0 in every resample
    assert stability(counts) == [{"replicates": n, "largest_half_spread": 0.0,
                                  "by_metric": {"trig_c": 0.0, "modality": 0.0}} for n in REPLICATE_COUNTS]


def test_the_timed_commands_are_benchmark_and_a_compared_score() -> None:
    commands: list[list[str]] = []

    def measure(command: list[str]) -> dict[str, Any]:
        commands.append(command)
        return {"seconds": 10.0 * len(commands)}

    assert timings(measure) == {"benchmark_seconds": 10.0, "score_seconds": 20.0}
    cli = [sys.executable, "-m", "indogeoie.cli"]
    assert commands[0][:4] == [*cli, "benchmark"] and commands[0][4] == "--results"
    assert Path(commands[0][5]).name == "results"
    predictions = paths.RESULTS / "predictions"
    assert commands[1] == [*cli, "score", "--predictions", str(predictions / "crf" / "test.documents.jsonl"),
                           "--compare", str(predictions / "lexicon" / "test.documents.jsonl")]


def test_the_report_shows_the_times_and_the_worst_metric_per_replicate_count() -> None:
    report = {"timings": {"benchmark_seconds": 123.4, "score_seconds": 4.56},
              "stability": [{"replicates": 1000, "largest_half_spread": 0.012, "by_metric": {"a": 0.012, "b": 0.003}},
                            {"replicates": 10000, "largest_half_spread": 0.004, "by_metric": {"a": 0.001, "b": 0.004}}]}
    lines = markdown(report).split("\n")
    assert lines[2].startswith("* `indogeoie benchmark`: 123 s (")
    assert lines[3].startswith("* `indogeoie score --compare` on the crf and lexicon test predictions: 4.6 s ")
    assert lines[-4:] == ["| --- | --- | --- |", "| 1,000 | 0.012 | a |", "| 10,000 | 0.004 | b |", ""]
