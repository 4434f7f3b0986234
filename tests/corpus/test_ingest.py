"""Ingest: every source checked, tasks written, metadata kept, nothing written when anything is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indogeoie import io, paths
from indogeoie.corpus.ingest import ingest
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.articles import sha256_hex


def test_the_committed_tasks_are_a_fresh_ingest(tmp_path: Path) -> None:
    report = ingest(annotations_dir=paths.ANNOTATIONS, tasks_path=paths.TASKS_JSON, check=True)
    assert report.stale == () and report.new_articles == ()
    tasks = json.loads(paths.TASKS_JSON.read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == sorted(d.doc_id for d in report.documents)
    for task, document in zip(tasks, sorted(report.documents, key=lambda d: d.doc_id), strict=False):
        assert task["data"]["text"] == document.text and task["meta"]["source"] == document.meta.source


def test_ingest_writes_tasks_and_is_idempotent(annotations_copy: Path, tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.json"
    first = ingest(annotations_dir=annotations_copy, tasks_path=tasks)
    assert tasks in first.stale and tasks.read_bytes() == paths.TASKS_JSON.read_bytes()
    assert ingest(annotations_dir=annotations_copy, tasks_path=tasks).stale == ()


def test_a_new_article_gets_a_record_with_unknowns_null(annotations_copy: Path, tmp_path: Path) -> None:
    articles = annotations_copy / "articles"
    raw = b"Judul baru\n\nIsi berita.\n"
    doc_id = f"900_{sha256_hex(raw)[:16]}"
    (articles / f"{doc_id}.txt").write_bytes(raw)
    report = ingest(annotations_dir=annotations_copy, tasks_path=tmp_path / "tasks.json")
    assert report.new_articles == (doc_id,)
    record = json.loads((articles / "metadata.json").read_text(encoding="utf-8"))[doc_id]
    assert record["outlet"] is None and record["published"] is None
    assert record["sha256"] == sha256_hex(b"Judul baru\n\nIsi berita.\n")


def test_a_deleted_article_is_an_error_and_its_metadata_survives(annotations_copy: Path, tmp_path: Path) -> None:
    articles = annotations_copy / "articles"
    before = (articles / "metadata.json").read_bytes()
    victim = sorted(articles.glob("*.txt"))[0]
    victim.unlink()
    with pytest.raises(IndoGeoIEError, match=rf"doc {victim.stem}: metadata\.json has a record for {victim.stem}"):
        ingest(annotations_dir=annotations_copy, tasks_path=tmp_path / "tasks.json")
    assert (articles / "metadata.json").read_bytes() == before
    assert not (tmp_path / "tasks.json").exists()


def test_a_bad_article_writes_nothing(annotations_copy: Path, tmp_path: Path) -> None:
    articles = annotations_copy / "articles"
    (articles / "900_bad.txt").write_bytes(b"\xc3\x28 rusak")
    before = (articles / "metadata.json").read_bytes()
    with pytest.raises(IndoGeoIEError, match=r"900_bad\.txt: doc 900_bad: not UTF-8: byte 0xc3 at byte offset 0"):
        ingest(annotations_dir=annotations_copy, tasks_path=tmp_path / "tasks.json")
    assert (articles / "metadata.json").read_bytes() == before
    assert not (tmp_path / "tasks.json").exists()


def test_a_failed_write_keeps_the_previous_output(annotations_copy: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = tmp_path / "tasks.json"
    tasks.write_text("previous")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io.os, "fsync", disk_full)
    with pytest.raises(IndoGeoIEError, match=rf"{tasks}: cannot write: No space left on device"):
        ingest(annotations_dir=annotations_copy, tasks_path=tasks)
    assert tasks.read_text() == "previous"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_new_article_must_be_named_by_the_rule(annotations_copy: Path, tmp_path: Path) -> None:
    (annotations_copy / "articles" / "900_baru.txt").write_text("Judul baru\n\nIsi berita.\n", encoding="utf-8")
    digest = sha256_hex(b"Judul baru\n\nIsi berita.\n")
    with pytest.raises(IndoGeoIEError, match=rf"900_baru\.txt: doc 900_baru: a new article is named NNN_<the first 16 hex "
                                              rf"digits of its sha256>\.txt.*so: 900_{digest[:16]}\.txt"):
        ingest(annotations_dir=annotations_copy, tasks_path=tmp_path / "tasks.json")
    assert not (tmp_path / "tasks.json").exists()
