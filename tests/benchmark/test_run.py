"""The benchmark's outputs: recomputable with plain seqeval, reproducible, and honest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from seqeval.metrics import classification_report, f1_score
from seqeval.scheme import IOB2
from typer.testing import CliRunner

from indogeoie import paths
from indogeoie.benchmark.run import run_benchmark
from indogeoie.cli import app
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS
from indogeoie.benchmark.submissions import score_file


def gold_rows(config: str) -> dict[str, dict[str, Any]]:
    rows = {}
    for path in sorted((paths.DATASET / "data" / config).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            rows[row["id"]] = row
    return rows


NER = gold_rows("ner")
EVENTS = gold_rows("events")
TAGGERS = sorted(p.stem for p in paths.RESULTS.glob("*.json")
                 if p.stem != "rules" and "model" in json.loads(p.read_text(encoding="utf-8")))


def test_the_benchmark_ran_the_baselines() -> None:
    assert {"gazetteer", "crf"} <= set(TAGGERS)
    assert (paths.RESULTS / "rules.json").exists()
    assert "transformer" in (paths.RESULTS / "LEADERBOARD.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("model", TAGGERS)
@pytest.mark.parametrize("where", ["validation", "test", "lodo"])
def test_every_seqeval_figure_is_recomputed_with_plain_seqeval(model: str, where: str) -> None:
    results = json.loads((paths.RESULTS / f"{model}.json").read_text(encoding="utf-8"))
    protocols = results["protocols"]
    report = protocols["lodo"]["pooled"] if where == "lodo" else protocols["fixed"][where]
    predictions = [json.loads(line) for line in
                   (paths.RESULTS / "predictions" / model / f"{where}.jsonl").read_text(encoding="utf-8").splitlines()]
    for task, column, names, gold in (("entities", "ner_tags", NER_TAGS, NER),
                                      ("triggers", "trigger_tags", TRIGGER_TAGS, EVENTS)):
        y_true = [[names[t] for t in gold[p["id"]][column]] for p in predictions]
        y_pred = [p[column] for p in predictions]
        scores = report[task]["classification"]
        assert scores["strict"]["micro"]["f1"] == pytest.approx(f1_score(y_true, y_pred, mode="strict", scheme=IOB2))
        assert scores["default"]["micro"]["f1"] == pytest.approx(f1_score(y_true, y_pred))
        assert scores["strict"]["macro_f1"] == pytest.approx(
            f1_score(y_true, y_pred, mode="strict", scheme=IOB2, average="macro"))
        assert scores["default"]["macro_f1"] == pytest.approx(f1_score(y_true, y_pred, average="macro"))
        # Identification: the spans of seqeval's own chunks, types ignored.
        strict_true, strict_pred = _spans_strict(y_true), _spans_strict(y_pred)
        identification = report[task]["identification"]["strict"]["micro"]
        assert (identification["tp"], identification["gold"], identification["predicted"]) == (
            len(strict_true & strict_pred), len(strict_true), len(strict_pred))
        per_type = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True,
                                         zero_division=0)
        for name, values in scores["strict"]["per_type"].items():
            assert values["f1"] == pytest.approx(per_type[name]["f1-score"])
            assert values["precision"] == pytest.approx(per_type[name]["precision"])
            assert values["gold"] == per_type[name]["support"]


def _spans_strict(sequences: list[list[str]]) -> set[tuple[int, int, int]]:
    from seqeval.scheme import Entities

    return {(e.sent_id, e.start, e.end) for sentence in Entities(sequences, IOB2).entities for e in sentence}


def test_reruns_give_identical_numbers(tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        run_benchmark(dataset_dir=paths.DATASET, results_dir=tmp_path / name, cache_dir=tmp_path / "cache",
                      models=["crf"])
        result = json.loads((tmp_path / name / "crf.json").read_text(encoding="utf-8"))
        result.pop("wall_time_seconds")
        predictions = {p.name: p.read_bytes() for p in (tmp_path / name / "predictions" / "crf").iterdir()}
        outputs.append((result, predictions))
    assert outputs[0] == outputs[1]
    committed = json.loads((paths.RESULTS / "crf.json").read_text(encoding="utf-8"))
    committed.pop("wall_time_seconds")
    assert committed["protocols"] == outputs[0][0]["protocols"]


def _write_gold_predictions(tmp_path: Path, config: str, split: str) -> Path:
    column = "ner_tags" if config == "ner" else "trigger_tags"
    names = NER_TAGS if config == "ner" else TRIGGER_TAGS
    path = next((paths.DATASET / "data" / config).glob(f"{split}-*.jsonl"))
    out = tmp_path / f"{config}.jsonl"
    out.write_text("".join(json.dumps({"id": r["id"], "tags": [names[t] for t in r[column]]}) + "\n"
                           for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())))
    return out


@pytest.mark.parametrize("config", ["ner", "events"])
def test_gold_scores_one_everywhere(tmp_path: Path, config: str) -> None:
    report = score_file(predictions=_write_gold_predictions(tmp_path, config, "test"), config=config,
                        split="test", dataset_dir=paths.DATASET, cache_dir=tmp_path / "cache")
    for layer in ("classification", "identification"):
        for mode in ("strict", "default"):
            assert report[layer][mode]["micro"]["f1"] == 1.0
            assert report[layer][mode]["macro_f1"] == 1.0
            assert all(v["f1"] == 1.0 for v in report[layer][mode]["per_type"].values())
    assert report["invalid_iob2_sequences"] == 0


def test_gold_events_at_document_level_score_one(tmp_path: Path) -> None:
    path = next((paths.DATASET / "data" / "documents").glob("test-*.jsonl"))
    rows = []
    for doc in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        spans = {e["id"]: e["offsets"][0] for e in doc["entities"]}
        rows.append({"doc_id": doc["doc_id"], "events": [
            {"type": e["type"], "trigger": dict(zip(("start", "end"), e["trigger"]["offsets"][0])),
             "arguments": [{"role": a["role"], "start": spans[a["ref_id"]][0], "end": spans[a["ref_id"]][1]}
                           for a in e["arguments"]]} for e in doc["events"]]})
    predictions = tmp_path / "docs.jsonl"
    predictions.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = score_file(predictions=predictions, config="events", split="test", dataset_dir=paths.DATASET,
                        cache_dir=tmp_path / "cache")
    assert report["triggers"]["classification"]["f1"] == 1.0
    assert report["arguments"]["classification"]["f1"] == 1.0
    assert report["arguments"]["identification"]["f1"] == 1.0


def _score(tmp_path: Path, lines: list[object], *extra: str) -> tuple[int, str]:
    path = tmp_path / "pred.jsonl"
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    result = CliRunner().invoke(app, ["score", "--predictions", str(path), "--config", "ner", *extra])
    return result.exit_code, result.output


def test_score_cli_reports_bad_predictions_by_id_and_position(tmp_path: Path) -> None:
    test_ids = [r["id"] for r in NER.values() if r["doc_id"].startswith("004")]
    good = {i: [NER_TAGS[t] for t in NER[i]["ner_tags"]] for i in test_ids}
    first, second = test_ids[0], test_ids[1]
    lines: list[object] = [{"id": i, "tags": good[i]} for i in test_ids[2:]]
    lines += [{"id": first, "tags": good[first][:-1]},  # wrong length
              {"id": second, "tags": ["B-PERSON"] + good[second][1:]},  # unknown tag at position 0
              {"id": test_ids[2], "tags": good[test_ids[2]]},  # duplicate
              {"id": "nope-000", "tags": ["O"]},  # unknown id
              "{not json"]
    code, output = _score(tmp_path, lines)
    assert code == 1
    assert f"example '{first}': {len(good[first]) - 1} tags for {len(good[first])} tokens" in output
    assert f"example '{second}': token 0: unknown tag 'B-PERSON'" in output
    assert f"example '{test_ids[2]}': duplicate id" in output
    assert "example 'nope-000': unknown id" in output
    assert "invalid JSON" in output and "Traceback" not in output


def test_score_cli_reports_missing_ids(tmp_path: Path) -> None:
    test_ids = [r["id"] for r in NER.values() if r["doc_id"].startswith("004")]
    code, output = _score(tmp_path, [{"id": i, "tags": [NER_TAGS[t] for t in NER[i]["ner_tags"]]}
                                     for i in test_ids[1:]])
    assert code == 1 and f"1 example(s) of the split have no prediction: {test_ids[0]}" in output


def test_score_cli_counts_invalid_iob2_and_prints_json(tmp_path: Path) -> None:
    test_ids = [r["id"] for r in NER.values() if r["doc_id"].startswith("004")]
    lines = []
    for i in test_ids:
        tags = [NER_TAGS[t] for t in NER[i]["ner_tags"]]
        lines.append({"id": i, "tags": [t.replace("B-", "I-") for t in tags]})  # every chunk invalid
    code, output = _score(tmp_path, lines, "--json")
    assert code == 0, output
    report = json.loads(output)
    assert report["invalid_iob2_sequences"] > 0
    assert report["classification"]["strict"]["micro"]["f1"] < report["classification"]["default"]["micro"]["f1"]


def test_readme_shows_the_current_leaderboard() -> None:
    from indogeoie.benchmark.leaderboard import readme_with_leaderboard

    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    leaderboard = (paths.RESULTS / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert readme_with_leaderboard(readme, leaderboard) == readme


def test_interrupted_results_keep_the_previous_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from indogeoie import io

    results = tmp_path / "results"
    shutil.copytree(paths.RESULTS, results)
    before = {p: p.read_bytes() for p in results.rglob("*") if p.is_file()}
    calls = {"n": 0}
    original = io.os.fsync

    def crash_on_third(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        original(fd)

    monkeypatch.setattr(io.os, "fsync", crash_on_third)
    with pytest.raises(OSError, match="disk full"):
        run_benchmark(dataset_dir=paths.DATASET, results_dir=results, cache_dir=tmp_path / "cache",
                      models=["gazetteer"])
    after = {p: p.read_bytes() for p in results.rglob("*") if p.is_file()}
    # Every file is either its previous version or a complete new one; none is half-written.
    for path, data in after.items():
        if path in before and data != before[path]:
            json.loads(data) if path.suffix == ".json" else None
    assert set(after) == set(before)
    assert not [p for p in results.rglob("*.tmp")]
