"""Tests for indogeoie.benchmark.data: the manifest check, the splits, and predicted spans per document."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from indogeoie.benchmark.data import BenchmarkData, check_manifest, spans_by_document, tokens_of
from indogeoie.errors import IndoGeoIEError
from indogeoie.text.tokens import Token


def built(tmp_path: Path) -> Path:
    """A folder with two files and the manifest a build writes."""
    folder = tmp_path / "dataset"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "a.jsonl").write_bytes(b'{"id": 1}\n')
    (folder / "README.md").write_bytes(b"# card\n")
    lines = ["# sha256 of every file, written by `indogeoie build`"]
    lines += [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(folder).as_posix()}"
              for p in (folder / "README.md", folder / "data" / "a.jsonl")]
    (folder / "MANIFEST.sha256").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_an_intact_dataset_gives_the_sha256_of_its_manifest(tmp_path: Path) -> None:
    folder = built(tmp_path)
    assert check_manifest(folder) == hashlib.sha256((folder / "MANIFEST.sha256").read_bytes()).hexdigest()


def test_every_changed_or_missing_file_is_named(tmp_path: Path) -> None:
    folder = built(tmp_path)
    (folder / "README.md").write_bytes(b"# card, edited\n")
    (folder / "data" / "a.jsonl").unlink()
    with pytest.raises(IndoGeoIEError) as caught:
        check_manifest(folder)
    assert [str(p) for p in caught.value.problems] == [
        f"{folder / 'README.md'}: its sha256 differs from MANIFEST.sha256 (line 2); the dataset was changed after it "
        "was built: rebuild it with `indogeoie build`",
        f"{folder / 'data' / 'a.jsonl'}: listed in MANIFEST.sha256 (line 3) but missing"]


def test_a_folder_without_a_manifest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IndoGeoIEError, match=rf"^{re.escape(str(tmp_path))}: no MANIFEST\.sha256; not a dataset "
                                             r"built by `indogeoie build`$"):
        check_manifest(tmp_path)


def test_a_manifest_whose_first_line_is_not_the_header_is_refused(tmp_path: Path) -> None:
    folder = built(tmp_path)
    manifest = folder / "MANIFEST.sha256"
    manifest.write_text(manifest.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")  # header gone
    with pytest.raises(IndoGeoIEError, match=r"MANIFEST\.sha256: line 1 is '[0-9a-f]{64}  README\.md', not the "
                                             r"manifest header"):
        check_manifest(folder)


def test_splits_hold_their_documents_sentences(tiny_benchmark: BenchmarkData) -> None:
    assert [s.id for s in tiny_benchmark.split("test")] == ["d3-000"]
    assert tiny_benchmark.doc_ids("validation") == ["d2"]
    assert tokens_of(tiny_benchmark.split("train")[0]) == [Token("AS", 0, 2), Token("menyerang", 3, 12),
                                                           Token("Irak", 13, 17), Token(".", 18, 19)]


def test_predicted_spans_are_in_document_offsets(tiny_benchmark: BenchmarkData) -> None:
    tags = [["B-ORG", "I-ORG", "O", "O"], ["O", "O", "O", "O"], ["O", "O", "B-PER", "I-PER"]]
    assert spans_by_document(tiny_benchmark.sentences, tags) == {
        "d1": [(0, 12, "ORG")], "d2": [], "d3": [(15, 21, "PER")]}
