"""The CLI: exit codes and located messages, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from indogeoie import paths
from indogeoie.cli import app

runner = CliRunner()


def test_ingest_check_passes_on_the_committed_outputs() -> None:
    result = runner.invoke(app, ["ingest", "--check"])
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.output


def test_config_check_passes_on_the_committed_outputs() -> None:
    result = runner.invoke(app, ["config", "--check"])
    assert result.exit_code == 0, result.output


def test_config_check_fails_on_a_stale_config(tmp_path: Path) -> None:
    stale = tmp_path / "config.xml"
    stale.write_text("<View/>")
    result = runner.invoke(app, ["config", "--check", "--output", str(stale),
                                 "--guidelines", str(tmp_path / "none.md")])
    assert result.exit_code == 1
    assert f"out of date: {stale}" in result.output


def test_ingest_bad_file_exits_1_with_a_located_message(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(paths.ARTICLES, folder)
    (folder / "900_bad.txt").write_bytes(b"\xc3\x28 rusak")
    result = runner.invoke(app, ["ingest", "--articles", str(folder),
                                 "--tasks", str(tmp_path / "t.json")])
    assert result.exit_code == 1
    assert "900_bad.txt: not UTF-8: byte 0xc3 at byte offset 0" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "t.json").exists()


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", "--articles", str(tmp_path / "missing")])
    assert result.exit_code == 2
