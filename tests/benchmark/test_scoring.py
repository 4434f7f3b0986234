"""The scorer against hand-computed fixtures, and against plain seqeval."""

from __future__ import annotations

import pytest
from seqeval.metrics import f1_score
from seqeval.scheme import IOB2

from indogeoie.benchmark.scoring import sequence_scores, set_prf

# Gold: 3 chunks (PER "Qassem Soleimani", GPE "Irak", ORG "Garda Revolusi").
GOLD = [["B-PER", "I-PER", "O", "B-GPE"], ["B-ORG", "I-ORG", "O"]]
# Prediction: the PER chunk starts with I- (invalid IOB2), GPE right, ORG typed as GPE.
PRED = [["I-PER", "I-PER", "O", "B-GPE"], ["B-GPE", "I-GPE", "O"]]


def test_strict_mode_by_hand() -> None:
    # Strict IOB2: the I-PER I-PER chunk is invalid and counts as nothing.
    # Predicted chunks: GPE (correct), GPE (wrong type) -> tp 1, predicted 2, gold 3.
    scores = sequence_scores(GOLD, PRED, mode="strict")
    assert (scores.micro.tp, scores.micro.predicted, scores.micro.gold) == (1, 2, 3)
    assert scores.micro.precision == pytest.approx(1 / 2)
    assert scores.micro.recall == pytest.approx(1 / 3)
    assert scores.micro.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))  # 0.4
    # Per type: GPE P=1/2 R=1 F=2/3; ORG 0; PER 0 -> macro = (2/3) / 3.
    assert scores.per_type["GPE"].f1 == pytest.approx(2 / 3)
    assert scores.per_type["PER"].predicted == 0 and scores.per_type["ORG"].tp == 0
    assert scores.macro_f1 == pytest.approx((2 / 3) / 3)


def test_default_mode_by_hand_differs_on_invalid_iob2() -> None:
    # Default (conlleval): I-PER starts a chunk, so PER is found: tp 2, predicted 3, gold 3.
    scores = sequence_scores(GOLD, PRED, mode="default")
    assert (scores.micro.tp, scores.micro.predicted, scores.micro.gold) == (2, 3, 3)
    assert scores.micro.f1 == pytest.approx(2 / 3)
    assert scores.micro.f1 != sequence_scores(GOLD, PRED, mode="strict").micro.f1


def test_agrees_with_plain_seqeval() -> None:
    assert sequence_scores(GOLD, PRED, mode="strict").micro.f1 == pytest.approx(
        f1_score(GOLD, PRED, mode="strict", scheme=IOB2))
    assert sequence_scores(GOLD, PRED, mode="default").micro.f1 == pytest.approx(f1_score(GOLD, PRED))
    assert sequence_scores(GOLD, PRED, mode="strict").macro_f1 == pytest.approx(
        f1_score(GOLD, PRED, mode="strict", scheme=IOB2, average="macro"))
    assert sequence_scores(GOLD, PRED, mode="default").macro_f1 == pytest.approx(
        f1_score(GOLD, PRED, average="macro"))




def test_perfect_and_empty() -> None:
    assert sequence_scores(GOLD, GOLD, mode="strict").micro.f1 == 1.0
    assert set_prf(set(), set()).f1 == 1.0
    assert set_prf({1}, set()).f1 == 0.0

