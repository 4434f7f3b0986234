"""The dataset's manifest: the sha256 of every file a build wrote, and what it tells about hand edits.

A build writes ``MANIFEST.sha256`` last. A file that is not in it, or whose
bytes no longer match it, was added or edited by hand since the build.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO

MANIFEST = "MANIFEST.sha256"
MANIFEST_HEADER = "# sha256 of every file, written by `indogeoie build`"


class HashingWriter:
    """A file in the temporary folder, hashed as it is written."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.handle: BinaryIO = path.open("wb")
        self.sha = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.sha.update(data)

    def close(self) -> str:
        self.handle.close()
        return self.sha.hexdigest()


def read_manifest(folder: Path) -> dict[str, str] | None:
    """The file digests a build recorded in ``folder``, or None if it holds no manifest of ours."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return None
    lines = manifest.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != MANIFEST_HEADER:
        return None
    entries = {}
    for line in lines[1:]:
        digest, _, name = line.partition("  ")
        entries[name] = digest
    return entries


def _tree(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def hand_edits(folder: Path) -> list[str]:
    """Files of a built folder that were added or edited since its build (its manifest says otherwise)."""
    manifest = read_manifest(folder)
    if manifest is None:
        return sorted(_tree(folder)) if folder.is_dir() else []
    edited = []
    for rel, path in _tree(folder).items():
        if rel == MANIFEST:
            continue
        if rel not in manifest or hashlib.sha256(path.read_bytes()).hexdigest() != manifest[rel]:
            edited.append(rel)
    return edited


def differing_files(current: Path, fresh: Path) -> list[str]:
    """Relative paths that differ between two folders (missing, extra or changed)."""
    if not current.is_dir():
        return sorted(_tree(fresh))
    a, b = _tree(current), _tree(fresh)
    return [rel for rel in sorted(set(a) | set(b))
            if rel not in a or rel not in b or a[rel].read_bytes() != b[rel].read_bytes()]
