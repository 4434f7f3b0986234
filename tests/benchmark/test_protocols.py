"""Tests for indogeoie.benchmark.protocols: a leaderboard row from a tagger, and the gold-mentions row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from indogeoie_baselines.arguments import DocumentMentions
from indogeoie_baselines.lexicon import LexiconTagger

from indogeoie.benchmark.data import BenchmarkData
from indogeoie.benchmark.metrics import Event
from indogeoie.benchmark.protocols import GOLD_MENTIONS, SEEDS, run_gold_mentions, run_tagger


class NearestEntities:
    """An argument model by rule: the nearest entity before a trigger is its Actor, the nearest after its Recipient.

    On the tiny benchmark's gold mentions this gives exactly the gold events.
    """

    def settings(self) -> dict[str, Any]:
        return {"rule": "nearest entities"}

    def predict(self, docs: list[DocumentMentions]) -> dict[str, tuple[Event, ...]]:
        found = {}
        for doc in docs:
            events = []
            for start, end, kind in doc.triggers:
                before = [e for e in doc.entities if e[1] <= start]
                after = [e for e in doc.entities if e[0] >= end]
                arguments = ([("Actor", before[-1][0], before[-1][1])] if before else []) + (
                    [("Recipient", after[0][0], after[0][1])] if after else [])
                events.append(Event(kind, start, end, "asserted", tuple(arguments)))
            found[doc.doc_id] = tuple(events)
        return found


def test_the_gold_mentions_row_scores_arguments_and_modality_only(tiny_benchmark: BenchmarkData) -> None:
    model: Any = NearestEntities()
    row = run_gold_mentions(tiny_benchmark, model)
    assert (row.name, row.seeds, row.command) == (GOLD_MENTIONS, [SEEDS[0]], "indogeoie benchmark")
    assert row.settings == {"input": "gold entities and gold triggers", "rule": "nearest entities"}
    assert {split: {m: c.tolist() for m, c in report.counts.items()} for split, report in row.reports.items()} == {
        split: {"arg_i": [[2, 2, 2]], "arg_c": [[2, 2, 2]], "arg_c_plus": [[2, 2, 2]], "modality": [[1, 1, 1]]}
        for split in ("validation", "test")}
    assert sorted(row.predictions) == ["test.documents.jsonl", "validation.documents.jsonl"]
    assert json.loads(row.predictions["test.documents.jsonl"]) == {
        "doc_id": "d3", "entities": [{"type": "GPE", "start": 0, "end": 4}, {"type": "GPE", "start": 15, "end": 19}],
        "events": [{"type": "ASSAULT", "modality": "asserted", "trigger": {"start": 5, "end": 14},
                    "arguments": [{"role": "Actor", "start": 0, "end": 4},
                                  {"role": "Recipient", "start": 15, "end": 19}]}]}


def test_a_deterministic_tagger_runs_once_and_writes_tags_and_documents(tiny_benchmark: BenchmarkData,
                                                                         tmp_path: Path) -> None:
    messages: list[str] = []
    model: Any = NearestEntities()
    row = run_tagger("lexicon", tiny_benchmark, model, tmp_path, messages.append)
    assert messages == [f"lexicon: training (seed {SEEDS[0]})"]
    assert (row.name, row.seeds, row.command) == ("lexicon", [SEEDS[0]], "indogeoie benchmark --models lexicon")
    assert row.settings == LexiconTagger().settings() and row.seed_scores == {}
    assert sorted(row.reports) == sorted(row.events) == ["test", "validation"]
    assert sorted(row.predictions) == ["test.documents.jsonl", "test.tags.jsonl", "validation.documents.jsonl",
                                       "validation.tags.jsonl"]
    tags = json.loads(row.predictions["test.tags.jsonl"])
    assert (tags["id"], tags["doc_id"], len(tags["ner_tags"]), len(tags["trigger_tags"])) == ("d3-000", "d3", 4, 4)
