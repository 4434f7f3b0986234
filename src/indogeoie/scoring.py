"""Scoring: the one module that every score in the project comes from.

Sequence scores come from seqeval, always with an explicit mode: ``strict``
with the IOB2 scheme is the headline, seqeval's default (conlleval-compatible)
mode is reported beside it. Set-based precision, recall and F1 score spans and
argument tuples.

>>> s = set_prf({("d", 0, 4, "GPE"), ("d", 5, 9, "ORG")}, {("d", 0, 4, "GPE")})
>>> (s.precision, s.recall, round(s.f1, 3), s.tp, s.gold, s.predicted)
(1.0, 0.5, 0.667, 1, 2, 1)
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Iterable
from dataclasses import asdict, dataclass

from seqeval.metrics import sequence_labeling as seqeval_default
from seqeval.metrics import v1 as seqeval_strict
from seqeval.scheme import IOB2
from sklearn.exceptions import UndefinedMetricWarning


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


def _per_type(y_true: list[list[str]], y_pred: list[list[str]], mode: str) -> dict[str, tuple[float, float, float, int]]:
    """seqeval's per-type precision, recall, F1 and support, keyed by type."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UndefinedMetricWarning)
        if mode == "strict":
            labels = seqeval_strict.unique_labels(y_true, y_pred, IOB2)
            p, r, f, s = seqeval_strict.precision_recall_fscore_support(
                y_true, y_pred, average=None, mode="strict", scheme=IOB2, zero_division=0)
        else:
            labels = sorted({t for t, _, _ in seqeval_default.get_entities(y_true)}
                            | {t for t, _, _ in seqeval_default.get_entities(y_pred)})
            p, r, f, s = seqeval_default.precision_recall_fscore_support(
                y_true, y_pred, average=None, zero_division=0)
    return {label: (float(p[i]), float(r[i]), float(f[i]), int(s[i])) for i, label in enumerate(labels)}


def sequence_scores(y_true: list[list[str]], y_pred: list[list[str]], *, mode: str) -> SequenceScores:
    """Micro and macro F1 and per-type scores of IOB2 sequences with seqeval.

    Args:
        y_true: gold tag sequences.
        y_pred: predicted tag sequences, the same lengths.
        mode: ``"strict"`` (seqeval ``mode="strict", scheme=IOB2``; the headline) or
            ``"default"`` (seqeval's conlleval-compatible default mode).

    Per-type counts come from seqeval: the support of each type, and, by scoring
    with the arguments swapped, the number predicted; micro and macro averages
    follow from them exactly as seqeval computes them.

    >>> s = sequence_scores([["B-PER", "I-PER", "O"]], [["O", "I-PER", "O"]], mode="strict")
    >>> s.micro.f1, sequence_scores([["B-PER", "I-PER", "O"]], [["O", "I-PER", "O"]], mode="default").micro.tp
    (0.0, 0)
    """
    if mode not in MODES:
        raise ValueError(f"mode {mode!r}; expected one of {MODES}")
    forward = _per_type(y_true, y_pred, mode)
    backward = _per_type(y_pred, y_true, mode)
    per_type = {}
    tp_sum = gold_sum = pred_sum = 0
    for label in sorted(set(forward) | set(backward)):
        _, recall, _, gold = forward.get(label, (0.0, 0.0, 0.0, 0))
        predicted = backward.get(label, (0.0, 0.0, 0.0, 0))[3]
        tp = round(recall * gold)
        per_type[label] = prf_from_counts(tp, gold, predicted)
        tp_sum, gold_sum, pred_sum = tp_sum + tp, gold_sum + gold, pred_sum + predicted
    micro = prf_from_counts(tp_sum, gold_sum, pred_sum)
    # seqeval's macro average runs over the types that occur in gold or prediction.
    macro = sum(s.f1 if s.gold or s.predicted else 0.0 for s in per_type.values()) / len(per_type) if per_type else 0.0
    return SequenceScores(mode, micro, macro, per_type)


def identification_tags(tags: list[list[str]], name: str = "SPAN") -> list[list[str]]:
    """The same chunks with every type replaced by one, to score identification alone."""
    return [[t if t == "O" else f"{t[:2]}{name}" for t in seq] for seq in tags]


def invalid_iob2(tags: list[str]) -> list[int]:
    """Positions of tags that break IOB2: an I-X that does not continue a B-X or I-X chunk."""
    bad = []
    previous = "O"
    for position, tag in enumerate(tags):
        if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
            bad.append(position)
        previous = tag
    return bad


@dataclass(frozen=True)
class TaggingReport:
    """Everything reported for one tagging task (entities or triggers)."""

    classification: dict[str, SequenceScores]  # by mode
    identification: dict[str, SequenceScores]  # by mode, types ignored
    sequences: int
    invalid_sequences: int

    def as_dict(self) -> dict[str, object]:
        def scores(s: SequenceScores) -> dict[str, object]:
            return {"micro": s.micro.as_dict(), "macro_f1": s.macro_f1,
                    "per_type": {k: v.as_dict() for k, v in s.per_type.items()}}

        return {
            "classification": {mode: scores(s) for mode, s in self.classification.items()},
            "identification": {mode: scores(s) for mode, s in self.identification.items()},
            "sequences": self.sequences,
            "invalid_iob2_sequences": self.invalid_sequences,
        }


def score_tagging(y_true: list[list[str]], y_pred: list[list[str]]) -> TaggingReport:
    """Classification and identification scores in both modes, and the invalid-IOB2 count."""
    ident_true, ident_pred = identification_tags(y_true), identification_tags(y_pred)
    return TaggingReport(
        classification={mode: sequence_scores(y_true, y_pred, mode=mode) for mode in MODES},
        identification={mode: sequence_scores(ident_true, ident_pred, mode=mode) for mode in MODES},
        sequences=len(y_pred),
        invalid_sequences=sum(1 for seq in y_pred if invalid_iob2(seq)),
    )


ArgumentTuple = tuple[str, int, int, str, int, int]  # doc, trigger start, trigger end, role, arg start, arg end


@dataclass(frozen=True)
class ArgumentReport:
    """Argument identification (role ignored) and classification F1, and F1 per role."""

    identification: PRF
    classification: PRF
    per_role: dict[str, PRF]

    def as_dict(self) -> dict[str, object]:
        return {"identification": self.identification.as_dict(),
                "classification": self.classification.as_dict(),
                "per_role": {k: v.as_dict() for k, v in self.per_role.items()}}


def score_arguments(gold: set[ArgumentTuple], predicted: set[ArgumentTuple]) -> ArgumentReport:
    """Argument F1 over (doc, trigger span, role, argument span) tuples.

    Identification drops the role; classification keeps it.
    """
    def unroled(items: set[ArgumentTuple]) -> set[tuple[str, int, int, int, int]]:
        return {(d, ts, te, a_s, a_e) for d, ts, te, _, a_s, a_e in items}

    roles = sorted({t[3] for t in gold | predicted})
    return ArgumentReport(
        identification=set_prf(unroled(gold), unroled(predicted)),
        classification=set_prf(gold, predicted),
        per_role={r: set_prf({t for t in gold if t[3] == r}, {t for t in predicted if t[3] == r}) for r in roles},
    )
