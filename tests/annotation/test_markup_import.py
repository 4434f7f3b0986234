"""Tests for indogeoie.annotation.markup_import: markup files checked against the corpus, then added all or none."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from indogeoie.annotation.markup_import import export_markup, import_markup, renumbered
from indogeoie.corpus.documents import SourceDocument
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

TEXT = "AS menyerang Irak ."
MARKUP = textwrap.dedent("""\
    # IndoGeoIE annotation
    doc: d1
    annotator: A

    ## text
    {AS|e1 GPE} {menyerang|t1 ASSAULT} {Irak|e2 GPE} .

    ## events
    t1 asserted Actor=e1 Recipient=e2
    """)


@pytest.fixture()
def corpus(make_source: Any) -> dict[str, SourceDocument]:
    return {"d1": make_source("d1", TEXT, [(0, len(TEXT))]), "d2": make_source("d2", "Iran .", [(0, 6)])}


def markup_file(folder: Path, name: str = "d1.ann", text: str = MARKUP) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_region_ids_are_written_as_the_gold_writes_them() -> None:
    document = AnnotatedDocument("d", "AS menyerang", (Span("e7", "GPE", 0, 2, "AS"),), (
        Event("t12", "ASSAULT", "asserted", Span("t12", "ASSAULT", 3, 12, "menyerang"), (Argument("Actor", "e7"),)),))
    found = renumbered(document)
    assert [e.id for e in found.entities] == ["e007"]
    assert (found.events[0].id, found.events[0].trigger.id, found.events[0].arguments) == (
        "t012", "t012", (Argument("Actor", "e007"),))
    assert renumbered(AnnotatedDocument("d", "x", (Span("e1000", "GPE", 0, 1, "x"),))).entities[0].id == "e1000"


def test_a_file_is_added_with_its_annotator_and_replaced_only_when_asked(
        tmp_path: Path, corpus: dict[str, SourceDocument]) -> None:
    target = tmp_path / "gold.json"
    report = import_markup(files=[markup_file(tmp_path)], target=target, corpus=corpus)
    assert (report.added, report.replaced) == (("d1",), ())
    (document,) = read_export(target).documents
    assert [e.id for e in document.entities] == ["e001", "e002"] and document.meta["completed_by"] == "A"
    before = target.read_bytes()
    with pytest.raises(IndoGeoIEError, match=rf"^{re.escape(str(target))}: doc d1: already annotated in the target; "
                                             "pass --replace to replace it$"):
        import_markup(files=[markup_file(tmp_path)], target=target, corpus=corpus)
    assert target.read_bytes() == before
    changed = markup_file(tmp_path, text=MARKUP.replace("{Irak|e2 GPE}", "{Irak|e2 LOC}").replace(
        " Recipient=e2", ""))
    report = import_markup(files=[changed], target=target, corpus=corpus, replace=True)
    assert (report.added, report.replaced) == ((), ("d1",))
    assert read_export(target).documents[0].entity_by_id()["e002"].label == "LOC"


def test_one_bad_file_stops_the_whole_import(tmp_path: Path, corpus: dict[str, SourceDocument]) -> None:
    target = tmp_path / "gold.json"
    files = [markup_file(tmp_path), markup_file(tmp_path, "copy.ann"),
             markup_file(tmp_path, "zz.ann", MARKUP.replace("doc: d1", "doc: zz"))]
    with pytest.raises(IndoGeoIEError) as caught:
        import_markup(files=files, target=target, corpus=corpus)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'zz.ann'}: the header names doc 'zz', which is not in the corpus",
        "doc d1: two markup files annotate this document"]
    assert not target.exists()


def test_a_file_must_match_its_article_and_the_span_rules(tmp_path: Path, corpus: dict[str, SourceDocument]) -> None:
    path = markup_file(tmp_path, text=MARKUP.replace("{Irak|e2 GPE} .", "{Irak .|e2 GPE}"))
    with pytest.raises(IndoGeoIEError, match=r"d1\.ann:6: doc d1: e2: span 'Irak \.' ends with punctuation '\.'"):
        import_markup(files=[path], target=tmp_path / "gold.json", corpus=corpus)


def test_exported_markup_imports_back_and_is_never_overwritten(tmp_path: Path,
                                                              corpus: dict[str, SourceDocument]) -> None:
    gold = tmp_path / "gold.json"
    import_markup(files=[markup_file(tmp_path)], target=gold, corpus=corpus)
    out = tmp_path / "out"
    assert export_markup(doc_ids=[], source=gold, out=out, corpus=corpus) == [out / "d1.ann"]
    assert (out / "d1.ann").read_text(encoding="utf-8") == MARKUP
    with pytest.raises(IndoGeoIEError, match=r"d1\.ann: already exists; markup export never overwrites a file$"):
        export_markup(doc_ids=["d1"], source=gold, out=out, corpus=corpus)
    with pytest.raises(IndoGeoIEError, match=r"gold\.json: doc d2: not annotated in this file$"):
        export_markup(doc_ids=["d2"], source=gold, out=out, corpus=corpus)
