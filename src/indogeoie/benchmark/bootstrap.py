"""Bootstrap intervals of micro F1 from per-unit counts."""

from __future__ import annotations

from typing import Any

import numpy as np

from indogeoie.benchmark.scoring import ArgumentTuple, sequence_scores

BOOTSTRAP_SEED = 2026
BOOTSTRAP_REPLICATES = 1000


def bootstrap_interval(counts: np.ndarray, rng: np.random.Generator) -> list[float]:
    """95% percentile interval of micro F1 from per-unit (tp, gold, predicted) counts."""
    if len(counts) == 0:
        return [0.0, 0.0]
    picks = rng.integers(0, len(counts), size=(BOOTSTRAP_REPLICATES, len(counts)))
    sums = counts[picks].sum(axis=1)
    tp, gold, pred = sums[:, 0], sums[:, 1], sums[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        f1 = np.where(gold + pred > 0, 2 * tp / (gold + pred), 1.0)
    low, high = np.percentile(f1, [2.5, 97.5])
    return [round(float(low), 6), round(float(high), 6)]


def sentence_counts(gold: list[list[str]], pred: list[list[str]]) -> np.ndarray:
    rows = []
    for g, p in zip(gold, pred, strict=True):
        micro = sequence_scores([g], [p], mode="strict").micro
        rows.append((micro.tp, micro.gold, micro.predicted))
    return np.array(rows, dtype=np.int64).reshape(-1, 3)


def argument_counts(sentences: list[Any], gold: set[ArgumentTuple], pred: set[ArgumentTuple]) -> np.ndarray:
    by_sentence = {}
    for index, s in enumerate(sentences):
        by_sentence[(s.doc_id, s.token_starts[0])] = index
    starts: dict[str, list[tuple[int, int]]] = {}
    for s in sentences:
        starts.setdefault(s.doc_id, []).append((s.token_starts[0], s.token_ends[-1]))

    def sentence_index(t: ArgumentTuple) -> int:
        for start, end in starts[t[0]]:
            if start <= t[1] < end or start <= t[1] <= end:
                return by_sentence[(t[0], start)]
        return 0

    counts = np.zeros((len(sentences), 3), dtype=np.int64)
    for t in gold & pred:
        counts[sentence_index(t), 0] += 1
    for t in gold:
        counts[sentence_index(t), 1] += 1
    for t in pred:
        counts[sentence_index(t), 2] += 1
    return counts
