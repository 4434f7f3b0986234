"""The dataset build: load_dataset offline, determinism, pending documents, the drift check, and bad input."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from datasets import load_dataset
from typer.testing import CliRunner

from indogeoie import paths
from indogeoie.cli import app
from indogeoie.corpus.documents import load_corpus
from indogeoie.dataset import manifest as manifest_module
from indogeoie.dataset.inputs import checkout_build, export_build
from indogeoie.dataset.splits import read_splits
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.conll import conll_to_sentences
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, NER_TAGS, ROLES, TRIGGER_TAGS

TEXT = "Jakarta , CNN - - Iran menguji rudal di Teheran ."
IRAN = Span("e001", "GPE", len("Jakarta , CNN - - "), len("Jakarta , CNN - - Iran"), "Iran")
TEST_TRIGGER = Span("t001", "MOBILIZE", IRAN.end + 1, IRAN.end + 1 + len("menguji"), "menguji")


def tiny(doc_id: str, label: str = "GPE") -> AnnotatedDocument:
    entity = Span("e001", label, IRAN.start, IRAN.end, "Iran")
    event = Event("t001", "MOBILIZE", "asserted", TEST_TRIGGER, (Argument("Actor", "e001"),))
    return AnnotatedDocument(doc_id, TEXT, (entity,), (event,),
                             {"sentences": [[0, len(TEXT)]], "source": "indosum", "doc_id": doc_id})


def data_rows(folder: Path, config: str) -> list[dict]:
    return [json.loads(line) for path in sorted((folder / "data" / config).glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("config", ["ner", "events", "documents"])
def test_load_dataset_offline_with_the_schema_names(config: str, tmp_path: Path) -> None:
    dataset = load_dataset(str(paths.DATASET), config, cache_dir=str(tmp_path))
    assert set(dataset) <= {"train", "validation", "test"} and "train" in dataset
    features = dataset["train"].features
    if config == "ner":
        assert tuple(features["ner_tags"].feature.names) == NER_TAGS
    if config == "events":
        assert tuple(features["trigger_tags"].feature.names) == TRIGGER_TAGS
        event = features["events"].feature
        assert tuple(event["type"].names) == EVENT_TYPES and tuple(event["modality"].names) == MODALITIES
        assert tuple(event["arguments"].feature["role"].names) == ROLES
        assert tuple(event["arguments"].feature["entity_type"].names) == ENTITY_TYPES
    assert sum(len(dataset[s]) for s in dataset) == len(data_rows(paths.DATASET, config))


def test_the_committed_dataset_is_a_fresh_build() -> None:
    assert checkout_build(check=True).changed == ()


def test_pending_documents_stay_out_of_every_split(corpus: dict) -> None:
    gold = {d.doc_id for d in read_export(paths.GOLD_JSON).documents}
    result = checkout_build(check=True)
    assert set(result.pending) == set(corpus) - gold
    built = {row["doc_id"] for row in data_rows(paths.DATASET, "documents")}
    assert built == gold and not built & set(result.pending)
    split_of = read_splits(paths.SPLITS)
    for split, stats in result.stats.items():
        assert stats.documents == sum(1 for d in gold if split_of[d].split == split)


def test_two_builds_give_identical_bytes(tmp_path: Path) -> None:
    for name in ("one", "two"):
        checkout_build(out=tmp_path / name)
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one == two and one


def test_a_changed_label_reaches_load_dataset(tmp_path: Path, write_gold: Callable) -> None:
    out, cache = tmp_path / "dataset", str(tmp_path / "cache")
    export_build(exports=[write_gold([tiny("d1"), tiny("d2")])], out=out)
    before = load_dataset(str(out), "ner", cache_dir=cache)
    rows = [r for split in before for r in before[split]]
    assert {NER_TAGS[t] for r in rows for t in r["ner_tags"]} == {"O", "B-GPE"}
    export_build(exports=[write_gold([tiny("d1", "NORP"), tiny("d2", "NORP")])], out=out)
    after = load_dataset(str(out), "ner", cache_dir=cache)
    assert {NER_TAGS[t] for split in after for r in after[split] for t in r["ner_tags"]} == {"O", "B-NORP"}


def test_an_outside_export_uses_the_sentences_its_tasks_declare(tmp_path: Path, write_gold: Callable) -> None:
    out = tmp_path / "dataset"
    export_build(exports=[write_gold([tiny("d1")])], out=out)
    row = data_rows(out, "ner")[0]
    assert row["tokens"] == TEXT.split(" ")  # the declared sentence, split at its spaces


def test_build_check_cli_detects_drift(tmp_path: Path) -> None:
    runner = CliRunner()
    copy = tmp_path / "dataset"
    shutil.copytree(paths.DATASET, copy)
    assert runner.invoke(app, ["build", "--check", "--out", str(copy)]).exit_code == 0
    path = next((copy / "data" / "ner").glob("train-*.jsonl"))
    path.write_text(path.read_text(encoding="utf-8").replace('"fold":', '"fold":9', 1), encoding="utf-8")
    result = runner.invoke(app, ["build", "--check", "--out", str(copy)])
    assert result.exit_code == 1 and f"out of date: {path}" in result.output


def test_build_writes_nothing_when_validation_fails(tmp_path: Path, write_gold: Callable) -> None:
    out = tmp_path / "dataset"
    bad = AnnotatedDocument("d1", TEXT, (Span("e001", "GPE", 0, len("Jakarta ,"), "Jakarta ,"),), (),
                            {"sentences": [[0, len(TEXT)]]})
    with pytest.raises(IndoGeoIEError, match=r"gold\.json: doc d1: region e001 \[0:9\]: span 'Jakarta ,' ends with "
                                             r"punctuation ','"):
        export_build(exports=[write_gold([bad])], out=out)
    assert not out.exists()


def test_build_refuses_a_folder_it_did_not_make(tmp_path: Path, write_gold: Callable) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(IndoGeoIEError, match=r"mine: 1 file\(s\) here were added or edited by hand since the last "
                                             r"build \(notes\.txt\)"):
        export_build(exports=[write_gold([tiny("d1")])], out=out)
    assert (out / "notes.txt").read_text() == "keep me"


def test_a_hand_edit_is_kept_unless_forced(tmp_path: Path, write_gold: Callable) -> None:
    out = tmp_path / "dataset"
    gold = write_gold([tiny("d1")])
    export_build(exports=[gold], out=out)
    (out / "CHANGELOG.md").write_text("my own notes\n")
    with pytest.raises(IndoGeoIEError, match=r"dataset: 1 file\(s\) here were added or edited by hand since the "
                                             r"last build \(CHANGELOG\.md\)"):
        export_build(exports=[gold], out=out)
    assert (out / "CHANGELOG.md").read_text() == "my own notes\n"
    export_build(exports=[gold], out=out, force=True)
    assert (out / "CHANGELOG.md").read_text() != "my own notes\n"


def test_a_failed_build_leaves_the_previous_dataset_intact(tmp_path: Path, write_gold: Callable,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "dataset"
    export_build(exports=[write_gold([tiny("d1")])], out=out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def disk_full(self: object, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(manifest_module.HashingWriter, "write", disk_full)
    with pytest.raises(OSError, match="No space left"):
        export_build(exports=[write_gold([tiny("d1", "NORP")])], out=out)
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dataset.") and p.name != ".dataset.lock"] == []


def test_a_build_killed_between_its_renames_is_recovered(tmp_path: Path, write_gold: Callable) -> None:
    out = tmp_path / "dataset"
    gold = write_gold([tiny("d1")])
    export_build(exports=[gold], out=out)
    out.rename(tmp_path / ".dataset.old")  # what a kill between the two renames of the swap leaves
    (tmp_path / ".dataset.x1.tmp").mkdir()  # and a partial temporary folder of another killed build
    result = export_build(exports=[gold], out=out)
    assert out.is_dir() and result.changed == ()
    assert not (tmp_path / ".dataset.old").exists() and not (tmp_path / ".dataset.x1.tmp").exists()


def test_the_build_does_not_import_torch_transformers_matplotlib_or_datasets(tmp_path: Path) -> None:
    # datasets: the card's features entries are read from the committed file, not computed.
    import subprocess
    import sys

    code = ("import sys; from indogeoie.dataset.inputs import checkout_build; "
            f"checkout_build(out=__import__('pathlib').Path({str(tmp_path / 'd')!r})); "
            "print(sorted(m for m in ('torch', 'transformers', 'matplotlib', 'datasets') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_conll_files_keep_documents_and_tags() -> None:
    for config, column, names in (("ner", "ner_tags", NER_TAGS), ("events", "trigger_tags", TRIGGER_TAGS)):
        for path in sorted((paths.DATASET / "conll" / config).glob("*.conll")):
            rows = [json.loads(line) for line in next((paths.DATASET / "data" / config).glob(f"{path.stem}-*.jsonl"))
                    .read_text(encoding="utf-8").splitlines()]
            text = path.read_text(encoding="utf-8")
            assert text.count("-DOCSTART-") == len({r["doc_id"] for r in rows})
            assert conll_to_sentences(text) == [(r["tokens"], [names[t] for t in r[column]]) for r in rows]


def test_export_conll_cli(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "conll", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for path in (paths.DATASET / "conll" / "ner").glob("*.conll"):
        assert (tmp_path / "ner" / path.name).read_bytes() == path.read_bytes()


def test_the_corpus_read_by_the_build_is_the_checked_one() -> None:
    corpus = load_corpus(paths.ANNOTATIONS)
    for row in data_rows(paths.DATASET, "documents"):
        assert corpus[row["doc_id"]].text == row["text"]
        assert row["metadata"]["source"] == corpus[row["doc_id"]].meta.source
