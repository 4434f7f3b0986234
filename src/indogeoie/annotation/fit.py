"""Predicted labels made to obey the gold's span rules, so that an annotator can accept them as they are.

A model's span may start or end with a punctuation token, cross a sentence,
or overlap another span. :func:`fit_to_span_rules` trims each span to the
tokens inside it without punctuation tokens at either edge, and drops what
still breaks a rule (with its arguments), counting the drops. The result
passes :func:`indogeoie.annotation.validate.validate_document`.

>>> from indogeoie.text.tokens import pretokenized
>>> text = "( AS ) menyerang Irak ."
>>> tokens = pretokenized(text, [(0, len(text))])
>>> fitted, dropped = fit_to_span_rules(
...     AnnotatedDocument("d", text, (Span("e1", "GPE", 0, 6, "( AS )"), Span("e2", "GPE", 17, 23, "Irak ."))),
...     tokens)
>>> [(e.text, e.start, e.end) for e in fitted.entities], dropped
([('AS', 2, 4), ('Irak', 17, 21)], 0)
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import ROLE_FILLERS
from indogeoie.text.alignment import edge_problem
from indogeoie.text.tokens import Token, TokenizedText


def _punctuation(token: Token) -> bool:
    return all(unicodedata.category(char).startswith("P") for char in token.text)


def _trimmed(span: Span, tokenized: TokenizedText) -> Span | None:
    inside = [t for t in tokenized.tokens if t.start >= span.start and t.end <= span.end]
    while inside and _punctuation(inside[0]):
        inside.pop(0)
    while inside and _punctuation(inside[-1]):
        inside.pop()
    if not inside:
        return None
    start, end = inside[0].start, inside[-1].end
    text = tokenized.text[start:end]
    if edge_problem(text) is not None:
        return None
    if tokenized.sentences and tokenized.sentence_of(start) != tokenized.sentence_of(end - 1):
        return None
    return replace(span, start=start, end=end, text=text)


def fit_to_span_rules(document: AnnotatedDocument, tokenized: TokenizedText) -> tuple[AnnotatedDocument, int]:
    """``document`` with spans trimmed to the span rules; return it and how many regions were dropped.

    Arguments whose entity was dropped, or whose entity type the role does not
    admit, are dropped with it (they are not counted as regions).
    """
    candidates: list[tuple[str, Span]] = [("entity", e) for e in document.entities]
    candidates += [("trigger", e.trigger) for e in document.events]
    kept: dict[str, Span] = {}
    dropped = 0
    taken: list[Span] = []
    for _, span in sorted(candidates, key=lambda item: (item[1].start, item[1].end, item[1].id)):
        fitted = _trimmed(span, tokenized)
        if fitted is None or any(fitted.start < other.end and other.start < fitted.end for other in taken):
            dropped += 1
            continue
        kept[span.id] = fitted
        taken.append(fitted)
    entities = tuple(kept[e.id] for e in document.entities if e.id in kept)
    labels = {e.id: e.label for e in entities}
    events = []
    for event in document.events:
        if event.id not in kept:
            continue
        arguments = tuple(Argument(a.role, a.ref_id) for a in event.arguments
                          if labels.get(a.ref_id) in ROLE_FILLERS[a.role])
        events.append(Event(event.id, event.type, event.modality, kept[event.id], arguments))
    return replace(document, entities=entities, events=tuple(events)), dropped
