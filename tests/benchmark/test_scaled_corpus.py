"""Tests for indogeoie.benchmark.scaled_corpus: gold sentences recombined into valid articles of any number."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from indogeoie.annotation.validate import validate_document
from indogeoie.benchmark.scaled_corpus import SentencePiece, scaled_documents, sentence_pieces, write_scaled_export
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

TEXT = "AS menyerang Irak.\nIran mengecam AS."
SECOND = len("AS menyerang Irak.\n")
GOLD = AnnotatedDocument(
    "d1", TEXT,
    (Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak"), Span("e3", "GPE", SECOND, SECOND + 4, "Iran"),
     Span("e4", "GPE", SECOND + 14, SECOND + 16, "AS")),
    (Event("t1", "ASSAULT", "asserted", Span("t1", "ASSAULT", 3, 12, "menyerang"),
           (Argument("Actor", "e1"), Argument("Recipient", "e2"))),
     Event("t2", "ACCUSE", "future", Span("t2", "ACCUSE", SECOND + 5, SECOND + 13, "mengecam"),
           (Argument("Actor", "e3"), Argument("Recipient", "e1")))))  # e1 lies in the first sentence


def test_a_sentence_keeps_its_labels_and_only_the_arguments_inside_it() -> None:
    first, second = sentence_pieces((GOLD,))
    assert first.text == "AS menyerang Irak." and [e.id for e in first.entities] == ["e1", "e2"]
    assert second == SentencePiece(
        "Iran mengecam AS.", (Span("e3", "GPE", 0, 4, "Iran"), Span("e4", "GPE", 14, 16, "AS")),
        (Event("t2", "ACCUSE", "future", Span("t2", "ACCUSE", 5, 13, "mengecam"), (Argument("Actor", "e3"),)),))


def test_recombined_articles_are_re_offset_renumbered_and_reproducible() -> None:
    pieces = sentence_pieces((GOLD,))
    documents = list(scaled_documents(pieces, articles=2, sentences_per_article=3, seed=7))
    assert documents == list(scaled_documents(pieces, articles=2, sentences_per_article=3, seed=7))
    assert [d.doc_id for d in documents] == ["scaled-000000", "scaled-000001"]
    for document in documents:
        assert len(document.text.split("\n")) == 3
        assert [e.id for e in document.entities] == [f"e{i:05d}" for i in range(1, len(document.entities) + 1)]
        for span in (*document.entities, *(e.trigger for e in document.events)):
            assert document.text[span.start:span.end] == span.text
        ids = {e.id for e in document.entities}
        assert all(a.ref_id in ids for e in document.events for a in e.arguments)


def test_the_export_is_valid_and_its_token_count_is_returned(
        tmp_path: Path, write_gold: Callable[[list[AnnotatedDocument]], Path]) -> None:
    out = tmp_path / "scaled.json"
    # Two sentences of four tokens each per article (the gold's mean), three articles.
    assert write_scaled_export(gold=write_gold([GOLD]), articles=3, out=out) == 3 * 2 * 4
    report = read_export(out)
    assert report.problems == () and len(report.documents) == 3
    for document in report.documents:
        assert validate_document(document, file=str(out), source=None) == []
