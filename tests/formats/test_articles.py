"""Raw articles, metadata and ingest, including bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from indogeoie import paths
from indogeoie import io
from indogeoie.formats.articles import Article, load_metadata, sha256_hex
from indogeoie.corpus.ingest import ingest
from indogeoie.errors import IndoGeoIEError

SEEDS = paths.ROOT.parent / "shared" / "seeds"


def test_articles_are_byte_copies_of_the_seeds(corpus: list[Article]) -> None:
    assert len(corpus) == 5
    for article in corpus:
        assert (paths.ARTICLES / f"{article.doc_id}.txt").read_bytes() == article.raw_bytes
        assert article.meta.sha256 == sha256_hex(article.raw_bytes)
        seed = SEEDS / f"{article.doc_id}.txt"
        if seed.exists():  # the seeds sit beside the checkout in the workplace and in CI
            assert seed.read_bytes() == article.raw_bytes


def test_metadata_is_honest(corpus: list[Article]) -> None:
    metas = {a.doc_id: a.meta for a in corpus}
    for meta in metas.values():
        assert meta.language == "ind"
        assert meta.url is None  # no article URL is known
        if meta.published_inferred:
            assert meta.published_reason
    # Stated in the text: the dateline of 002 and the outlets named by 002-004.
    assert metas["002_a9b487edf7c1dd88"].published == "2021-07-14T07:31+07:00"
    assert not metas["002_a9b487edf7c1dd88"].published_inferred
    assert [metas[d].outlet for d in sorted(metas)] == [
        None, None, "SINDOnews.com", "LiputanIslam.com", "MISTAR.ID"]
    for doc_id, meta in metas.items():
        if meta.outlet:
            raw = (paths.ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")
            assert meta.outlet in raw


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(paths.ARTICLES, folder)
    return folder


def test_ingest_writes_tasks_and_is_idempotent(workspace: Path, tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.json"
    first = ingest(articles_dir=workspace, tasks_path=tasks)
    assert tasks in first.written
    assert tasks.read_bytes() == paths.TASKS_JSON.read_bytes()
    second = ingest(articles_dir=workspace, tasks_path=tasks)
    assert second.written == ()


def test_a_new_article_gets_metadata_with_unknowns_null(workspace: Path, tmp_path: Path) -> None:
    (workspace / "900_new.txt").write_text("Judul baru\n\nIsi berita.\n", encoding="utf-8")
    ingest(articles_dir=workspace, tasks_path=tmp_path / "tasks.json")
    record = json.loads((workspace / "metadata.json").read_text())["900_new"]
    assert record["outlet"] is None and record["published"] is None
    assert record["sha256"] == sha256_hex(b"Judul baru\n\nIsi berita.\n")


def _assert_nothing_written(workspace: Path, tasks: Path, before: bytes) -> None:
    assert not tasks.exists()
    assert (workspace / "metadata.json").read_bytes() == before
    assert not list(workspace.glob("*.tmp")) and not list(workspace.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Judul \xff\xfe rusak\n", r"900_bad\.txt: not UTF-8: byte 0xff at byte offset 6"),
        (b"", r"900_bad\.txt: the article is empty"),
        (b" \n\n", r"900_bad\.txt: the article is empty"),
    ],
)
def test_ingest_rejects_bad_files_and_writes_nothing(
    workspace: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    (workspace / "900_bad.txt").write_bytes(content)
    tasks = tmp_path / "tasks.json"
    before = (workspace / "metadata.json").read_bytes()
    with pytest.raises(IndoGeoIEError, match=message):
        ingest(articles_dir=workspace, tasks_path=tasks)
    _assert_nothing_written(workspace, tasks, before)


def test_ingest_rejects_an_edited_article(workspace: Path, tmp_path: Path) -> None:
    path = workspace / "004_8ad9ae01f34e4272.txt"
    path.write_bytes(path.read_bytes().replace(b"Irak", b"Iraq", 1))
    tasks = tmp_path / "tasks.json"
    before = (workspace / "metadata.json").read_bytes()
    with pytest.raises(IndoGeoIEError, match=r"004_8ad9ae01f34e4272\.txt: doc 004_8ad9ae01f34e4272: "
                                               r"sha256 [0-9a-f]{64} does not match the metadata"):
        ingest(articles_dir=workspace, tasks_path=tasks)
    _assert_nothing_written(workspace, tasks, before)


def test_bad_metadata_is_located(workspace: Path) -> None:
    records = json.loads((workspace / "metadata.json").read_text())
    records["002_a9b487edf7c1dd88"]["published"] = "14 Juli 2021"
    (workspace / "metadata.json").write_text(json.dumps(records))
    with pytest.raises(IndoGeoIEError, match=r"metadata\.json: doc 002_a9b487edf7c1dd88: published "
                                               r"'14 Juli 2021' is not an ISO 8601 date"):
        load_metadata(workspace)


def test_a_failed_write_keeps_the_previous_output(workspace: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = tmp_path / "tasks.json"
    tasks.write_text("previous")

    def disk_full(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(io.os, "fsync", disk_full)
    with pytest.raises(OSError, match="disk full"):
        ingest(articles_dir=workspace, tasks_path=tasks)
    assert tasks.read_text() == "previous"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
