"""The one alignment between character spans and IOB2 tags over tokens.

Character offsets are the truth; tags are derived from them here and nowhere
else. A span that does not start and end on token boundaries cannot be tagged:
it is returned in ``misaligned`` (never silently tagged ``O``). Overlapping
spans raise an error that names both.

>>> from indogeoie.text.tokens import tokenize
>>> from indogeoie.records import Span
>>> tokens = tokenize("Kedutaan AS di Baghdad diserang").tokens
>>> aligned = spans_to_iob2(tokens, [Span("e1", "FAC", 0, 22, "Kedutaan AS di Baghdad")])
>>> aligned.tags
['B-FAC', 'I-FAC', 'I-FAC', 'I-FAC', 'O']
>>> iob2_to_spans(tokens, aligned.tags)
[(0, 22, 'FAC')]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.records import Span
from indogeoie.text.tokens import Token

_CLOSING = {")": "(", "]": "[", "”": "“", "’": "‘"}


@dataclass(frozen=True)
class AlignedTags:
    """IOB2 tags for a token sequence, the token range of each aligned span, and what did not align."""

    tags: list[str]
    token_spans: dict[str, tuple[int, int]]  # span id -> (first token, last token + 1)
    misaligned: list[Span]


def spans_to_iob2(tokens: Sequence[Token], spans: Sequence[Span], *, doc_id: str | None = None) -> AlignedTags:
    """IOB2 tags for ``tokens`` from character ``spans``.

    Args:
        tokens: tokens with character offsets (a whole text or one sentence).
        spans: labelled spans; only those inside the tokens' range are expected.
        doc_id: for error messages.
    """
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    tags = ["O"] * len(tokens)
    owner: list[Span | None] = [None] * len(tokens)
    token_spans: dict[str, tuple[int, int]] = {}
    misaligned: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        first, last = starts.get(span.start), ends.get(span.end)
        if first is None or last is None or last < first:
            misaligned.append(span)
            continue
        for i in range(first, last + 1):
            other = owner[i]
            if other is not None:
                raise IndoGeoIEError(Problem(
                    f"span {span.text!r} overlaps span {other.id} [{other.start}:{other.end}] "
                    f"{other.text!r}; IOB2 cannot encode overlapping spans",
                    doc_id=doc_id, region=span.id, offsets=(span.start, span.end)))
            owner[i] = span
            tags[i] = ("B-" if i == first else "I-") + span.label
        token_spans[span.id] = (first, last + 1)
    return AlignedTags(tags, token_spans, misaligned)


def iob2_chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token chunks ``(first, last, label)`` (``tokens[first:last]``) from IOB2 tags.

    An ``I-X`` that does not continue an ``X`` chunk starts a new one, as in
    conlleval.

    >>> iob2_chunks(["B-GPE", "I-GPE", "O", "I-ORG", "B-ORG"])
    [(0, 2, 'GPE'), (3, 4, 'ORG'), (4, 5, 'ORG')]
    """
    chunks: list[tuple[int, int, str]] = []
    first, label = -1, ""
    for index, tag in enumerate(tags):
        prefix, _, tag_label = tag.partition("-")
        if prefix == "I" and first >= 0 and tag_label == label:
            continue
        if first >= 0:
            chunks.append((first, index, label))
            first = -1
        if prefix in ("B", "I"):
            first, label = index, tag_label
    if first >= 0:
        chunks.append((first, len(tags), label))
    return chunks


def iob2_to_spans(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, label)`` from IOB2 tags (chunks as :func:`iob2_chunks` finds them).

    For valid IOB2 this is the exact inverse of :func:`spans_to_iob2`.
    """
    if len(tokens) != len(tags):
        raise ValueError(f"{len(tokens)} tokens but {len(tags)} tags")
    return [(tokens[first].start, tokens[last - 1].end, label) for first, last, label in iob2_chunks(tags)]


def edge_problem(text: str) -> str | None:
    """Why a span's text may not be a span on its own edges, if it may not (the guidelines' span rule 1).

    >>> edge_problem("Irak ,")
    "span 'Irak ,' ends with punctuation ','"
    >>> edge_problem("Rabu ( 24 / 1 )") is None
    True
    >>> edge_problem("6,88 %") is None
    True
    """
    for side, char in (("starts", text[0]), ("ends", text[-1])):
        if char.isspace():
            return f"span {text!r} {side} with whitespace"
        if unicodedata.category(char).startswith("P"):
            if side == "ends" and char in _CLOSING and _CLOSING[char] in text:
                continue  # "Rabu (24/1/2024)": the bracket closes inside the span
            if side == "ends" and char == "." and any(c.isalpha() for c in text.split()[-1]):
                continue  # an abbreviation token such as "C." keeps its period
            if side == "ends" and char == "%" and len(text) > 1:
                continue  # a percentage keeps its sign, as it keeps "persen"
            return f"span {text!r} {side} with punctuation {char!r}"
    return None
