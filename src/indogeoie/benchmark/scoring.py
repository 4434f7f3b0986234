"""Precision, recall and F1, and sequence scores with seqeval's own chunkers.

Sequence scores come from seqeval, always with an explicit mode: ``strict``
with the IOB2 scheme is the headline, seqeval's default (conlleval-compatible)
mode is reported beside it. Set-based precision, recall and F1 score spans
(the agreement study uses them too).

>>> s = set_prf({("d", 0, 4, "GPE"), ("d", 5, 9, "ORG")}, {("d", 0, 4, "GPE")})
>>> (s.precision, s.recall, round(s.f1, 3), s.tp, s.gold, s.predicted)
(1.0, 0.5, 0.667, 1, 2, 1)
"""

from __future__ import annotations

from collections import Counter
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


# --- Sequence scores with seqeval ---------------------------------------------------------------
#
# The headline is seqeval in strict mode with the IOB2 scheme: a chunk starts
# with B-X and continues with I-X; an I-X that does not continue an X chunk is
# invalid IOB2, and its tokens belong to no chunk. seqeval's default mode
# (conlleval-compatible) is reported beside it: there such an I-X starts a new
# chunk. The two agree on valid IOB2 and differ on invalid sequences.

MODES = ("strict", "default")


@dataclass(frozen=True)
class SequenceScores:
    """seqeval scores of tagged sequences in one mode."""

    mode: str
    micro: PRF
    macro_f1: float
    per_type: dict[str, PRF]


def chunks(sequences: list[list[str]], *, mode: str) -> set[tuple[int, int, int, str]]:
    """The chunks seqeval finds in ``sequences``: (sentence, start, end, type), end exclusive.

    ``strict`` uses seqeval's IOB2 scheme parser (``seqeval.scheme.Entities``), the
    one behind ``mode="strict"``; ``default`` uses ``get_entities``, the one behind
    seqeval's default mode.
    """
    # seqeval (and the scikit-learn it imports) loads only when sequences are scored, not for set scores.
    from seqeval.metrics import sequence_labeling as seqeval_default
    from seqeval.scheme import IOB2, Entities

    if mode == "strict":
        return {(e.sent_id, e.start, e.end, e.tag)
                for sentence in Entities(sequences, IOB2).entities for e in sentence}
    found = set()
    for index, sequence in enumerate(sequences):
        for tag, start, end in seqeval_default.get_entities(sequence):
            found.add((index, start, end + 1, tag))
    return found


def _scores(gold: set[tuple[int, int, int, str]], predicted: set[tuple[int, int, int, str]],
            mode: str) -> SequenceScores:
    """Micro, macro and per-type scores from chunk sets, as seqeval computes them."""
    correct = gold & predicted
    tp, n_gold, n_pred = Counter(c[3] for c in correct), Counter(c[3] for c in gold), Counter(c[3] for c in predicted)
    per_type = {label: prf_from_counts(tp[label], n_gold[label], n_pred[label])
                for label in sorted(set(n_gold) | set(n_pred))}
    micro = prf_from_counts(len(correct), len(gold), len(predicted))
    # seqeval's macro average runs over the types that occur in gold or prediction.
    macro = sum(s.f1 for s in per_type.values()) / len(per_type) if per_type else 0.0
    return SequenceScores(mode, micro, macro, per_type)


def sequence_scores(y_true: list[list[str]], y_pred: list[list[str]], *, mode: str) -> SequenceScores:
    """Micro and macro F1 and per-type scores of IOB2 sequences, with seqeval's chunking.

    Args:
        y_true: gold tag sequences.
        y_pred: predicted tag sequences, the same lengths.
        mode: ``"strict"`` (seqeval ``mode="strict", scheme=IOB2``; the headline) or
            ``"default"`` (seqeval's conlleval-compatible default mode).

    Chunks come from seqeval's own parsers (:func:`chunks`); precision, recall and
    F1 follow from them exactly as seqeval computes them, which the tests check
    against ``seqeval.metrics``.

    >>> s = sequence_scores([["B-PER", "I-PER", "O"]], [["O", "I-PER", "O"]], mode="strict")
    >>> s.micro.f1, sequence_scores([["B-PER", "I-PER", "O"]], [["O", "I-PER", "O"]], mode="default").micro.tp
    (0.0, 0)
    """
    if mode not in MODES:
        raise ValueError(f"mode {mode!r}; expected one of {MODES}")
    return _scores(chunks(y_true, mode=mode), chunks(y_pred, mode=mode), mode)
