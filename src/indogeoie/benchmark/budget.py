"""The benchmark's budgets on the real corpus, and the bootstrap's stability (``make bench``).

* ``make benchmark``'s main step, ``indogeoie benchmark``, in wall time (target:
  the whole ``make benchmark`` within 5 minutes on 2 cores);
* ``indogeoie score`` with intervals on a system's test predictions (target:
  within 10 seconds);
* how far the 95% interval endpoints move when the bootstrap seed changes,
  for several replicate counts (target: within ±0.005 at the count used).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from indogeoie import paths
from indogeoie.benchmark import bootstrap
from indogeoie.benchmark.metrics import ACCURACIES

STABILITY_SEEDS = tuple(range(1, 11))
REPLICATE_COUNTS = (1_000, 2_000, 5_000, 10_000)


def timings(measure: Any) -> dict[str, float]:
    """Wall time of ``indogeoie benchmark`` and of ``indogeoie score --compare`` on this checkout's data."""
    cli = [sys.executable, "-m", "indogeoie.cli"]
    with tempfile.TemporaryDirectory(prefix="indogeoie-budget-") as tmp:
        benchmark = measure([*cli, "benchmark", "--results", str(Path(tmp) / "results")])
    predictions = paths.RESULTS / "predictions"
    score = measure([*cli, "score", "--predictions", str(predictions / "crf" / "test.documents.jsonl"),
                     "--compare", str(predictions / "lexicon" / "test.documents.jsonl")])
    return {"benchmark_seconds": benchmark["seconds"], "score_seconds": score["seconds"]}


def stability(counts: dict[str, np.ndarray]) -> list[dict[str, Any]]:
    """For each replicate count: the largest move of either endpoint across the seeds, per metric."""
    rows = []
    for replicates in REPLICATE_COUNTS:
        moves = {}
        for metric, values in counts.items():
            kind = "accuracy" if metric in ACCURACIES else "f1"
            ends = np.array([bootstrap.interval(values, bootstrap.replicate_weights(
                len(values), seed=seed, replicates=replicates), kind) for seed in STABILITY_SEEDS])
            moves[metric] = round(float((ends.max(axis=0) - ends.min(axis=0)).max() / 2), 4)
        rows.append({"replicates": replicates, "largest_half_spread": max(moves.values()), "by_metric": moves})
    return rows


def crf_test_counts() -> dict[str, np.ndarray]:
    """The crf system's per-document test counts of every metric, recomputed from its saved predictions."""
    from indogeoie.benchmark.data import load_benchmark_data
    from indogeoie.benchmark.evaluate import evaluate
    from indogeoie.benchmark.submissions import output_of

    data = load_benchmark_data(paths.DATASET, paths.ROOT / ".cache")
    path = paths.RESULTS / "predictions" / "crf" / "test.documents.jsonl"
    return evaluate(data, "test", output_of(path, config="ner", data=data, split="test")).counts


def markdown(report: dict[str, Any]) -> str:
    times = report["timings"]
    lines = ["## The real corpus", "",
             f"* `indogeoie benchmark`: {times['benchmark_seconds']:.0f} s (every baseline, both splits, the "
             "bootstrap and the plots; the target is the whole `make benchmark` within 300 s).",
             f"* `indogeoie score --compare` on the crf and lexicon test predictions: {times['score_seconds']:.1f} s "
             "(target: 10 s).", "",
             "## Bootstrap stability", "",
             f"The crf system's test scores, bootstrapped with {len(STABILITY_SEEDS)} seeds at each replicate count: "
             "the largest half-spread of an interval endpoint across the seeds, over every metric (target: 0.005 "
             f"at the {bootstrap.REPLICATES:,} replicates the leaderboard uses).", "",
             "| replicates | largest half-spread | worst metric |", "| --- | --- | --- |"]
    for row in report["stability"]:
        worst = max(row["by_metric"], key=row["by_metric"].get)
        lines.append(f"| {row['replicates']:,} | {row['largest_half_spread']} | {worst} |")
    return "\n".join(lines) + "\n"
