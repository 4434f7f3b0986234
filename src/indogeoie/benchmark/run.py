"""``indogeoie benchmark``: run the baselines, then write results/, the leaderboard and the plots.

Every input comes through ``datasets.load_dataset`` from the built dataset.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from indogeoie import io
from indogeoie.benchmark.data import BenchmarkData, load_benchmark_data
from indogeoie.benchmark.leaderboard import leaderboard_markdown
from indogeoie.benchmark.plots import plots
from indogeoie.benchmark.protocols import ModelRun, run_argument_rules, run_tagger
from indogeoie.benchmark.registry import load_tagger


def write_results(results_dir: Path, runs: list[ModelRun], not_run: dict[str, str], corpus: BenchmarkData) -> list[Path]:
    """Write results/<model>.json, predictions, LEADERBOARD.md and the plots (each file atomically)."""
    written = []
    for run in runs:
        path = results_dir / f"{run.name}.json"
        io.write_text(path, json.dumps(run.results, indent=2, ensure_ascii=False) + "\n")
        written.append(path)
        for name, content in sorted(run.predictions.items()):
            target = results_dir / "predictions" / run.name / name
            io.write_text(target, content)
            written.append(target)
    io.write_text(results_dir / "LEADERBOARD.md", leaderboard_markdown(runs, not_run))
    written.append(results_dir / "LEADERBOARD.md")
    for name, data in plots(runs, corpus).items():
        io.write_bytes(results_dir / name, data)
        written.append(results_dir / name)
    return written


def run_benchmark(*, dataset_dir: Path, results_dir: Path, cache_dir: Path, models: list[str],
                  progress: Callable[[str], None] = lambda message: None) -> tuple[list[ModelRun], dict[str, str]]:
    """Run the named tagging baselines and the argument rules; write everything under ``results_dir``."""
    corpus = load_benchmark_data(dataset_dir, cache_dir)
    runs, not_run = [], {}
    for name in models:
        available, reason = load_tagger(name).available()
        if not available:
            not_run[name] = reason
            continue
        runs.append(run_tagger(name, corpus, cache_dir / "models", progress))
    runs.append(run_argument_rules(corpus))
    write_results(results_dir, runs, not_run, corpus)
    return runs, not_run
