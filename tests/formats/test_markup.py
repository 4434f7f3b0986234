"""Tests for indogeoie.formats.markup: the annotators' plain-text markup, written and read with located problems."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import assume, given

from indogeoie.annotation.markup_import import renumbered
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.markup import parse_markup, write_markup
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.text.alignment import edge_problem
from indogeoie.text.tokens import tokenize
from tests.test_properties import EXAMPLES, documents

TEXT = "AS menyerang Irak .\nIran mengecam AS ."
SENTENCES = [(0, len("AS menyerang Irak .")), (len("AS menyerang Irak .\n"), len(TEXT))]
SECOND = len("AS menyerang Irak .\n")
DOCUMENT = AnnotatedDocument(
    "d1", TEXT,
    (Span("e001", "GPE", 0, 2, "AS"), Span("e002", "GPE", 13, 17, "Irak"), Span("e003", "GPE", SECOND, SECOND + 4, "Iran")),
    (Event("t001", "ASSAULT", "future", Span("t001", "ASSAULT", 3, 12, "menyerang"),
           (Argument("Actor", "e001"), Argument("Recipient", "e002"))),
     Event("t002", "ACCUSE", "asserted", Span("t002", "ACCUSE", SECOND + 5, SECOND + 13, "mengecam"),
           (Argument("Actor", "e003"),))))
MARKUP = textwrap.dedent("""\
    # IndoGeoIE annotation
    doc: d1
    annotator: A

    ## text
    {AS|e1 GPE} {menyerang|t1 ASSAULT} {Irak|e2 GPE} .

    {Iran|e3 GPE} {mengecam|t2 ACCUSE} AS .

    ## events
    t1 future Actor=e1 Recipient=e2
    t2 asserted Actor=e3
    """)


def test_a_document_is_written_one_sentence_per_line_with_short_ids() -> None:
    assert write_markup(DOCUMENT, sentences=SENTENCES, annotator="A") == MARKUP


def test_the_markup_reads_back_with_its_annotator() -> None:
    parsed = parse_markup(MARKUP, text=TEXT, sentences=SENTENCES)
    assert [(e.id, e.label, e.start, e.end, e.text) for e in parsed.entities] == [
        ("e1", "GPE", 0, 2, "AS"), ("e2", "GPE", 13, 17, "Irak"), ("e3", "GPE", SECOND, SECOND + 4, "Iran")]
    assert [(e.id, e.type, e.modality, e.trigger.text, e.arguments) for e in parsed.events] == [
        ("t1", "ASSAULT", "future", "menyerang", (Argument("Actor", "e1"), Argument("Recipient", "e2"))),
        ("t2", "ACCUSE", "asserted", "mengecam", (Argument("Actor", "e3"),))]
    assert parsed.meta == {"completed_by": "A"}


def test_every_problem_is_listed_with_its_line() -> None:
    markup = MARKUP.replace("{Irak|e2 GPE}", "{Irak|e2 CITY}").replace("AS .\n\n## events", "AS !\n\n## events")
    markup = markup.replace("t1 future Actor=e1 Recipient=e2", "t1 maybe Actor=e1 Time=e2")
    with pytest.raises(IndoGeoIEError, match=r"^x\.ann:6: doc d1: e2 'Irak': unknown entity type 'CITY'") as caught:
        parse_markup(markup, text=TEXT, sentences=SENTENCES, file="x.ann")
    assert [str(p) for p in caught.value.problems][1:] == [
        "x.ann:8: doc d1: the text differs from the article at column 18: '!' where the article has '.'",
        "x.ann:11: doc d1: t1: modality 'maybe'; expected one of ['asserted', 'negated', 'future', 'hypothetical']",
        "x.ann:11: doc d1: t1 Time=e2: e2 is CITY 'Irak'; a Time must be one of ['DATE']",
        "x.ann:12: doc d1: t2 is not a trigger in the text",  # its sentence differs, so its spans are not read
    ]


def test_spans_must_cover_whole_tokens_and_events_name_triggers() -> None:
    markup = MARKUP.replace("AS .\n\n## events", "{AS |e4 GPE}.\n\n## events") + "t1 asserted\nt9 asserted\n"
    with pytest.raises(IndoGeoIEError) as caught:
        parse_markup(markup, text=TEXT, sentences=SENTENCES, file="x.ann")
    assert [str(p) for p in caught.value.problems] == [
        "x.ann:8: doc d1: span e4 'AS ' does not cover whole tokens",
        "x.ann:8: doc d1: e4: span 'AS ' ends with whitespace",
        "x.ann:13: doc d1: t1 has two event lines",
        "x.ann:14: doc d1: t9 is not a trigger in the text",
    ]


def test_a_file_without_header_or_text_is_refused() -> None:
    with pytest.raises(IndoGeoIEError, match=r"^x\.ann:1: missing header line 'doc: <doc_id>'") as caught:
        parse_markup("annotator: A\n", text=TEXT, sentences=SENTENCES, file="x.ann")
    assert [str(p) for p in caught.value.problems][1:] == [
        "x.ann:2: missing the '## text' section",
        "x.ann:1: 0 sentence lines in the text section; the article has 2 sentences"]


@EXAMPLES
@given(documents(within_sentences=True))
def test_markup_written_and_read_back_is_the_identity(document: AnnotatedDocument) -> None:
    spans = [*document.entities, *(e.trigger for e in document.events)]
    assume(all(edge_problem(s.text) is None for s in spans))  # the markup refuses what no annotator may write
    sentences = [(s.start, s.end) for s in tokenize(document.text).sentences]
    markup = write_markup(document, sentences=sentences, annotator="gen")
    parsed = renumbered(parse_markup(markup, text=document.text, sentences=sentences, spaced_tokens=False))
    assert parsed.entities == tuple(sorted(document.entities, key=lambda e: (e.start, e.id)))
    assert sorted(parsed.events, key=lambda e: e.id) == sorted(document.events, key=lambda e: e.id)
