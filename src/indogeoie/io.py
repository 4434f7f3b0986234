"""Atomic writes: every output is written to a temporary path, then renamed.

A reader never sees a half-written file, and an interrupted writer leaves the
previous version in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically, with ``\\n`` newlines."""
    write_bytes(path, text.encode("utf-8"))


def swap_dir(new: Path, path: Path) -> None:
    """Put the finished folder ``new`` in place of ``path`` with renames only.

    ``path`` is renamed aside, ``new`` renamed into place, and the old folder
    removed; a reader sees the old folder or the new one, never a mix.
    """
    old = None
    if path.exists():
        old = path.with_name(f".{path.name}.old")
        if old.exists():
            shutil.rmtree(old)
        os.replace(path, old)
    os.replace(new, path)
    if old is not None:
        shutil.rmtree(old)
