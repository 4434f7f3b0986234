"""``indogeoie predict`` on a new article, on CoNLL input and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from indogeoie import paths
from indogeoie.cli import app

runner = CliRunner()
ARTICLE = ("Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Iran di Jakarta pada Selasa.\n"
           "Pasukan Israel menyerang kota Gaza dan menangkap tiga orang.\n")


def predict(*args: str) -> str:
    result = runner.invoke(app, ["predict", "--model", "lexicon", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_new_article_gives_entities_and_events_with_arguments_and_modality(tmp_path: Path) -> None:
    article = tmp_path / "berita baru.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    predict(str(article), "--out", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == ["berita_baru"]
    row = rows[0]
    texts = {ARTICLE[e["start"]:e["end"]] for e in row["entities"]}
    assert "Jakarta" in texts and row["events"]
    for event in row["events"]:
        assert event["modality"] in {"asserted", "negated", "future", "hypothetical"}
        for argument in event["arguments"]:
            assert {"start": argument["start"], "end": argument["end"]} in [
                {"start": e["start"], "end": e["end"]} for e in row["entities"]]
    predict(str(article), "--out", str(tmp_path / "again.jsonl"))
    assert (tmp_path / "again.jsonl").read_bytes() == out.read_bytes()  # deterministic


def test_conll_input_and_label_studio_output(tmp_path: Path) -> None:
    conll = tmp_path / "input.conll"
    text = (paths.DATASET / "conll" / "ner" / "validation.conll").read_text(encoding="utf-8")
    conll.write_text("-DOCSTART-" + "-DOCSTART-".join(text.split("-DOCSTART-")[1:3]), encoding="utf-8")
    predict(str(conll), "--format", "labelstudio", "--out", str(tmp_path / "tasks.json"))
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == ["input-001", "input-002"]
    for task in tasks:
        result = task["predictions"][0]["result"]
        assert task["predictions"][0]["model_version"] == "lexicon"
        assert all(r["value"]["text"] == task["data"]["text"][r["value"]["start"]:r["value"]["end"]]
                   for r in result if r["type"] == "labels")


def test_bad_input_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.txt"
    bad.write_bytes(b"Judul\xff berita")
    result = runner.invoke(app, ["predict", "--model", "lexicon", str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{bad}: not UTF-8: byte 0xff at byte offset 5" in result.output
