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

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import asdict, dataclass

from seqeval.metrics import sequence_labeling as seqeval_default
from seqeval.scheme import IOB2, Entities


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
    """Classification and identification scores in both modes, and the invalid-IOB2 count.

    Each side is chunked once per mode; identification compares the same chunks'
    spans, types ignored (the right span found, whatever its type).
    """
    classification, identification = {}, {}
    for mode in MODES:
        gold, predicted = chunks(y_true, mode=mode), chunks(y_pred, mode=mode)
        classification[mode] = _scores(gold, predicted, mode)
        untyped_gold = {(s, a, b, "SPAN") for s, a, b, _ in gold}
        untyped_pred = {(s, a, b, "SPAN") for s, a, b, _ in predicted}
        identification[mode] = _scores(untyped_gold, untyped_pred, mode)
    return TaggingReport(
        classification=classification,
        identification=identification,
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
