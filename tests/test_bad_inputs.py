"""Every broken file in tests/bad_inputs/ through every reader of its kind: located message, no traceback."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from indogeoie import paths
from indogeoie.errors import IndoGeoIEError
from indogeoie.studio.pull import pull

HERE = Path(__file__).parent / "bad_inputs"
CASES = json.loads((HERE / "cases.json").read_text())
runner = CliRunner()


def by_kind(kind: str) -> list[dict[str, str]]:
    return [c for c in CASES if c["kind"] == kind]


def assert_rejected(args: list[str], case: dict[str, str]) -> str:
    result = runner.invoke(app_(), args)
    assert result.exit_code == 1, (case["file"], result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    path = str(HERE / case["file"])
    located = [line for line in result.output.splitlines() if path in line]
    assert located, result.output
    assert any(re.search(case["message"], line) for line in located), (case["message"], result.output)
    return result.output


def app_():
    from indogeoie.cli import app

    return app


def test_the_corpus_covers_every_kind_of_break() -> None:
    names = {Path(c["file"]).stem for c in CASES}
    assert {"truncated", "top_level_object", "missing_data", "null_text", "offsets_beyond_text",
            "negative_offset", "float_offsets", "end_before_start", "span_text_mismatch", "unknown_label",
            "unknown_role", "unknown_modality", "relation_to_missing_id", "duplicate_region_id",
            "duplicate_doc_id", "not_utf8", "bom", "unknown_id", "missing_id", "duplicate_id",
            "wrong_length", "non_iob2_tag"} <= names
    assert all((HERE / c["file"]).exists() for c in CASES)


@pytest.mark.parametrize("case", by_kind("export"), ids=lambda c: c["file"])
def test_validate_rejects(case: dict[str, str]) -> None:
    assert_rejected(["validate", str(HERE / case["file"]), "--no-corpus"], case)


@pytest.mark.parametrize("case", by_kind("export"), ids=lambda c: c["file"])
def test_validate_json_errors(case: dict[str, str]) -> None:
    result = runner.invoke(app_(), ["validate", str(HERE / case["file"]), "--no-corpus", "--json"])
    assert result.exit_code == 1
    errors = json.loads(result.output.strip().splitlines()[-1])["errors"]
    assert any(e["file"] == str(HERE / case["file"]) and re.search(case["message"], _line(e)) for e in errors)


def _line(error: dict[str, object]) -> str:
    from indogeoie.errors import Problem

    offsets = error["offsets"]
    return str(Problem(str(error["message"]), error["file"], error["doc_id"], error["region"],  # type: ignore[arg-type]
                       tuple(offsets) if offsets else None))  # type: ignore[arg-type]


@pytest.mark.parametrize("case", by_kind("export"), ids=lambda c: c["file"])
def test_build_rejects_and_writes_nothing(case: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    assert_rejected(["build", "--from", str(HERE / case["file"]), "--out", str(out)], case)
    assert not out.exists()


def _parses(case: dict[str, str]) -> bool:
    from indogeoie.formats.labelstudio_export import loads_strict

    try:
        loads_strict((HERE / case["file"]).read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return True


# studio pull receives the server's export parsed (strictly), so it takes the exports that are JSON at all.
PULL_LISTS = {"exports/all_cancelled.json", "exports/predictions_only.json"}  # reported as not annotated


@pytest.mark.parametrize("case", [c for c in by_kind("export") if _parses(c) and c["file"] not in PULL_LISTS],
                         ids=lambda c: c["file"])
def test_studio_pull_rejects_and_keeps_the_gold(case: dict[str, str], tmp_path: Path, make_source: Any) -> None:
    export = json.loads((HERE / case["file"]).read_bytes().decode("utf-8"))
    gold = tmp_path / "gold.json"
    gold.write_bytes((paths.GOLD / "gold.json").read_bytes())
    source = str(HERE / case["file"])
    text = "AS menyerang Irak pada 2020."
    with pytest.raises(IndoGeoIEError) as caught:
        pull(export=export, gold_file=gold, articles={"bad-1": make_source("bad-1", text, [(0, len(text))])},
             bases={}, source=source)
    assert any(re.search(case["message"], str(p)) and source in str(p) for p in caught.value.problems)
    assert gold.read_bytes() == (paths.GOLD / "gold.json").read_bytes()


@pytest.mark.parametrize("case", by_kind("ner-predictions"), ids=lambda c: c["file"])
def test_score_rejects(case: dict[str, str]) -> None:
    assert_rejected(["score", "--predictions", str(HERE / case["file"]), "--config", "ner", "--split", "test"], case)


@pytest.mark.parametrize("case", by_kind("article"), ids=lambda c: c["file"])
def test_ingest_rejects_and_writes_nothing(case: dict[str, str], annotations_copy: Path, tmp_path: Path) -> None:
    articles = annotations_copy / "articles"
    metadata = (articles / "metadata.json").read_bytes()
    shutil.copy(HERE / case["file"], articles)
    tasks = tmp_path / "tasks.json"
    result = runner.invoke(app_(), ["ingest", "--annotations", str(annotations_copy), "--tasks", str(tasks)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert re.search(case["message"], result.output), result.output
    assert not tasks.exists()
    assert (articles / "metadata.json").read_bytes() == metadata


HUNDRED_MB = 100 * 1024 * 1024


# A child forked from this (large) test process counts the parent's pages in its peak until it execs; a small
# wrapper process starts the CLI instead, so the peak it reports is the CLI's own.
_WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "indogeoie", *sys.argv[1:]], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps([done.returncode, done.stdout + done.stderr, peak]))
"""


def _run_measured(args: list[str]) -> tuple[int, str, int]:
    """Run the CLI in a child process; its exit code, output and peak resident memory in bytes."""
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(paths.ROOT)})
    code, output, peak = json.loads(done.stdout)
    return int(code), str(output), int(peak)


def test_a_100_mb_export_is_refused_with_a_size_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('[{"data": {"doc_id": "huge", "text": "')
        chunk = "Iran menyerang Irak. " * 50_000
        written = 0
        while written < HUNDRED_MB:
            handle.write(chunk)
            written += len(chunk)
        handle.write('"}, "annotations": []}]')
    code, output, peak = _run_measured(["validate", str(path), "--no-corpus"])
    assert code == 1 and "Traceback" not in output
    assert re.search(rf"{re.escape(str(path))}: doc huge: data\.text has [\d,]+ characters, more than the "
                     r"1,000,000 a document may have", output), output
    assert peak < 1.5 * 1024**3, f"peak memory {peak / 1024**2:.0f} MB"


def test_a_100_mb_predictions_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"id": "x", "tags": [')
        handle.write('"O", ' * (HUNDRED_MB // 5))
        handle.write('"O"]}\n')
    # A first run fills the datasets cache, whose one-off conversion has its own memory peak.
    _run_measured(["score", "--predictions", str(paths.DATASET / "conll" / "ner" / "test.conll")])
    code, output, peak = _run_measured(["score", "--predictions", str(path), "--config", "ner"])
    assert code == 1 and "Traceback" not in output
    assert f"{path}: line 1: longer than 16 MB; refused" in output
    assert peak < 1024**3, f"peak memory {peak / 1024**2:.0f} MB"


def test_a_100_mb_article_is_refused(annotations_copy: Path, tmp_path: Path) -> None:
    articles = annotations_copy / "articles"
    with (articles / "999_huge.txt").open("w", encoding="utf-8") as handle:
        for _ in range(HUNDRED_MB // (1 << 20)):
            handle.write("Isi berita. " * ((1 << 20) // 12))
    result = runner.invoke(app_(), ["ingest", "--annotations", str(annotations_copy), "--tasks",
                                    str(tmp_path / "t.json")])
    assert result.exit_code == 1
    assert re.search(r"999_huge\.txt: doc 999_huge: the file is [\d,]+ bytes, more than the 5,242,880 allowed", result.output)


def test_an_export_that_is_a_fifo_or_a_link_to_a_device_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    device = tmp_path / "zero.json"
    device.symlink_to("/dev/zero")
    for path in (fifo, device):
        result = runner.invoke(app_(), ["validate", str(path), "--no-corpus"])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert re.search(rf"{re.escape(str(path))}: .*(not a regular file|symbolic link)", result.output), result.output


def test_metadata_nested_50000_levels_deep_is_refused(annotations_copy: Path, tmp_path: Path) -> None:
    (annotations_copy / "articles" / "metadata.json").write_bytes(b"[" * 50_000 + b"]" * 50_000)
    result = runner.invoke(app_(), ["ingest", "--annotations", str(annotations_copy), "--tasks",
                                    str(tmp_path / "t.json")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert re.search(r"metadata\.json: the metadata JSON is nested too deeply", result.output), result.output


def test_a_flood_of_bad_prediction_lines_gives_a_bounded_report(tmp_path: Path) -> None:
    path = tmp_path / "flood.jsonl"
    path.write_text("{}\n" * 20_000, encoding="utf-8")
    result = runner.invoke(app_(), ["score", "--predictions", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.output.splitlines()
    assert len(lines) <= 1001 and "more problems (only the first 1000 are listed)" in lines[-1]
