"""Scoring: the one module that every score in the project comes from.

Set-based precision, recall and F1 over hashable items (spans, argument
tuples) live here; sequence scores with seqeval are added beside them.

>>> s = set_prf({("d", 0, 4, "GPE"), ("d", 5, 9, "ORG")}, {("d", 0, 4, "GPE")})
>>> (s.precision, s.recall, round(s.f1, 3), s.tp, s.gold, s.predicted)
(1.0, 0.5, 0.667, 1, 2, 1)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the counts they come from."""

    precision: float
    recall: float
    f1: float
    tp: int
    gold: int
    predicted: int

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def prf_from_counts(tp: int, gold: int, predicted: int) -> PRF:
    """P, R and F1 from counts; an empty side scores 0 (and both empty score 1)."""
    if gold == 0 and predicted == 0:
        return PRF(1.0, 1.0, 1.0, 0, 0, 0)
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1, tp, gold, predicted)


def set_prf(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> PRF:
    """Exact-match P, R and F1 of two sets of items.

    Args:
        gold: reference items.
        predicted: predicted items.
    """
    gold_set, predicted_set = set(gold), set(predicted)
    return prf_from_counts(len(gold_set & predicted_set), len(gold_set), len(predicted_set))
