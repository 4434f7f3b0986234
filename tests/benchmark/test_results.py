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
from indogeoie.annotation.actors import baseline_normaliser, read_actor_table
from indogeoie.benchmark.data import check_manifest
from indogeoie.schema import NER_TAGS

ROWS = {row["system"]: row for row in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(
    paths.RESULTS.glob("*.json"))) if isinstance(row, dict) and "system" in row}  # one file per leaderboard row


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


def _texts(split: str) -> dict[str, str]:
    return {doc["doc_id"]: doc["text"] for doc in gold_rows("documents", split)}


def _baseline() -> tuple:
    table = read_actor_table(paths.ACTORS)
    train = gold_events("train")
    texts = _texts("train")
    seen = {texts[d][a:b].casefold() for d, events in train.items() for e in events for r, a, b in e[4]
            if r in ("Actor", "Recipient")}
    return table, baseline_normaliser(table, seen)


def record_f1(split: str, predicted: dict[str, list[tuple]]) -> float:
    """(type, actor country, recipient country) sets per document, by hand."""
    table, baseline = _baseline()
    texts = _texts(split)

    def records(events: list[tuple], doc_id: str, normaliser: object) -> set[tuple]:
        found = set()
        for e in events:
            codes = {}
            for role in ("Actor", "Recipient"):
                spans = sorted((a, b) for r, a, b in e[4] if r == role)
                n = normaliser.normalise(doc_id, texts[doc_id][spans[0][0]:spans[0][1]]) if spans else None  # type: ignore[attr-defined]
                codes[role] = n.country if n else None
            if codes["Actor"]:
                found.add((e[0], codes["Actor"], codes["Recipient"]))
        return found

    tp = gold_n = pred_n = 0
    for doc_id, events in gold_events(split).items():
        g, p = records(events, doc_id, table), records(predicted.get(doc_id, []), doc_id, baseline)
        tp, gold_n, pred_n = tp + len(g & p), gold_n + len(g), pred_n + len(p)
    return f1(tp, gold_n, pred_n)


def normalisation_accuracy(split: str) -> float:
    table, baseline = _baseline()
    texts = _texts(split)
    right = total = 0
    for doc_id, events in gold_events(split).items():
        for a, b in {(a, b) for e in events for r, a, b in e[4] if r in ("Actor", "Recipient")}:
            expected = table.normalise(doc_id, texts[doc_id][a:b])
            if expected and expected.country:
                found = baseline.normalise(doc_id, texts[doc_id][a:b])
                total += 1
                right += bool(found and found.country == expected.country)
    return right / total


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
    if (folder / f"{split}.documents.jsonl").exists():
        predicted = predicted_events(folder / f"{split}.documents.jsonl")
        scores = event_scores(gold_events(split), predicted)
        recomputed.update({m: v for m, v in scores.items() if m in reported})
        recomputed["plover_f1"] = record_f1(split, predicted)
    if "actor_norm" in reported:
        recomputed["actor_norm"] = normalisation_accuracy(split)
    assert set(recomputed) == set(reported)
    for metric, value in reported.items():
        assert recomputed[metric] == pytest.approx(value, abs=5e-5), metric


def test_the_leaderboard_shows_the_results() -> None:
    board = (paths.RESULTS / "LEADERBOARD.md").read_text(encoding="utf-8")
    for name, row in ROWS.items():
        line = next(row for row in board.splitlines() if row.startswith(f"| {name} |"))
        for metric in row["reports"]["test"]["metrics"].values():
            assert f"{metric['value']:.3f}" in line
