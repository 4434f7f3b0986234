"""Raw articles: byte copies, honest metadata, and every kind of bad file refused with its name."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from indogeoie import paths
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.articles import MAX_ARTICLE_BYTES, load_metadata, read_article, read_articles, sha256_hex


def test_seed_articles_match_their_recorded_sha256() -> None:
    for article in read_articles(paths.ARTICLES):
        raw = (paths.ARTICLES / f"{article.doc_id}.txt").read_bytes()
        assert article.meta.sha256 == sha256_hex(raw) == sha256_hex(article.raw_bytes)
        assert article.meta.source == "seed" and article.meta.licence


def test_metadata_is_honest() -> None:
    metas = load_metadata(paths.ARTICLES)
    for doc_id, meta in metas.items():
        assert meta.language == "ind"
        if meta.published_inferred:
            assert meta.published_reason
        if meta.outlet:  # an outlet is recorded only when the article names it
            assert meta.outlet in (paths.ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "articles"
    shutil.copytree(paths.ARTICLES, copy)
    return copy


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Judul \xff\xfe rusak\n", r"900_bad\.txt: doc 900_bad: not UTF-8: byte 0xff at byte offset 6"),
        (b"", r"900_bad\.txt: doc 900_bad: the article is empty"),
        (b" \n\n", r"the article is empty"),
        (b"\xef\xbb\xbf", r"900_bad\.txt: doc 900_bad: the article is empty"),  # a byte-order mark alone
        (b"Judul\rIsi\r", r"900_bad\.txt: doc 900_bad: \[5:6\]: a bare carriage return at character offset 5 "
                          r"\(line 1\)"),
    ],
)
def test_bad_article_files_are_refused_with_their_name(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "900_bad.txt"
    path.write_bytes(content)
    with pytest.raises(IndoGeoIEError, match=message):
        read_article(path, None)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "900_fifo.txt"
    os.mkfifo(fifo)
    with pytest.raises(IndoGeoIEError, match=r"900_fifo\.txt: doc 900_fifo: not a regular file"):
        read_article(fifo, None)


def test_a_symlink_is_refused_even_to_a_device(tmp_path: Path) -> None:
    link = tmp_path / "900_zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(IndoGeoIEError, match=r"900_zero\.txt: doc 900_zero: cannot read: it is a symbolic link"):
        read_article(link, None)


def test_an_oversized_article_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "900_big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(IndoGeoIEError, match=r"the file is 5,242,881 bytes, more than the 5,242,880 allowed"):
        read_article(path, None)


def test_an_edited_article_no_longer_matches_its_sha256(folder: Path) -> None:
    path = next(folder.glob("*.txt"))
    path.write_bytes(path.read_bytes() + b"\nTambahan.\n")
    with pytest.raises(IndoGeoIEError, match=rf"{path.name}: doc {path.stem}: sha256 [0-9a-f]{{64}} does not match "
                                             "the metadata"):
        read_articles(folder)


def test_a_renamed_article_is_an_error_and_its_record_is_kept(folder: Path) -> None:
    path = next(folder.glob("*.txt"))
    path.rename(folder / "900_renamed.txt")
    with pytest.raises(IndoGeoIEError, match=rf"metadata\.json: doc {path.stem}: metadata\.json has a record for "
                                             rf"{path.stem} but there is no {path.stem}\.txt"):
        read_articles(folder, allow_new=True)


def test_an_article_without_metadata_needs_ingest(folder: Path) -> None:
    raw = b"Judul baru\n\nIsi berita.\n"
    doc_id = f"900_{sha256_hex(raw)[:16]}"
    (folder / f"{doc_id}.txt").write_bytes(raw)
    with pytest.raises(IndoGeoIEError, match=rf"{doc_id}\.txt: doc {doc_id}: no metadata record for this article; "
                                             r"run `indogeoie ingest`"):
        read_articles(folder)
    new = next(a for a in read_articles(folder, allow_new=True) if a.doc_id == doc_id)
    assert new.meta.outlet is None and new.meta.published is None


def test_bad_metadata_is_located(folder: Path) -> None:
    records = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    doc_id = sorted(records)[0]
    records[doc_id]["published"] = "14 Juli 2021"
    (folder / "metadata.json").write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match=rf"metadata\.json: doc {doc_id}: published '14 Juli 2021' is not a "
                                             "calendar date"):
        load_metadata(folder)
