"""Uncertainty by the cluster bootstrap: documents, not sentences, are resampled.

Sentences of one article share its topic, names and style, so they are not
independent draws; resampling them understates the uncertainty. Each
replicate here draws as many documents as the evaluated set has, with
replacement, and recomputes the micro score from their summed counts.

The replicates depend only on the number of documents, the seed and their
count: every system scored on the same documents (sorted by doc_id) sees the
same replicates, which is what makes the paired comparison paired.
:data:`REPLICATES` was chosen by measuring how far the interval endpoints move
when the seed changes (``make bench`` records it in results/BOOTSTRAP.md).

>>> counts = np.array([[3, 4, 4], [1, 2, 2], [0, 1, 0]])
>>> low, high = interval(counts, replicate_weights(3, seed=1, replicates=2000), "f1")
>>> 0.0 <= low <= high <= 1.0
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SEED = 20261122
REPLICATES = 10_000


def replicate_weights(documents: int, *, seed: int = SEED, replicates: int = REPLICATES) -> np.ndarray:
    """How many times each document is drawn in each replicate: an int array (replicates, documents)."""
    rng = np.random.default_rng(seed)
    return rng.multinomial(documents, np.full(documents, 1.0 / documents), size=replicates)


def _scores(sums: np.ndarray, kind: str) -> np.ndarray:
    tp, gold, predicted = sums[..., 0].astype(float), sums[..., 1].astype(float), sums[..., 2].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if kind == "accuracy":  # (same, matched, matched)
            return np.where(gold > 0, tp / gold, 0.0)
        return np.where(gold + predicted > 0, 2 * tp / (gold + predicted), 1.0)


def replicate_scores(counts: np.ndarray, weights: np.ndarray, kind: str) -> np.ndarray:
    """The score (micro F1, or accuracy) of every replicate, from per-document (tp, gold, predicted) counts."""
    return _scores(weights @ counts, kind)


def interval(counts: np.ndarray, weights: np.ndarray, kind: str) -> tuple[float, float]:
    """The 95% percentile interval of the score."""
    if len(counts) == 0:
        return 0.0, 0.0
    low, high = np.percentile(replicate_scores(counts, weights, kind), [2.5, 97.5])
    return round(float(low), 4), round(float(high), 4)


@dataclass(frozen=True)
class PairedComparison:
    """System A minus system B on the same replicates: the observed difference, its interval and p-value."""

    difference: float
    low: float
    high: float
    p_value: float

    @property
    def significant(self) -> bool:
        return bool(self.p_value < 0.05)


def paired(counts_a: np.ndarray, counts_b: np.ndarray, weights: np.ndarray, kind: str) -> PairedComparison:
    """Paired bootstrap comparison of two systems scored on the same documents (rows in the same order).

    The p-value is two-sided: twice the share of replicates on the far side of
    zero from the observed difference (with the usual +1 correction), capped at 1.
    """
    observed = float(_scores(counts_a.sum(axis=0), kind) - _scores(counts_b.sum(axis=0), kind))
    differences = replicate_scores(counts_a, weights, kind) - replicate_scores(counts_b, weights, kind)
    low, high = np.percentile(differences, [2.5, 97.5])
    beyond = int(np.sum(differences <= 0) if observed > 0 else np.sum(differences >= 0))
    p_value = min(1.0, 2 * (beyond + 1) / (len(differences) + 1))
    return PairedComparison(round(observed, 4), round(float(low), 4), round(float(high), 4), round(p_value, 4))
