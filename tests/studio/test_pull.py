"""The three-way pull, on tiny inline exports (the real server is in test_roundtrip.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from indogeoie import io
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.formats.labelstudio_gold import gold_task
from indogeoie.records import AnnotatedDocument, Argument, Event, Span, labels_fingerprint
from indogeoie.studio.pull import pull

TEXT_A = "AS menyerang Irak di Baghdad ."
TEXT_B = "Jokowi bertemu Putin di Moskwa ."


def doc_a(label: str = "GPE") -> AnnotatedDocument:
    return AnnotatedDocument("a", TEXT_A, (Span("e1", label, 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak"),
                                           Span("e3", "GPE", 21, 28, "Baghdad")),
                             (Event("t1", "ASSAULT", "asserted", Span("t1", "ASSAULT", 3, 12, "menyerang"),
                                    (Argument("Actor", "e1"), Argument("Recipient", "e2"))),))


def doc_b(label: str = "PER") -> AnnotatedDocument:
    return AnnotatedDocument("b", TEXT_B, (Span("e1", label, 0, 6, "Jokowi"), Span("e2", "PER", 15, 20, "Putin"),
                                           Span("e3", "GPE", 24, 30, "Moskwa")))


@pytest.fixture()
def articles(make_source: Any) -> dict[str, Any]:
    return {"a": make_source("a", TEXT_A, [(0, len(TEXT_A))]), "b": make_source("b", TEXT_B, [(0, len(TEXT_B))])}


def export(*documents: AnnotatedDocument, by: int = 7) -> list[dict[str, Any]]:
    tasks = []
    for document in documents:
        task = gold_task(document, annotator="x")
        task["annotations"][0]["completed_by"] = by
        tasks.append(task)
    return tasks


def bases(*documents: AnnotatedDocument) -> dict[str, str]:
    return {d.doc_id: labels_fingerprint(d) for d in documents}


def test_a_change_made_in_label_studio_only_is_taken_with_its_annotator(
        articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a(), doc_b()])
    report = pull(export=export(doc_a("ORG"), doc_b()), gold_file=gold, articles=articles,
                  bases=bases(doc_a(), doc_b()), annotators={7: "ani@example.org"})
    assert [(d.doc_id, d.outcome, d.written) for d in report.documents] == [("a", "theirs", True), ("b", "same", False)]
    assert report.documents[0].diff.modified == ("e1",)
    assert "GPE [0:2] 'AS' -> entity ORG [0:2] 'AS'" in report.documents[0].diff.details[0]
    pulled = {d.doc_id: d for d in read_export(gold).documents}
    assert pulled["a"].entity_by_id()["e1"].label == "ORG"
    assert pulled["a"].meta["completed_by"] == "ani@example.org"
    assert pulled["b"].meta["completed_by"] == "test"  # an untouched document keeps its annotator
    assert report.bases["a"] == labels_fingerprint(doc_a("ORG"))


def test_one_region_changed_changes_one_line_of_the_gold(articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a(), doc_b()])
    before = gold.read_text().splitlines()
    pull(export=export(doc_a(), doc_b("ORG")), gold_file=gold, articles=articles, bases=bases(doc_a(), doc_b()))
    after = gold.read_text().splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 2  # the region's line, and the annotator on the task's head line
    assert '"e1"' in changed[1][1] and '"ORG"' in changed[1][1]


def test_a_change_made_in_git_only_is_kept(articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a("ORG"), doc_b()])  # changed in git since the last sync
    before = gold.read_bytes()
    report = pull(export=export(doc_a(), doc_b()), gold_file=gold, articles=articles, bases=bases(doc_a(), doc_b()))
    assert report.documents[0].outcome == "ours" and report.written is None
    assert gold.read_bytes() == before
    assert report.bases["a"] == labels_fingerprint(doc_a())  # the base stays, so the next push refreshes the task


def test_a_conflict_is_reported_and_not_written_unless_resolved(articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a("ORG"), doc_b()])
    before = gold.read_bytes()
    args = {"export": export(doc_a("NORP"), doc_b()), "gold_file": gold, "articles": articles,
            "bases": bases(doc_a(), doc_b())}
    report = pull(**args)
    assert report.conflicts() == ["a"] and gold.read_bytes() == before
    assert report.bases["a"] == labels_fingerprint(doc_a())
    kept = pull(**args, resolve="ours")
    assert kept.conflicts() == [] and gold.read_bytes() == before
    assert kept.bases["a"] == labels_fingerprint(doc_a("NORP"))  # so the next push puts git's version back
    taken = pull(**args, resolve="theirs")
    assert taken.conflicts() == []
    assert {d.doc_id: d for d in read_export(gold).documents}["a"].entity_by_id()["e1"].label == "NORP"


def test_a_dry_run_writes_nothing_and_keeps_the_bases(articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a(), doc_b()])
    before, old_bases = gold.read_bytes(), bases(doc_a(), doc_b())
    report = pull(export=export(doc_a("ORG"), doc_b()), gold_file=gold, articles=articles, bases=old_bases,
                  dry_run=True)
    assert report.documents[0].outcome == "theirs" and not report.documents[0].written
    assert report.written is None and gold.read_bytes() == before and report.bases == old_bases
    assert not gold.with_name("gold.json.bak").exists()


def test_unannotated_and_skipped_tasks_never_enter_the_gold(articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a()])
    tasks = export(doc_a())
    skipped = export(doc_b())[0]
    skipped["annotations"][0]["was_cancelled"] = True
    empty = {"data": {"doc_id": "b", "text": TEXT_B}, "annotations": []}
    for extra in (skipped, empty):
        report = pull(export=[*tasks, extra], gold_file=gold, articles=articles, bases=bases(doc_a()))
        assert [d.doc_id for d in report.documents] == ["a"] and report.written is None
        assert report.unannotated[0][0] == "b"
    assert "skipped" in pull(export=[*tasks, skipped], gold_file=gold, articles=articles,
                             bases={}).unannotated[0][1]
    assert [d.doc_id for d in read_export(gold).documents] == ["a"]


def test_a_new_annotation_is_added_to_the_gold(articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a()])
    report = pull(export=export(doc_a(), doc_b()), gold_file=gold, articles=articles, bases=bases(doc_a()))
    assert [(d.doc_id, d.outcome) for d in report.documents] == [("a", "same"), ("b", "theirs")]
    assert [d.doc_id for d in read_export(gold).documents] == ["a", "b"]


def test_an_invalid_export_writes_nothing(articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a()])
    before = gold.read_bytes()
    broken = export(doc_a("ORG"))
    broken[0]["annotations"][0]["result"][0]["value"]["end"] = 5  # "AS me": not the text, not a token end
    with pytest.raises(IndoGeoIEError, match=r"doc a: region e1 \[0:5\]"):
        pull(export=broken, gold_file=gold, articles=articles, bases={})
    assert gold.read_bytes() == before and not gold.with_name("gold.json.bak").exists()


def test_a_broken_current_gold_is_a_located_error(articles: dict[str, Any], write_gold: Any) -> None:
    gold = write_gold([doc_a()])
    gold.write_bytes(gold.read_bytes()[:40])  # truncated
    with pytest.raises(IndoGeoIEError, match=r"gold.json: invalid JSON at line") as error:
        pull(export=export(doc_a("ORG")), gold_file=gold, articles=articles, bases={})
    assert "restore it" in str(error.value)


def test_a_pull_that_fails_while_writing_keeps_the_previous_gold(
        articles: dict[str, Any], write_gold: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    gold = write_gold([doc_a()])
    before = gold.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io.os, "fsync", full_disk)
    with pytest.raises(IndoGeoIEError, match="gold.json.bak: cannot write: No space left"):
        pull(export=export(doc_a("ORG")), gold_file=gold, articles=articles, bases=bases(doc_a()))
    assert gold.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert json.loads(before)  # still the whole file
