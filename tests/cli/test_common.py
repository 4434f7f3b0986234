"""Tests for indogeoie.cli.common: errors become located lines (or JSON) on stderr and exit status 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer

from indogeoie.cli.common import report_files, run
from indogeoie.errors import IndoGeoIEError, Problem


def fail() -> None:
    raise IndoGeoIEError([Problem("bad label", "a.json", "d1", "e1", (0, 2)), Problem("no text", "a.json", "d2")])


def test_a_step_that_succeeds_returns_its_value() -> None:
    assert run(lambda: 41 + 1) == 42


def test_each_problem_is_one_error_line_and_the_exit_status_is_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as stopped:
        run(fail)
    assert stopped.value.exit_code == 1
    captured = capsys.readouterr()
    assert captured.err == "error: a.json: doc d1: region e1 [0:2]: bad label\nerror: a.json: doc d2: no text\n"
    assert captured.out == ""


def test_json_errors_are_one_object_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit):
        run(fail, as_json=True)
    assert json.loads(capsys.readouterr().err) == {"errors": [
        {"file": "a.json", "doc_id": "d1", "region": "e1", "offsets": [0, 2], "message": "bad label"},
        {"file": "a.json", "doc_id": "d2", "region": None, "offsets": None, "message": "no text"}]}


def test_an_os_error_names_its_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(typer.Exit):
        run(lambda: missing.read_text())
    assert capsys.readouterr().err == f"error: {missing}: No such file or directory\n"


def test_report_files_lists_what_was_written_or_fails_a_check(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    written = [tmp_path / "a.md", tmp_path / "b.md"]
    report_files(written, check=False)
    assert capsys.readouterr().out == f"wrote {written[0]}\nwrote {written[1]}\n"
    report_files([], check=True)
    assert capsys.readouterr() == ("", "")
    with pytest.raises(typer.Exit) as stopped:
        report_files(written[:1], check=True)
    assert stopped.value.exit_code == 1
    assert capsys.readouterr().err == f"out of date: {written[0]} differs from a fresh run\n"
