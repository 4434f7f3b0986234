"""Tests for indogeoie.text.alignment: character spans to IOB2 tags and back, and the span edge rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indogeoie.errors import IndoGeoIEError
from indogeoie.records import Span
from indogeoie.schema import ENTITY_TYPES, NER_TAGS
from indogeoie.text.alignment import edge_problem, iob2_to_spans, spans_to_iob2
from indogeoie.text.tokens import Token, tokenize
from tests.test_properties import EXAMPLES, texts, token_ranges

# The tokens of "Kedutaan AS di Baghdad diserang".
TOKENS = [Token("Kedutaan", 0, 8), Token("AS", 9, 11), Token("di", 12, 14), Token("Baghdad", 15, 22),
          Token("diserang", 23, 31)]


def test_aligned_spans_give_tags_and_token_ranges() -> None:
    spans = [Span("e2", "GPE", len("Kedutaan AS di "), len("Kedutaan AS di Baghdad"), "Baghdad"),
             Span("e1", "FAC", 0, len("Kedutaan AS"), "Kedutaan AS")]
    aligned = spans_to_iob2(TOKENS, spans)
    assert aligned.tags == ["B-FAC", "I-FAC", "O", "B-GPE", "O"]
    assert aligned.token_spans == {"e1": (0, 2), "e2": (3, 4)}
    assert aligned.misaligned == []


def test_a_span_inside_a_token_is_misaligned_not_tagged() -> None:
    inside = Span("e1", "GPE", len("Kedutaan AS di Bag"), len("Kedutaan AS di Baghdad"), "hdad")
    aligned = spans_to_iob2(TOKENS, [inside])
    assert aligned.misaligned == [inside]
    assert aligned.tags == ["O"] * 5 and aligned.token_spans == {}


def test_overlapping_spans_name_both() -> None:
    wide = Span("e1", "FAC", 0, len("Kedutaan AS"), "Kedutaan AS")
    inner = Span("e2", "GPE", len("Kedutaan "), len("Kedutaan AS"), "AS")
    with pytest.raises(IndoGeoIEError, match=r"^doc d1: region e2 \[9:11\]: span 'AS' overlaps span e1 \[0:11\] "
                                             r"'Kedutaan AS'; IOB2 cannot encode overlapping spans$"):
        spans_to_iob2(TOKENS, [wide, inner], doc_id="d1")


def test_a_stray_inside_tag_starts_a_chunk_as_in_conlleval() -> None:
    tags = ["I-FAC", "I-FAC", "B-ORG", "I-GPE", "O"]
    assert iob2_to_spans(TOKENS, tags) == [(0, 11, "FAC"), (12, 14, "ORG"), (15, 22, "GPE")]


@pytest.mark.parametrize(("text", "problem"), [
    ("Irak", None),
    (" Irak", "span ' Irak' starts with whitespace"),
    ("Irak\n", "span 'Irak\\n' ends with whitespace"),
    ("(Irak", "span '(Irak' starts with punctuation '('"),
    ("Irak)", "span 'Irak)' ends with punctuation ')'"),
    ("Rabu (24/1)", None),
    ("C.", None),
    ("2020.", "span '2020.' ends with punctuation '.'"),
    ("6,88 %", None),
    ("%", "span '%' starts with punctuation '%'"),
])
def test_edge_problem(text: str, problem: str | None) -> None:
    assert edge_problem(text) == problem


@EXAMPLES
@given(texts(), st.data())
def test_spans_to_iob2_and_back_is_exact(text: str, data: st.DataObject) -> None:
    tokens = tokenize(text).tokens
    ranges = data.draw(token_ranges(len(tokens)))
    spans = [Span(f"s{i}", data.draw(st.sampled_from(ENTITY_TYPES)), tokens[a].start, tokens[b - 1].end,
                  text[tokens[a].start:tokens[b - 1].end]) for i, (a, b) in enumerate(ranges)]
    aligned = spans_to_iob2(tokens, spans)
    assert aligned.misaligned == []
    assert all(tag in NER_TAGS for tag in aligned.tags)
    assert iob2_to_spans(tokens, aligned.tags) == [(s.start, s.end, s.label) for s in spans]


@EXAMPLES
@given(texts(), st.data())
def test_misaligned_spans_are_reported_never_dropped(text: str, data: st.DataObject) -> None:
    tokens = tokenize(text).tokens
    long_tokens = [t for t in tokens if len(t.text) > 1]
    if not long_tokens:
        long_tokens = [Token("x", 0, 1)]
        spans = []
    else:
        token = data.draw(st.sampled_from(long_tokens))
        cut = data.draw(st.integers(token.start + 1, token.end - 1))
        spans = [Span("bad", "GPE", cut, token.end, text[cut:token.end])]
    aligned = spans_to_iob2(tokens, spans)
    assert [s.id for s in aligned.misaligned] == [s.id for s in spans]
    assert set(aligned.tags) <= {"O"}
