"""The dataset build: load_dataset offline, determinism, the drift check, and bad input."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from datasets import load_dataset
from typer.testing import CliRunner

from indogeoie import paths
from indogeoie.text.alignment import iob2_to_spans
from indogeoie.dataset.build import build
from indogeoie.cli import app
from indogeoie.formats.conll import conll_to_sentences
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.hf import temporal_split
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, NER_TAGS, ROLES, TRIGGER_TAGS
from indogeoie.text.tokens import Token


def read_rows(config: str) -> list[dict[str, Any]]:
    rows = []
    for path in sorted((paths.DATASET / "data" / config).glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return rows


@pytest.mark.parametrize("config", ["ner", "events", "documents"])
def test_load_dataset_offline_with_the_schema_names(config: str, tmp_path: Path) -> None:
    dataset = load_dataset(str(paths.DATASET), config, cache_dir=str(tmp_path))
    assert set(dataset) == {"train", "validation", "test"}
    features = dataset["train"].features
    if config == "ner":
        assert tuple(features["ner_tags"].feature.names) == NER_TAGS
    if config == "events":
        assert tuple(features["trigger_tags"].feature.names) == TRIGGER_TAGS
        event = features["events"].feature
        assert tuple(event["type"].names) == EVENT_TYPES
        assert tuple(event["modality"].names) == MODALITIES
        assert tuple(event["arguments"].feature["role"].names) == ROLES
        assert tuple(event["arguments"].feature["entity_type"].names) == ENTITY_TYPES
    total = sum(len(dataset[s]) for s in dataset)
    assert total == len(read_rows(config))


def test_the_committed_dataset_is_a_fresh_build() -> None:
    _, changed = build(exports=[paths.GOLD], out=paths.DATASET, articles_dir=paths.ARTICLES,
                       agreement_dir=paths.AGREEMENT, check=True)
    assert changed == []


def test_two_builds_give_identical_bytes(tmp_path: Path) -> None:
    for name in ("one", "two"):
        build(exports=[paths.GOLD], out=tmp_path / name, articles_dir=paths.ARTICLES,
              agreement_dir=paths.AGREEMENT)
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one == two and len(one) == 18


def test_a_changed_label_reaches_load_dataset(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    shutil.copy(paths.GOLD / "gold.json", gold)
    out, cache = tmp_path / "dataset", str(tmp_path / "cache")
    build(exports=[gold], out=out, articles_dir=paths.ARTICLES, agreement_dir=None)
    before = load_dataset(str(out), "ner", cache_dir=cache)["train"][0]
    names = NER_TAGS
    assert [names[t] for t in before["ner_tags"]][6] == "B-GPE"  # "Iran" in the first sentence

    tasks = json.loads(gold.read_text(encoding="utf-8"))
    first = next(r for r in tasks[0]["annotations"][0]["result"] if r.get("value", {}).get("text") == "Iran")
    first["value"]["labels"] = ["NORP"]
    gold.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    build(exports=[gold], out=out, articles_dir=paths.ARTICLES, agreement_dir=None)

    after = load_dataset(str(out), "ner", cache_dir=cache)["train"][0]
    assert [names[t] for t in after["ner_tags"]][6] == "B-NORP"


def test_build_check_cli_detects_drift(tmp_path: Path) -> None:
    runner = CliRunner()
    copy = tmp_path / "dataset"
    shutil.copytree(paths.DATASET, copy)
    assert runner.invoke(app, ["build", "--check", "--out", str(copy)]).exit_code == 0
    path = next((copy / "data" / "ner").glob("test-*.jsonl"))
    path.write_text(path.read_text(encoding="utf-8").replace('"fold":4', '"fold":3', 1), encoding="utf-8")
    result = runner.invoke(app, ["build", "--check", "--out", str(copy)])
    assert result.exit_code == 1
    assert f"out of date: {path}" in result.output


def test_build_writes_nothing_when_validation_fails(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    tasks = json.loads((paths.GOLD / "gold.json").read_text(encoding="utf-8"))
    tasks[1]["annotations"][0]["result"][0]["value"]["labels"] = ["PERSON"]
    gold.write_text(json.dumps(tasks), encoding="utf-8")
    out = tmp_path / "dataset"
    with pytest.raises(IndoGeoIEError, match=r"gold\.json: doc 001_1e9fd6f585225507: region e001 .*unknown "
                                               r"entity label 'PERSON'"):
        build(exports=[gold], out=out, articles_dir=paths.ARTICLES, agreement_dir=None)
    assert not out.exists()


def test_build_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(IndoGeoIEError, match=r"mine: refusing to overwrite a non-empty folder"):
        build(exports=[paths.GOLD], out=out, articles_dir=paths.ARTICLES, agreement_dir=None)
    assert (out / "notes.txt").read_text() == "keep me"


def test_a_failed_build_leaves_the_previous_dataset_intact(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(paths.DATASET, out)
    gold = tmp_path / "gold.json"
    tasks = json.loads((paths.GOLD / "gold.json").read_text(encoding="utf-8"))
    tasks[0]["annotations"][0]["result"][0]["value"]["labels"] = ["ORG"]  # a real change, so a write happens
    gold.write_text(json.dumps(tasks), encoding="utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    from indogeoie.dataset import build as build_module

    original = build_module._HashingWriter.write
    calls = {"n": 0}

    def fail_half_way(self: Any, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 9:  # in the middle of the data files
            raise OSError("disk full")
        original(self, data)

    monkeypatch.setattr(build_module._HashingWriter, "write", fail_half_way)
    with pytest.raises(OSError, match="disk full"):
        build(exports=[gold], out=out, articles_dir=paths.ARTICLES, agreement_dir=None)
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _tokens(row: dict[str, Any]) -> list[Token]:
    return [Token(t, s, e) for t, s, e in zip(row["tokens"], row["token_starts"], row["token_ends"], strict=True)]


def test_the_whole_dataset_is_consistent() -> None:
    documents = {d["doc_id"]: d for d in read_rows("documents")}
    ner_rows, event_rows = read_rows("ner"), read_rows("events")
    # documents: spans match the text, ids are unique, every ref_id resolves.
    for doc in documents.values():
        text = doc["text"]
        ids = [e["id"] for e in doc["entities"]] + [e["id"] for e in doc["events"]]
        assert len(ids) == len(set(ids))
        entity_ids = {e["id"] for e in doc["entities"]}
        for entity in doc["entities"]:
            (start, end), = entity["offsets"]
            assert text[start:end] == entity["text"][0]
        for event in doc["events"]:
            (start, end), = event["trigger"]["offsets"]
            assert text[start:end] == event["trigger"]["text"][0]
            assert all(a["ref_id"] in entity_ids for a in event["arguments"])
    # ner and events: tokens reproduce the text and the tags give back exactly the documents' spans.
    from_tags: dict[str, Counter[tuple[int, int, str]]] = {d: Counter() for d in documents}
    triggers_from_tags: dict[str, Counter[tuple[int, int, str]]] = {d: Counter() for d in documents}
    for row, event_row in zip(ner_rows, event_rows, strict=True):
        assert row["id"] == event_row["id"] and row["tokens"] == event_row["tokens"]
        text = documents[row["doc_id"]]["text"]
        tokens = _tokens(row)
        assert all(text[t.start:t.end] == t.text for t in tokens)
        assert text[row["start"]:row["end"]].startswith(row["tokens"][0])
        from_tags[row["doc_id"]].update(iob2_to_spans(tokens, [NER_TAGS[t] for t in row["ner_tags"]]))
        triggers_from_tags[row["doc_id"]].update(
            iob2_to_spans(tokens, [TRIGGER_TAGS[t] for t in event_row["trigger_tags"]]))
        for event in event_row["events"]:
            trigger = event["trigger"]
            assert tokens[trigger["token_start"]].start == trigger["start"]
            assert tokens[trigger["token_end"] - 1].end == trigger["end"]
            for argument in event["arguments"]:
                assert text[argument["start"]:argument["end"]] == argument["text"]
                if argument["in_sentence"]:
                    assert tokens[argument["token_start"]].start == argument["start"]
                else:
                    assert argument["token_start"] == -1
    for doc_id, doc in documents.items():
        expected = Counter((e["offsets"][0][0], e["offsets"][0][1], e["type"]) for e in doc["entities"])
        assert from_tags[doc_id] == expected, doc_id
        expected_triggers = Counter((e["trigger"]["offsets"][0][0], e["trigger"]["offsets"][0][1], e["type"])
                                    for e in doc["events"])
        assert triggers_from_tags[doc_id] == expected_triggers, doc_id
    event_count = sum(len(r["events"]) for r in event_rows)
    assert event_count == sum(len(d["events"]) for d in documents.values())


def test_temporal_split_and_folds() -> None:
    docs = {d["doc_id"]: d for d in read_rows("documents")}
    split_files = {s: {json.loads(l)["doc_id"] for l in next((paths.DATASET / "data" / "documents").glob(f"{s}-*.jsonl"))
                       .read_text(encoding="utf-8").splitlines()} for s in ("train", "validation", "test")}
    assert split_files == {"train": {"000_4285796cfa4b3b39", "001_1e9fd6f585225507", "002_a9b487edf7c1dd88"},
                           "validation": {"003_956eb75497441bb7"}, "test": {"004_8ad9ae01f34e4272"}}
    assert sorted(d["fold"] for d in docs.values()) == [0, 1, 2, 3, 4]
    plan = temporal_split({"b": None, "a": None})
    assert plan.split_of == {"a": "train", "b": "test"}


def test_a_month_sorts_after_the_days_inside_it() -> None:
    from indogeoie.formats.articles import ArticleMeta

    metas = {d: ArticleMeta(d, "0" * 64, published=p) for d, p in
             [("x", "2021-07"), ("y", "2021-07-14T07:31+07:00"), ("z", "2020-01"), ("w", "2024-01-25")]}
    assert temporal_split(metas).order == ("z", "y", "x", "w")


def test_conll_export_keeps_documents_and_tags() -> None:
    for config, column, names in (("ner", "ner_tags", NER_TAGS), ("events", "trigger_tags", TRIGGER_TAGS)):
        for split in ("train", "validation", "test"):
            text = (paths.DATASET / "conll" / config / f"{split}.conll").read_text(encoding="utf-8")
            rows = [json.loads(l) for l in next((paths.DATASET / "data" / config).glob(f"{split}-*.jsonl"))
                    .read_text(encoding="utf-8").splitlines()]
            assert text.count("-DOCSTART-") == len({r["doc_id"] for r in rows})
            assert conll_to_sentences(text) == [(r["tokens"], [names[t] for t in r[column]]) for r in rows]


def test_export_conll_cli(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "conll", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ner" / "test.conll").read_bytes() == (paths.DATASET / "conll/ner/test.conll").read_bytes()


def test_datasheet_numbers_match_the_data() -> None:
    documents = read_rows("documents")
    ner = read_rows("ner")
    text = " ".join((paths.ROOT / "DATASHEET.md").read_text(encoding="utf-8").split())
    n_tokens = sum(len(r["tokens"]) for r in ner)
    n_entities = sum(len(d["entities"]) for d in documents)
    n_events = sum(len(d["events"]) for d in documents)
    n_arguments = sum(len(e["arguments"]) for d in documents for e in d["events"])
    assert f"{n_tokens:,} tokens in {len(ner)} sentences" in text
    assert f"{n_entities} entity mentions of 10 types, {n_events} events of 16 PLOVER 2.0" in text
    assert f"{n_arguments} arguments in 5 roles" in text
    gpe = sum(1 for d in documents for e in d["entities"] if e["type"] == "GPE")
    assert f"({gpe} of {n_entities})" in text
    readme = " ".join((paths.ROOT / "README.md").read_text(encoding="utf-8").split())
    assert (f"({n_entities} entity mentions, {n_events} events, {n_arguments} arguments over "
            f"{n_tokens:,} tokens") in readme


def test_an_interrupted_conll_export_keeps_the_previous_files(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from indogeoie import io

    CliRunner().invoke(app, ["export", "conll", "--out", str(tmp_path)])
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def crash(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(io.os, "fsync", crash)
    result = CliRunner().invoke(app, ["export", "conll", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "disk full" in result.output
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
