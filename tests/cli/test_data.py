"""Tests for indogeoie.cli.data: the corpus, annotation and dataset commands; exit codes and located messages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indogeoie import paths
from indogeoie.cli import app
from indogeoie.corpus.documents import load_corpus

runner = CliRunner()


def test_ingest_check_passes_on_the_committed_outputs() -> None:
    result = runner.invoke(app, ["ingest", "--check"])
    assert result.exit_code == 0, result.output
    assert f"{len(load_corpus(paths.ANNOTATIONS))} documents" in result.output


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


def test_ingest_bad_file_exits_1_with_a_located_message(annotations_copy: Path, tmp_path: Path) -> None:
    (annotations_copy / "articles" / "900_bad.txt").write_bytes(b"\xc3\x28 rusak")
    result = runner.invoke(app, ["ingest", "--annotations", str(annotations_copy),
                                 "--tasks", str(tmp_path / "t.json")])
    assert result.exit_code == 1
    assert "900_bad.txt: doc 900_bad: not UTF-8: byte 0xc3 at byte offset 0" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "t.json").exists()


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", "--articles", str(tmp_path / "missing")])
    assert result.exit_code == 2


def test_validate_passes_on_the_gold() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert f"{len(load_corpus(paths.ANNOTATIONS))} documents" in result.output


def test_validate_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[{"data": {"doc_id": "d1", "text": "Iran"}, "annotations": [{"result": ['
                      '{"id": "e1", "type": "labels", "from_name": "entity", "to_name": "text",'
                      ' "value": {"start": 0, "end": 9, "text": "Iran", "labels": ["GPE"]}}]}]}]')
    result = runner.invoke(app, ["validate", str(broken), "--no-corpus"])
    assert result.exit_code == 1
    assert f"error: {broken}: doc d1: region e1 [0:9]: offsets out of range" in result.output
    assert "Traceback" not in result.output


def test_stats_check_passes_on_the_committed_statistics() -> None:
    result = runner.invoke(app, ["stats", "--check"])
    assert result.exit_code == 0, result.output


def test_agreement_prints_the_table() -> None:
    result = runner.invoke(app, ["agreement", str(paths.AGREEMENT / "v2" / "annotator-a.json"),
                                 str(paths.AGREEMENT / "v2" / "annotator-b.json")])
    assert result.exit_code == 0, result.output
    assert "| entities (span + type) |" in result.output


def test_validate_stops_on_a_bad_actor_table_row(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    actors = tmp_path / "actors"
    shutil.copytree(paths.ACTORS, actors)
    with (actors / "aliases.tsv").open("a", encoding="utf-8") as handle:
        handle.write("negeri antah\tXXQ\t-\t\n")
    monkeypatch.setattr(paths, "ACTORS", actors)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert re.search(r"aliases\.tsv: line \d+: unknown code 'XXQ'", result.output), result.output


def test_validate_a_missing_path_is_a_usage_error() -> None:
    result = runner.invoke(app, ["validate", "no-such-export.json"])
    assert result.exit_code == 2
    assert "Invalid value for PATH: no-such-export.json does not exist" in result.output


def test_agreement_of_one_export_needs_exactly_two_annotators(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["agreement", str(export), "--annotators", "a"])
    assert result.exit_code == 2
    assert "Invalid value for --annotators: give exactly two" in result.output
