"""The committed results: made from this dataset, and every figure recomputes from the saved predictions.

The recomputation uses plain seqeval for entities and the few lines below for
events, written independently of the package's metric code.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from seqeval.metrics import f1_score
from seqeval.scheme import IOB2

from indogeoie import paths
from indogeoie.benchmark.data import check_manifest
from indogeoie.schema import NER_TAGS

RESULTS = sorted(p for p in paths.RESULTS.glob("*.json") if p.name not in ("bench.json",))
ROWS = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in RESULTS}


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def gold_rows(config: str, split: str) -> list[dict]:
    return [row for path in sorted((paths.DATASET / "data" / config).glob(f"{split}-*.jsonl")) for row in jsonl(path)]


def gold_events(split: str) -> dict[str, list[tuple]]:
    events: dict[str, list[tuple]] = {}
    for doc in gold_rows("documents", split):
        spans = {e["id"]: tuple(e["offsets"][0]) for e in doc["entities"]}
        events[doc["doc_id"]] = [(e["type"], *e["trigger"]["offsets"][0], e["modality"],
                                  [(a["role"], *spans[a["ref_id"]]) for a in e["arguments"]]) for e in doc["events"]]
    return events


def f1(tp: int, gold: int, predicted: int) -> float:
    return 2 * tp / (gold + predicted) if gold + predicted else 1.0


def event_scores(gold: dict[str, list[tuple]], predicted: dict[str, list[tuple]]) -> dict[str, float]:
    """Trig-I/C, Arg-I/C/C+ (micro F1 over per-document sets) and modality accuracy, by hand."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    same = matched = 0
    for doc_id in gold:
        g, p = gold[doc_id], predicted.get(doc_id, [])
        items = {
            "trig_i": lambda evs: {(e[1], e[2]) for e in evs},
            "trig_c": lambda evs: {(e[1], e[2], e[0]) for e in evs},
            "arg_i": lambda evs: {(e[0], a[1], a[2]) for e in evs for a in e[4]},
            "arg_c": lambda evs: {(e[0], a[0], a[1], a[2]) for e in evs for a in e[4]},
            "arg_c_plus": lambda evs: {(e[1], e[2], e[0], a[0], a[1], a[2]) for e in evs for a in e[4]},
        }
        for name, make in items.items():
            gi, pi = make(g), make(p)
            sums[name][0] += len(gi & pi)
            sums[name][1] += len(gi)
            sums[name][2] += len(pi)
        modality = {(e[1], e[2]): e[3] for e in g}
        for e in p:
            if (e[1], e[2]) in modality:
                matched += 1
                same += e[3] == modality[(e[1], e[2])]
    scores = {name: f1(*counts) for name, counts in sums.items()}
    scores["modality"] = same / matched if matched else 0.0
    return scores


def predicted_events(path: Path) -> dict[str, list[tuple]]:
    return {row["doc_id"]: [(e["type"], e["trigger"]["start"], e["trigger"]["end"], e["modality"],
                             [(a["role"], a["start"], a["end"]) for a in e["arguments"]]) for e in row["events"]]
            for row in jsonl(path)}


def test_there_are_results_and_they_are_for_this_dataset() -> None:
    assert {"crf", "lexicon", "gold-mentions"} <= set(ROWS)
    fingerprint = check_manifest(paths.DATASET)
    stale = [name for name, row in ROWS.items() if row["provenance"]["dataset_manifest_sha256"] != fingerprint]
    assert not stale, f"results made from another dataset build: {stale}; run `make update`"


@pytest.mark.parametrize("system", sorted(ROWS))
@pytest.mark.parametrize("split", ["validation", "test"])
def test_every_figure_recomputes_from_the_saved_predictions(system: str, split: str) -> None:
    reported = {m: v["value"] for m, v in ROWS[system]["reports"][split]["metrics"].items()}
    folder = paths.RESULTS / "predictions" / system
    recomputed = {}
    if (folder / f"{split}.tags.jsonl").exists():
        tags = {row["id"]: row["ner_tags"] for row in jsonl(folder / f"{split}.tags.jsonl")}
        gold = gold_rows("ner", split)
        y_true = [[NER_TAGS[t] for t in row["ner_tags"]] for row in gold]
        y_pred = [tags[row["id"]] for row in gold]
        recomputed["ent_strict"] = f1_score(y_true, y_pred, mode="strict", scheme=IOB2)
        recomputed["ent_default"] = f1_score(y_true, y_pred)
    scores = event_scores(gold_events(split), predicted_events(folder / f"{split}.documents.jsonl"))
    recomputed.update({m: v for m, v in scores.items() if m in reported})
    assert set(recomputed) == set(reported)
    for metric, value in reported.items():
        assert recomputed[metric] == pytest.approx(value, abs=5e-5), metric


def test_the_leaderboard_shows_the_results() -> None:
    board = (paths.RESULTS / "LEADERBOARD.md").read_text(encoding="utf-8")
    for name, row in ROWS.items():
        line = next(l for l in board.splitlines() if l.startswith(f"| {name} |"))
        for metric in row["reports"]["test"]["metrics"].values():
            assert f"{metric['value']:.3f}" in line
