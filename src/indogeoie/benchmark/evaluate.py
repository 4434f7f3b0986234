"""One evaluation for the leaderboard and for ``indogeoie score``: a system's output on one split.

A :class:`SystemOutput` holds entity tags per sentence, and either the
events per document (trigger, type, modality, arguments) or only trigger tags
per sentence. :func:`evaluate` turns it into per-document counts of every
metric it supports (:mod:`indogeoie.benchmark.metrics`), and a
:class:`Report` gives values, cluster-bootstrap intervals, per-type tables and
paired comparisons from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from indogeoie.benchmark import bootstrap
from indogeoie.benchmark.data import BenchmarkData, spans_by_document
from indogeoie.benchmark.metrics import (
    ACCURACIES,
    METRIC_NAMES,
    Counts,
    Event,
    Events,
    argument_items,
    entity_counts,
    event_counts,
    headline,
    per_type,
    prf,
    trigger_items,
)
from indogeoie.benchmark.scoring import sequence_scores


@dataclass(frozen=True)
class SystemOutput:
    """What a system predicted for one split; a part it does not predict is None."""

    ner: dict[str, list[str]] | None = None  # sentence id -> entity tags
    triggers: dict[str, list[str]] | None = None  # sentence id -> trigger tags (when events is None)
    events: Events | None = None  # doc_id -> events, with arguments and modality


def events_from_trigger_tags(data: BenchmarkData, split: str, tags: dict[str, list[str]]) -> Events:
    """Trigger-only events (no arguments) from trigger tags."""
    sentences = data.split(split)
    spans = spans_by_document(sentences, [tags[s.id] for s in sentences])
    return Events({d: tuple(sorted(Event(t, a, b, "", ()) for a, b, t in found)) for d, found in spans.items()})


@dataclass
class Report:
    """Per-document counts of every metric a system supports on one split, and its tables."""

    split: str
    doc_ids: list[str]
    counts: Counts
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    macro: dict[str, float] = field(default_factory=dict)

    def metrics(self) -> list[str]:
        return [m for m in METRIC_NAMES if m in self.counts]

    def kind(self, metric: str) -> str:
        return "accuracy" if metric in ACCURACIES else "f1"

    def summary(self, weights: np.ndarray) -> dict[str, dict[str, Any]]:
        """Value, 95% interval and counts of every metric."""
        result = {}
        for metric in self.metrics():
            counts = self.counts[metric]
            low, high = bootstrap.interval(counts, weights, self.kind(metric))
            tp, gold, predicted = (int(x) for x in counts.sum(axis=0))
            entry: dict[str, Any] = {"name": METRIC_NAMES[metric], "value": round(headline(metric, counts), 4),
                                     "ci95": [low, high]}
            if metric in ACCURACIES:
                entry.update(right=tp, total=gold)
            else:
                score = prf(counts)
                entry.update(precision=round(score.precision, 4), recall=round(score.recall, 4), tp=tp, gold=gold,
                             predicted=predicted)
            result[metric] = entry
        return result

    def compare(self, other: Report, weights: np.ndarray) -> dict[str, bootstrap.PairedComparison]:
        """This system minus ``other`` on every metric both support (same split, same documents)."""
        if self.doc_ids != other.doc_ids:
            raise ValueError("the two reports cover different documents")
        return {m: bootstrap.paired(self.counts[m], other.counts[m], weights, self.kind(m))
                for m in self.metrics() if m in other.counts}

    def as_dict(self, weights: np.ndarray) -> dict[str, Any]:
        return {"split": self.split, "documents": len(self.doc_ids), "metrics": self.summary(weights),
                "macro_f1": self.macro, "per_type": self.tables}


def _table(scores: dict[str, Any]) -> dict[str, Any]:
    return {label: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                    "gold": s.gold, "predicted": s.predicted} for label, s in scores.items()}


def evaluate(data: BenchmarkData, split: str, output: SystemOutput) -> Report:
    """Counts and tables of ``output`` on ``split``.

    Raises:
        KeyError: a sentence of the split has no prediction (callers check submissions first).
    """
    doc_ids = data.doc_ids(split)
    sentences = data.split(split)
    report = Report(split, doc_ids, {})
    if output.ner is not None:
        gold: dict[str, list[list[str]]] = {d: [] for d in doc_ids}
        predicted: dict[str, list[list[str]]] = {d: [] for d in doc_ids}
        for sentence in sentences:
            gold[sentence.doc_id].append(sentence.ner_tags)
            predicted[sentence.doc_id].append(output.ner[sentence.id])
        report.counts.update(entity_counts(gold, predicted, doc_ids))
        strict = sequence_scores([s.ner_tags for s in sentences], [output.ner[s.id] for s in sentences],
                                 mode="strict")
        report.tables["entities"] = _table(strict.per_type)
        report.macro["entities_strict"] = round(strict.macro_f1, 4)
    events = output.events
    if events is None and output.triggers is not None:
        events = events_from_trigger_tags(data, split, output.triggers)
    if events is not None:
        counts = event_counts(data.events, events, doc_ids)
        if output.events is None:  # trigger tags only: no arguments, no modality
            counts = {m: counts[m] for m in ("trig_i", "trig_c")}
        report.counts.update(counts)
        chosen = Events({d: events.of(d) for d in doc_ids})
        gold_events = Events({d: data.events.of(d) for d in doc_ids})
        report.tables["triggers"] = _table(per_type(trigger_items(gold_events), trigger_items(chosen)))
        if output.events is not None:
            report.tables["roles"] = _table(per_type(argument_items(gold_events), argument_items(chosen)))
    return report

