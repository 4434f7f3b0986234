"""Label Studio in its own virtualenv: installed once, atomically, under a lock, from pinned versions.

Label Studio pins its own SDK and Django, so it cannot share the project's
environment. It is installed into a temporary folder beside its final place
and renamed into place only when complete, while holding a file lock, so
that two processes (two ``studio up``, or two test runs) wait for each other
instead of deleting each other's half-built folder. Every package is pinned
by ``label-studio-constraints.txt``, committed beside this module.

A virtualenv's scripts hard-code its path in their first line, so the server
is started as ``<venv>/bin/python -m label_studio.server``, which works in the
renamed folder.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from indogeoie.errors import IndoGeoIEError, Problem

LABEL_STUDIO_VERSION = "1.23.2"
CONSTRAINTS = Path(__file__).with_name("label-studio-constraints.txt")
_COMPLETE = ".indogeoie-complete"


def venv_dir() -> Path:
    """Where the virtualenv lives: ``INDOGEOIE_LABEL_STUDIO_VENV``, else the user's cache."""
    override = os.environ.get("INDOGEOIE_LABEL_STUDIO_VENV")
    if override:
        return Path(override)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "indogeoie"
    return cache / f"label-studio-{LABEL_STUDIO_VERSION}-py{sys.version_info[0]}{sys.version_info[1]}"


def server_command(venv: Path) -> list[str]:
    """The command that runs Label Studio's CLI from ``venv``."""
    return [str(venv / "bin" / "python"), "-m", "label_studio.server"]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # waits for another install to finish
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(step: list[str], where: Path) -> None:
    result = subprocess.run(step, capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise IndoGeoIEError(Problem(f"installing label-studio failed: {' / '.join(tail)}", file=str(where)))


def ensure_installed(log: Callable[[str], object] = print) -> Path:
    """Install Label Studio once; return the virtualenv.

    Raises:
        IndoGeoIEError: pip failed (its last lines are in the message); nothing is left half-installed.
    """
    venv = venv_dir()
    if (venv / _COMPLETE).exists():
        return venv
    with _locked(venv.with_name(venv.name + ".lock")):
        if (venv / _COMPLETE).exists():  # another process finished while this one waited
            return venv
        for stale in venv.parent.glob(f".{venv.name}.tmp-*"):  # left by a killed install
            shutil.rmtree(stale, ignore_errors=True)
        if venv.exists():  # an install from before installs were atomic, or a broken one
            shutil.rmtree(venv)
        building = venv.with_name(f".{venv.name}.tmp-{os.getpid()}")
        log(f"installing label-studio {LABEL_STUDIO_VERSION} into {venv} (about a minute, once)")
        python = shutil.which("python3.11") or sys.executable
        try:
            _run([python, "-m", "venv", str(building)], building)
            _run([str(building / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                  "-c", str(CONSTRAINTS), f"label-studio=={LABEL_STUDIO_VERSION}"], building)
            (building / _COMPLETE).write_text(LABEL_STUDIO_VERSION + "\n")
            building.rename(venv)
        finally:
            shutil.rmtree(building, ignore_errors=True)
    return venv
