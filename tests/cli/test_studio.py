"""Tests for indogeoie.cli.studio: the ``studio`` commands check their arguments and need a running server."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from indogeoie.cli import app

runner = CliRunner()


def test_studio_push_without_a_server_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["studio", "push", "--with", "gold", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "run `indogeoie studio up` first" in result.output
    assert "Traceback" not in result.output


def test_studio_push_rejects_an_unknown_source() -> None:
    result = runner.invoke(app, ["studio", "push", "--with", "silver"])
    assert result.exit_code == 2


def test_adduser_without_a_server_names_the_data_dir(tmp_path: Path) -> None:
    result = runner.invoke(app, ["studio", "adduser", "ani@example.org", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"error: no Label Studio started by indogeoie is running for {tmp_path}" in result.output


def test_pull_takes_one_side_at_most(tmp_path: Path) -> None:
    result = runner.invoke(app, ["studio", "pull", "--theirs", "--ours", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "choose one of --theirs and --ours" in result.output


def test_down_without_a_server_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["studio", "down", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output == "no server was running\n"
