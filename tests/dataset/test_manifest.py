"""Tests for indogeoie.dataset.manifest: the sha256 of every built file, and what it tells about hand edits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from indogeoie.dataset.manifest import (
    MANIFEST,
    MANIFEST_HEADER,
    HashingWriter,
    differing_files,
    hand_edits,
    read_manifest,
)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def built(folder: Path) -> Path:
    """A folder as a build leaves it: two files and the manifest of both."""
    files = {"README.md": b"card\n", "data/a.jsonl": b"{}\n"}
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    lines = [MANIFEST_HEADER, *(f"{sha(data)}  {name}" for name, data in files.items())]
    (folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_a_written_file_is_hashed_as_it_is_written(tmp_path: Path) -> None:
    writer = HashingWriter(tmp_path / "new" / "file.txt")
    writer.write(b"Iran ")
    writer.write(b"menguji rudal")
    assert writer.close() == sha(b"Iran menguji rudal")
    assert (tmp_path / "new" / "file.txt").read_bytes() == b"Iran menguji rudal"


def test_only_a_manifest_with_our_header_is_read(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) is None
    (tmp_path / MANIFEST).write_text("abc  README.md\n", encoding="utf-8")
    assert read_manifest(tmp_path) is None
    (tmp_path / MANIFEST).write_text(f"{MANIFEST_HEADER}\nabc  README.md\ndef  data/my file.jsonl\n", encoding="utf-8")
    assert read_manifest(tmp_path) == {"README.md": "abc", "data/my file.jsonl": "def"}


def test_hand_edits_are_the_added_and_changed_files(tmp_path: Path) -> None:
    folder = built(tmp_path / "dataset")
    assert hand_edits(folder) == []
    (folder / "notes.txt").write_bytes(b"mine")
    (folder / "data" / "a.jsonl").write_bytes(b"{}\n{}\n")
    assert hand_edits(folder) == ["data/a.jsonl", "notes.txt"]


def test_without_our_manifest_every_file_is_a_hand_edit(tmp_path: Path) -> None:
    assert hand_edits(tmp_path / "missing") == []
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "z.txt").write_bytes(b"")
    assert hand_edits(tmp_path / "x") == ["y/z.txt"]


def test_differing_files_are_missing_extra_or_changed(tmp_path: Path) -> None:
    current, fresh = built(tmp_path / "current"), built(tmp_path / "fresh")
    assert differing_files(current, fresh) == []
    (current / "README.md").write_bytes(b"edited\n")
    (current / "extra.txt").write_bytes(b"")
    (fresh / "data" / "b.jsonl").write_bytes(b"")
    assert differing_files(current, fresh) == ["README.md", "data/b.jsonl", "extra.txt"]
    assert differing_files(tmp_path / "none", fresh) == [MANIFEST, "README.md", "data/a.jsonl", "data/b.jsonl"]
