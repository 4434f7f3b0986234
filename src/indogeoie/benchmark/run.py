"""``indogeoie benchmark``: run every system, then write results/, the leaderboard and the plot.

Every input comes through ``datasets.load_dataset`` from the built dataset.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from indogeoie import io
from indogeoie.annotation.actors import ActorTable, checkout_actor_table
from indogeoie.benchmark.bootstrap import replicate_weights
from indogeoie.benchmark.data import BenchmarkData, load_benchmark_data
from indogeoie.benchmark.evaluate import Report
from indogeoie.benchmark.event_data import baseline_for, dyad_picture, normalisation_counts, record_counts
from indogeoie.benchmark.leaderboard import leaderboard_markdown
from indogeoie.benchmark.metrics import headline
from indogeoie.benchmark.pipeline import train_argument_model
from indogeoie.benchmark.plots import metrics_plot
from indogeoie.benchmark.protocols import (
    ACTOR_NORMALISER,
    GOLD_MENTIONS,
    SCORED_SPLITS,
    SystemRun,
    run_gold_mentions,
    run_tagger,
)
from indogeoie.benchmark.provenance import provenance
from indogeoie.benchmark.registry import load_tagger


def result_rows(runs: list[SystemRun], base: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON of each system, with its paired comparison against the next row."""
    weights = {split: replicate_weights(len(runs[0].reports[split].doc_ids)) for split in SCORED_SPLITS}
    rows = []
    for index, run in enumerate(runs):
        row = {"system": run.name, "seeds": run.seeds, "command": run.command, "settings": run.settings,
               "provenance": base,
               "reports": {s: run.reports[s].as_dict(weights[s]) for s in SCORED_SPLITS},
               "seed_scores": run.seed_scores}
        if index + 1 < len(runs) and runs[index + 1].name not in (GOLD_MENTIONS, ACTOR_NORMALISER):  # not rivals
            below = runs[index + 1]
            row["compared_with_next"] = {s: {m: {"system": below.name, **vars(c), "significant": c.significant}
                                             for m, c in run.reports[s].compare(below.reports[s], weights[s]).items()}
                                         for s in SCORED_SPLITS}
        rows.append(row)
    return rows


def add_event_data(runs: list[SystemRun], data: BenchmarkData, actors: ActorTable) -> SystemRun:
    """Add PLOVER record F1 to every system's reports; return the actor normaliser's own row."""
    baseline = baseline_for(data, actors)
    for run in runs:
        for split in SCORED_SPLITS:
            run.reports[split].counts["plover_f1"] = record_counts(data, run.events[split], actors, baseline, split)
    reports = {split: Report(split, data.doc_ids(split), {"actor_norm": normalisation_counts(
        data, actors, baseline, split)}) for split in SCORED_SPLITS}
    return SystemRun(ACTOR_NORMALISER, {"rules": "the actor table's entries for surfaces seen as Actor or "
                                        "Recipient in train, then pycountry country names, then a country name "
                                        "inside the mention"}, [], "indogeoie benchmark", reports)


def run_benchmark(*, dataset_dir: Path, results_dir: Path, cache_dir: Path, models: list[str],
                  actors: ActorTable | None = None,
                  progress: Callable[[str], None] = lambda message: None,
                  ) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Run the named tagging baselines end to end and the argument model on gold mentions; write results."""
    actors = actors if actors is not None else checkout_actor_table()
    data = load_benchmark_data(dataset_dir, cache_dir)
    progress("argument model")
    arguments = train_argument_model(data)
    runs, not_run = [], {}
    for name in models:
        available, reason = load_tagger(name).available()
        if not available:
            not_run[name] = reason
            continue
        runs.append(run_tagger(name, data, arguments, cache_dir / "models", progress))
    runs.sort(key=lambda r: -headline("ent_strict", r.reports["test"].counts["ent_strict"]))  # best first
    runs.append(run_gold_mentions(data, arguments))
    runs.append(add_event_data(runs, data, actors))
    rows = result_rows(runs, provenance(data))
    for run, row in zip(runs, rows, strict=True):
        io.write_text(results_dir / f"{run.name}.json", json.dumps(row, indent=1, ensure_ascii=False) + "\n")
        for name, content in sorted(run.predictions.items()):
            io.write_text(results_dir / "predictions" / run.name / name, content)
    io.write_text(results_dir / "LEADERBOARD.md", leaderboard_markdown(rows, not_run))
    io.write_bytes(results_dir / "metrics.png", metrics_plot(rows))
    picture, numbers = dyad_picture(dataset_dir / "plover" / "events.jsonl")
    io.write_bytes(results_dir / "plover_dyads.png", picture)
    io.write_text(results_dir / "plover_counts.json", json.dumps(numbers, indent=1, ensure_ascii=False) + "\n")
    return rows, not_run
