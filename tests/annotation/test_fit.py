"""Predicted spans fitted to the span rules: whatever a model proposes, the result validates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indogeoie.annotation.fit import fit_to_span_rules
from indogeoie.annotation.validate import validate_document
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.text.tokens import pretokenized

TEXT = "( AS ) menyerang Irak , kata Jenderal \" Qassem \" di Baghdad . Iran membalas ."
SENTENCES = [(0, TEXT.index(".") + 1), (TEXT.index(".") + 2, len(TEXT))]
TOKENS = pretokenized(TEXT, SENTENCES)
LABELS = ("GPE", "PER", "ORG")


@st.composite
def sloppy_documents(draw: st.DrawFn) -> AnnotatedDocument:
    """Spans anywhere on token edges or not, overlapping, across sentences, with arguments to any of them."""
    entities = []
    for index in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(TEXT) - 1))
        end = draw(st.integers(start + 1, len(TEXT)))
        entities.append(Span(f"e{index}", draw(st.sampled_from(LABELS)), start, end, TEXT[start:end]))
    events = []
    for index in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(TEXT) - 1))
        end = draw(st.integers(start + 1, min(len(TEXT), start + 12)))
        trigger = Span(f"t{index}", "ASSAULT", start, end, TEXT[start:end])
        arguments = tuple(Argument(draw(st.sampled_from(("Actor", "Recipient", "Location"))), e.id)
                          for e in entities[: draw(st.integers(0, len(entities)))])
        events.append(Event(f"t{index}", "ASSAULT", "asserted", trigger, arguments))
    return AnnotatedDocument("d", TEXT, tuple(entities), tuple(events))


@settings(max_examples=300, deadline=None)
@given(sloppy_documents())
def test_every_fitted_document_passes_validation(document: AnnotatedDocument) -> None:
    fitted, dropped = fit_to_span_rules(document, TOKENS)
    assert validate_document(fitted, file="x", source=None, tokenized=TOKENS) == []
    assert len(fitted.entities) + len(fitted.events) + dropped == len(document.entities) + len(document.events)


def test_edge_punctuation_is_trimmed_and_an_overlap_dropped() -> None:
    document = AnnotatedDocument("d", TEXT, (Span("e1", "GPE", 0, 6, "( AS )"), Span("e2", "GPE", 2, 4, "AS")))
    fitted, dropped = fit_to_span_rules(document, TOKENS)
    assert [(e.id, e.text) for e in fitted.entities] == [("e1", "AS")] and dropped == 1
