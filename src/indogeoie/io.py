"""Writing outputs safely, and the one ``--check`` of generated files.

Every file is written to a temporary file in the same folder, flushed to disk
and renamed over its target, so a reader sees the old version or the new one,
never half of one, and an interrupted writer leaves the old version in place.
New files and folders get the permissions the user's umask gives (not the
0600/0700 of temporary files); a replaced file keeps its mode. A write that
fails names the file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> stale_files({folder / "a.txt": b"new"}, check=True) == [folder / "a.txt"]
True
>>> _ = stale_files({folder / "a.txt": b"new"}, check=False)
>>> (folder / "a.txt").read_bytes(), stale_files({folder / "a.txt": b"new"}, check=True)
(b'new', [])
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from indogeoie.errors import IndoGeoIEError, Problem


def _umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_error(path: Path, error: OSError) -> IndoGeoIEError:
    return IndoGeoIEError(Problem(f"cannot write: {error.strerror or error}", file=str(path)))


def write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder, then rename).

    Args:
        path: the target file.
        data: its new content.
        mode: its permissions (default: those of the file it replaces, else 0666 less the umask).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if mode is None:
            mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _write_error(path, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise _write_error(path, error) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically, with ``\\n`` newlines."""
    write_bytes(path, text.encode("utf-8"), mode=mode)


def stale_files(wanted: Mapping[Path, bytes | str], *, check: bool) -> list[Path]:
    """The files whose content differs from ``wanted``; unless ``check``, write them.

    This is every command's ``--check``: with ``check`` nothing is written and
    the stale files are returned, so that the command can exit 1.

    Args:
        wanted: each generated file and the content it should have.
        check: only compare.
    """
    stale = []
    for path, content in wanted.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            current = path.read_bytes() if path.is_file() else None
        except OSError:
            current = None
        if current == data:
            continue
        stale.append(path)
        if not check:
            write_bytes(path, data)
    return stale


def new_folder_beside(path: Path) -> Path:
    """An empty temporary folder next to ``path``, with umask permissions, to be swapped in later."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
        fresh.chmod(0o777 & ~_umask())
    except OSError as error:
        raise _write_error(path, error) from None
    return fresh


def _aside(path: Path) -> Path:
    return path.with_name(f".{path.name}.old")


@contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a folder that is rebuilt), so concurrent writers wait.

    Under the lock, what an interrupted writer left behind is repaired: a folder
    set aside but not yet replaced is put back, and stray temporary folders go.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(f".{path.name}.lock")
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            aside = _aside(path)
            if aside.exists() and not path.exists():
                os.replace(aside, path)  # killed between the two renames of swap_folder
            elif aside.exists():
                shutil.rmtree(aside, ignore_errors=True)
            for stray in path.parent.glob(f".{path.name}.*.tmp"):
                if stray.is_dir():
                    shutil.rmtree(stray, ignore_errors=True)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def swap_folder(new: Path, path: Path) -> None:
    """Put the finished folder ``new`` in place of ``path`` with renames only.

    ``path`` is renamed aside, ``new`` renamed into place, then the old folder
    is removed; a reader sees the old folder or the new one, never a mix. Call
    it under :func:`folder_lock`, which repairs a swap that was cut short.
    """
    if path.exists() and not os.access(path, os.W_OK | os.X_OK):
        raise IndoGeoIEError(Problem("the folder is not writable; nothing was replaced", file=str(path)))
    aside = _aside(path)
    try:
        if path.exists():
            os.replace(path, aside)
        os.replace(new, path)
    except OSError as error:
        if aside.exists() and not path.exists():
            os.replace(aside, path)
        raise _write_error(path, error) from None
    shutil.rmtree(aside, ignore_errors=True)
