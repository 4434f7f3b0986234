"""The protocol: train on train, select on validation, score validation and test once.

Every tagging baseline predicts entity and trigger tags; the argument model
(:mod:`indogeoie.benchmark.pipeline`) adds arguments and modality, so each
row is an end-to-end system. A stochastic baseline (``stochastic = True``)
runs once per seed of :data:`SEEDS` and is reported as mean ± sd; the
tables and the saved predictions are its first seed's. One more row scores
the argument model on gold entities and triggers, to separate its errors
from the taggers'.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from indogeoie.benchmark.data import BenchmarkData, spans_by_document
from indogeoie.benchmark.evaluate import Report, SystemOutput, evaluate
from indogeoie.benchmark.metrics import Events, headline
from indogeoie.benchmark.pipeline import events_on_gold_mentions, predicted_events
from indogeoie.benchmark.registry import load_tagger
from indogeoie.formats.document_predictions import event_rows
from indogeoie.formats.predictions import tag_rows

if TYPE_CHECKING:
    from indogeoie_baselines.arguments import ArgumentModel

SEEDS = (13, 14, 15)
GOLD_MENTIONS = "gold-mentions"
ACTOR_NORMALISER = "actor-normaliser"
#: The splits every system is scored on (train is what it learns from).
SCORED_SPLITS = ("validation", "test")


@dataclass
class SystemRun:
    """One leaderboard row: its reports per split, how it was made, and its predictions."""

    name: str
    settings: dict[str, Any]
    seeds: list[int]
    command: str
    reports: dict[str, Report]
    seed_scores: dict[str, dict[str, float]] = field(default_factory=dict)  # metric -> mean, sd (test)
    predictions: dict[str, str] = field(default_factory=dict)  # file name -> JSON Lines
    wall_time: float = 0.0
    events: dict[str, Events] = field(default_factory=dict)  # split -> predicted events (first seed)


def _seed_scores(per_seed: list[Report]) -> dict[str, dict[str, float]]:
    if len(per_seed) < 2:
        return {}
    return {m: {"mean": round(float(np.mean(v)), 4), "sd": round(float(np.std(v, ddof=1)), 4)}
            for m in per_seed[0].metrics()
            for v in [[headline(m, r.counts[m]) for r in per_seed]]}


def run_tagger(name: str, data: BenchmarkData, arguments: ArgumentModel, workdir: Path,
               progress: Callable[[str], None]) -> SystemRun:
    """Train one tagging baseline (per seed), then score it end to end on validation and test."""
    tagger = load_tagger(name)
    started = time.perf_counter()
    seeds = list(SEEDS) if getattr(tagger, "stochastic", False) else [SEEDS[0]]
    first: dict[str, Report] = {}
    per_seed: list[Report] = []
    files: dict[str, str] = {}
    first_events: dict[str, Events] = {}
    for seed in seeds:
        progress(f"{name}: training (seed {seed})")
        model = tagger.train(data.split("train"), seed=seed, workdir=workdir / name / f"seed{seed}",
                             validation=data.split("validation"))
        for split in SCORED_SPLITS:
            sentences = data.split(split)
            predicted = tagger.predict(model, sentences)
            ner = {p.id: p.ner_tags for p in predicted}
            triggers = {p.id: p.trigger_tags for p in predicted}
            events = predicted_events(data, split, arguments, ner, triggers)
            report = evaluate(data, split, SystemOutput(ner=ner, events=events))
            if split == "test":
                per_seed.append(report)
            if seed == seeds[0]:
                first[split] = report
                first_events[split] = events
                files[f"{split}.tags.jsonl"] = tag_rows([s.id for s in sentences], [s.doc_id for s in sentences],
                                                        [ner[s.id] for s in sentences],
                                                        [triggers[s.id] for s in sentences])
                entities = spans_by_document(sentences, [ner[s.id] for s in sentences])
                files[f"{split}.documents.jsonl"] = event_rows(events, data.doc_ids(split), entities)
    return SystemRun(name, tagger.settings(), seeds, f"indogeoie benchmark --models {name}", first,
                     _seed_scores(per_seed), files, round(time.perf_counter() - started, 1), first_events)


def run_gold_mentions(data: BenchmarkData, arguments: ArgumentModel) -> SystemRun:
    """The argument model on gold entities and triggers."""
    started = time.perf_counter()
    reports, files, predicted = {}, {}, {}
    for split in SCORED_SPLITS:
        events = events_on_gold_mentions(data, split, arguments)
        predicted[split] = events
        full = evaluate(data, split, SystemOutput(events=events))
        full.counts = {m: c for m, c in full.counts.items() if m not in ("trig_i", "trig_c")}  # gold by construction
        reports[split] = full
        files[f"{split}.documents.jsonl"] = event_rows(events, data.doc_ids(split), data.entities)
    return SystemRun(GOLD_MENTIONS, {"input": "gold entities and gold triggers", **arguments.settings()},
                     [SEEDS[0]], "indogeoie benchmark", reports, {}, files, round(time.perf_counter() - started, 1),
                     predicted)


__all__ = ["GOLD_MENTIONS", "SEEDS", "Events", "SystemRun", "run_gold_mentions", "run_tagger"]
