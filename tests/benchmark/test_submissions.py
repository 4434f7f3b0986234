"""``indogeoie score``: every format, the paired comparison, the hints, and broken inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indogeoie import paths
from indogeoie.benchmark.submissions import score_file
from indogeoie.cli import app
from indogeoie.errors import IndoGeoIEError
from tests.benchmark.test_results import gold_rows

runner = CliRunner()
CACHE = paths.ROOT / ".cache"


def score(path: Path, config: str = "ner", **kwargs: object) -> dict:
    return score_file(predictions=path, config=config, split="test", dataset_dir=kwargs.pop("dataset", paths.DATASET),
                      cache_dir=CACHE, **kwargs)  # type: ignore[arg-type]


def write(tmp_path: Path, rows: list[dict], name: str = "p.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def gold_documents() -> list[dict]:
    rows = []
    for doc in gold_rows("documents", "test"):
        spans = {e["id"]: e["offsets"][0] for e in doc["entities"]}
        rows.append({"doc_id": doc["doc_id"],
                     "entities": [{"type": e["type"], "start": e["offsets"][0][0], "end": e["offsets"][0][1]}
                                  for e in doc["entities"]],
                     "events": [{"type": e["type"], "modality": e["modality"],
                                 "trigger": dict(zip(("start", "end"), e["trigger"]["offsets"][0], strict=True)),
                                 "arguments": [{"role": a["role"], "start": spans[a["ref_id"]][0],
                                                "end": spans[a["ref_id"]][1]} for a in e["arguments"]]}
                                for e in doc["events"]]})
    return rows


def test_the_exported_conll_file_scores_one() -> None:
    report = score(paths.DATASET / "conll" / "ner" / "test.conll")
    assert report["metrics"]["ent_strict"]["value"] == 1.0 and report["metrics"]["ent_strict"]["ci95"] == [1.0, 1.0]
    triggers = score(paths.DATASET / "conll" / "events" / "test.conll", config="events")
    assert triggers["metrics"]["trig_c"]["value"] == 1.0 and "arg_c" not in triggers["metrics"]


def test_integer_ids_and_names_give_the_same_scores(tmp_path: Path) -> None:
    rows = gold_rows("ner", "test")
    shifted = [{"id": r["id"], "tags": [0] + r["ner_tags"][1:]} for r in rows]  # one token wrong per sentence
    by_id = score(write(tmp_path, shifted))
    from indogeoie.schema import NER_TAGS

    named = score(write(tmp_path, [{"id": r["id"], "tags": [NER_TAGS[t] for t in r["tags"]]} for r in shifted],
                        "named.jsonl"))
    assert by_id["metrics"] == named["metrics"] and by_id["metrics"]["ent_strict"]["value"] < 1.0


def test_document_rows_score_every_metric_and_a_row_may_keep_an_id(tmp_path: Path) -> None:
    rows = [{"id": i, **row} for i, row in enumerate(gold_documents())]
    report = score(write(tmp_path, rows))
    assert {m: v["value"] for m, v in report["metrics"].items()} == {
        "ent_strict": 1.0, "ent_default": 1.0, "trig_i": 1.0, "trig_c": 1.0, "arg_i": 1.0, "arg_c": 1.0,
        "arg_c_plus": 1.0, "modality": 1.0}


def test_compare_gives_a_paired_interval(tmp_path: Path) -> None:
    gold = write(tmp_path, gold_documents(), "gold.jsonl")
    crf = paths.RESULTS / "predictions" / "crf" / "test.documents.jsonl"
    report = score(crf, compare=gold)
    paired = report["compared_with"]["metrics"]["arg_c"]
    assert paired["difference"] < 0 and paired["high"] < 0 and paired["significant"]
    result = runner.invoke(app, ["score", "--predictions", str(crf), "--compare", str(gold)])
    assert result.exit_code == 0 and "paired, same replicates" in result.output


def test_off_by_one_offsets_get_a_hint(tmp_path: Path) -> None:
    rows = gold_documents()
    for row in rows:
        for entity in row["entities"]:
            if entity["end"] - entity["start"] > 1:
                entity["end"] -= 1  # an inclusive end
    with pytest.raises(IndoGeoIEError, match=r"do not end on a token; \d+ would, one character further or nearer"):
        score(write(tmp_path, rows))


def test_conll_without_docstart_lines_gets_a_hint(tmp_path: Path) -> None:
    text = (paths.DATASET / "conll" / "ner" / "test.conll").read_text(encoding="utf-8")
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("-DOCSTART-")))
    with pytest.raises(IndoGeoIEError, match="looks like a CoNLL line"):
        score(path)


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r.update(ner_tags=r["tags"]), r"expected exactly one of \['tags', 'ner_tags'\]"),
    (lambda r: r.update(tags=[99] + r["tags"][1:]), r"token 0: tag id 99 is not one of 0\.\.\d+"),
])
def test_bad_sentence_rows_are_located(tmp_path: Path, change: object, message: str) -> None:
    rows = [{"id": r["id"], "tags": r["ner_tags"]} for r in gold_rows("ner", "test")]
    change(rows[0])  # type: ignore[operator]
    with pytest.raises(IndoGeoIEError, match=rf"p\.jsonl: line 1: example '{rows[0]['id']}': {message}"):
        score(write(tmp_path, rows))


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r["events"][0].update(arguments=5), r"event 0: 'arguments' must be a list, not int"),
    (lambda r: r["events"][0].update(arguments=True), r"event 0: 'arguments' must be a list, not bool"),
    (lambda r: r["events"].append(dict(r["events"][0])), r"event \d+: duplicate of an earlier event"),
    (lambda r: r["events"][0].update(modality="maybe"), r"event 0: unknown modality 'maybe'"),
])
def test_bad_document_rows_are_located(tmp_path: Path, change: object, message: str) -> None:
    rows = gold_documents()
    row = next(r for r in rows if r["events"])
    change(row)  # type: ignore[operator]
    with pytest.raises(IndoGeoIEError, match=rf"line \d+: doc '{row['doc_id']}': {message}"):
        score(write(tmp_path, rows))


@pytest.mark.parametrize("damage", ["truncate", "tag", "readme", "yaml"])
def test_a_damaged_dataset_is_refused_not_scored(tmp_path: Path, damage: str) -> None:
    dataset = tmp_path / "dataset"
    shutil.copytree(paths.DATASET, dataset)
    data = sorted((dataset / "data" / "ner").glob("test-*.jsonl"))[0]
    if damage == "truncate":
        data.write_bytes(data.read_bytes()[:1000])
    elif damage == "tag":
        data.write_text(data.read_text().replace('"ner_tags":[0', '"ner_tags":[99', 1))
    elif damage == "readme":
        (dataset / "README.md").unlink()
    else:
        (dataset / "README.md").write_text("---\n: [ unbalanced\n---\n")
    result = runner.invoke(app, ["score", "--predictions", str(paths.DATASET / "conll" / "ner" / "test.conll"),
                                 "--dataset", str(dataset)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "MANIFEST.sha256" in result.output and str(dataset) in result.output
