"""The dataset card: every number recomputes from the data files, the licences and sources are declared."""

from __future__ import annotations

import json
import re

import yaml

from indogeoie import paths
from indogeoie.dataset.release import DATASET_VERSION, version_of
from indogeoie.dataset.splits import SPLITS


def card() -> str:
    return (paths.DATASET / "README.md").read_text(encoding="utf-8")


def rows(config: str, split: str) -> list[dict]:
    path = next((paths.DATASET / "data" / config).glob(f"{split}-*.jsonl"), None)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path else []


def table_row(name: str) -> list[str]:
    line = next(row for row in card().splitlines() if row.startswith(f"| {name} |"))
    return [cell.strip() for cell in line.strip("|").split("|")][1:]


def test_the_statistics_table_recomputes_from_the_data() -> None:
    present = [s for s in SPLITS if rows("documents", s)]
    docs = {s: rows("documents", s) for s in present}
    expected = {
        "documents": [len(docs[s]) for s in present],
        "sentences": [len(rows("ner", s)) for s in present],
        "tokens": [sum(len(r["tokens"]) for r in rows("ner", s)) for s in present],
        "entity mentions": [sum(len(d["entities"]) for d in docs[s]) for s in present],
        "events": [sum(len(d["events"]) for d in docs[s]) for s in present],
        "arguments": [sum(len(e["arguments"]) for d in docs[s] for e in d["events"]) for s in present],
    }
    for name, values in expected.items():
        assert table_row(name) == [f"{v:,}" for v in values] + [f"{sum(values):,}"], name


def test_pending_documents_are_named() -> None:
    built = {d["doc_id"] for s in SPLITS for d in rows("documents", s)}
    match = re.search(r"\*\*(\d+) document\(s\) of the corpus are still pending", card())
    pending_in_splits = [row.split("\t")[0] for row in paths.SPLITS.read_text(encoding="utf-8").splitlines()[1:]]
    missing = sorted(set(pending_in_splits) - built)
    if missing:
        assert match and int(match.group(1)) == len(missing)
        assert f"`{missing[0]}`" in card()
    else:
        assert match is None


def test_the_yaml_declares_licences_sources_and_the_version() -> None:
    header = yaml.safe_load(card().split("---\n")[1])
    assert "cc-by-sa-4.0" in header["license"] and "extended|indosum" in header["source_datasets"]
    assert {c["version"] for c in header["configs"]} == {DATASET_VERSION}
    assert DATASET_VERSION == version_of(paths.CHANGELOG_SOURCE.read_text(encoding="utf-8"))
    assert "Kurniawan" in card() and "CC BY-SA 4.0" in card()


def test_the_changelog_is_copied_not_rewritten() -> None:
    assert (paths.DATASET / "CHANGELOG.md").read_bytes() == paths.CHANGELOG_SOURCE.read_bytes()
