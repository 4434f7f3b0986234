"""Two ``studio up`` at once on an empty cache: one installs, the other waits, both servers start."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from indogeoie.studio.install import CONSTRAINTS, LABEL_STUDIO_VERSION

pytestmark = pytest.mark.labelstudio


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for probe in sockets:
        probe.bind(("127.0.0.1", 0))
    ports = [int(probe.getsockname()[1]) for probe in sockets]
    for probe in sockets:
        probe.close()
    return ports


def test_the_constraints_pin_label_studio_and_every_dependency() -> None:
    lines = [line for line in CONSTRAINTS.read_text().splitlines() if line and not line.startswith("#")]
    assert f"label-studio=={LABEL_STUDIO_VERSION}" in lines
    assert all("==" in line for line in lines) and len(lines) > 50


def test_two_concurrent_studio_up_on_an_empty_cache_both_succeed(tmp_path: Path) -> None:
    venv = tmp_path / "cache" / "label-studio"
    env = {**os.environ, "INDOGEOIE_LABEL_STUDIO_VENV": str(venv), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    cli = [sys.executable, "-m", "indogeoie.cli"]
    data_dirs = [tmp_path / "one", tmp_path / "two"]
    runs = [subprocess.Popen([*cli, "studio", "up", "--port", str(port), "--data-dir", str(data_dir)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for port, data_dir in zip(free_ports(2), data_dirs, strict=True)]
    try:
        outputs = [run.communicate(timeout=900) for run in runs]
        for run, (out, err) in zip(runs, outputs, strict=True):
            assert run.returncode == 0, err
            assert "Label Studio: http://127.0.0.1:" in out
        assert sum("installing label-studio" in err for _, err in outputs) == 1  # the other one waited
        assert (venv / ".indogeoie-complete").exists()
        assert not list(venv.parent.glob(f".{venv.name}.tmp-*"))
    finally:
        for data_dir in data_dirs:
            subprocess.run([*cli, "studio", "down", "--data-dir", str(data_dir)], env=env, capture_output=True)
