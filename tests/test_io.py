"""Safe writes: atomic, with the user's umask, locked and repaired when a rebuild was cut short."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from indogeoie import io
from indogeoie.errors import IndoGeoIEError


@pytest.fixture()
def umask_022() -> object:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_and_folders_follow_the_umask(tmp_path: Path, umask_022: object) -> None:
    io.write_text(tmp_path / "a" / "file.txt", "x")
    assert mode(tmp_path / "a" / "file.txt") == 0o644
    folder = io.new_folder_beside(tmp_path / "dataset")
    assert mode(folder) == 0o755


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: object) -> None:
    path = tmp_path / "script.sh"
    path.write_text("old")
    path.chmod(0o750)
    io.write_text(path, "new")
    assert mode(path) == 0o750 and path.read_text() == "new"


def test_stale_files_is_every_check(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    assert io.stale_files({path: "v1"}, check=True) == [path] and not path.exists()
    assert io.stale_files({path: "v1"}, check=False) == [path] and path.read_text() == "v1"
    assert io.stale_files({path: b"v1"}, check=True) == []


def test_a_failed_write_names_the_file_and_leaves_no_temporary(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(27, "File too large")

    monkeypatch.setattr(io.os, "fsync", full)
    with pytest.raises(IndoGeoIEError, match=rf"{tmp_path / 'out.txt'}: cannot write: File too large"):
        io.write_text(tmp_path / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_swap_replaces_the_folder_whole(tmp_path: Path) -> None:
    target = tmp_path / "dataset"
    target.mkdir()
    (target / "old.txt").write_text("old")
    with io.folder_lock(target):  # temporary folders are made under the lock, which clears stray ones
        fresh = io.new_folder_beside(target)
        (fresh / "new.txt").write_text("new")
        io.swap_folder(fresh, target)
    assert [p.name for p in target.iterdir()] == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".dataset.lock", "dataset"]


def test_a_swap_cut_between_its_renames_is_repaired(tmp_path: Path) -> None:
    target = tmp_path / "dataset"
    aside = tmp_path / ".dataset.old"
    aside.mkdir()
    (aside / "kept.txt").write_text("previous build")
    stray = tmp_path / ".dataset.abc.tmp"
    stray.mkdir()
    with io.folder_lock(target):
        assert (target / "kept.txt").read_text() == "previous build"
    assert not aside.exists() and not stray.exists()


def test_a_read_only_folder_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "dataset"
    target.mkdir()
    (target / "old.txt").write_text("old")
    fresh = io.new_folder_beside(target)
    # As root every folder is writable, so the permission answer is what a user without rights gets.
    monkeypatch.setattr(io.os, "access", lambda path, mode: Path(path) != target)
    with pytest.raises(IndoGeoIEError, match=r"dataset: the folder is not writable; nothing was replaced"):
        io.swap_folder(fresh, target)
    assert [p.name for p in target.iterdir()] == ["old.txt"] and not (tmp_path / ".dataset.old").exists()
