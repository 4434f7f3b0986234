"""Tests for indogeoie.benchmark.pipeline: what the argument model is given, from gold or predicted mentions."""

from __future__ import annotations

from typing import Any

from indogeoie_baselines.arguments import DocumentMentions

from indogeoie.benchmark.data import BenchmarkData
from indogeoie.benchmark.metrics import Event, Events
from indogeoie.benchmark.pipeline import (
    document_mentions,
    events_on_gold_mentions,
    gold_mentions,
    predicted_events,
    train_argument_model,
)


class Recorder:
    """An argument model that records its input and gives every trigger an Actor: the first entity."""

    def __init__(self) -> None:
        self.seen: list[DocumentMentions] = []

    def predict(self, docs: list[DocumentMentions]) -> dict[str, tuple[Event, ...]]:
        self.seen += docs
        return {d.doc_id: tuple(Event(t, a, b, "asserted", (("Actor", *d.entities[0][:2]),) if d.entities else ())
                                for a, b, t in d.triggers) for d in docs}


def test_mentions_carry_tokens_sentence_starts_and_sorted_spans(tiny_benchmark: BenchmarkData) -> None:
    found = document_mentions(tiny_benchmark, ["d1", "d3"], {"d1": [(13, 17, "GPE"), (0, 2, "GPE")]},
                              {"d3": [(5, 14, "ASSAULT")]})
    assert found == [
        DocumentMentions("d1", "AS menyerang Irak .", [0, 3, 13, 18], [2, 12, 17, 19], [0],
                         [(0, 2, "GPE"), (13, 17, "GPE")], []),
        DocumentMentions("d3", "Irak menyerang Iran .", [0, 5, 15, 20], [4, 14, 19, 21], [0], [],
                         [(5, 14, "ASSAULT")])]


def test_gold_mentions_are_the_gold_entities_and_triggers(tiny_benchmark: BenchmarkData) -> None:
    (found,) = gold_mentions(tiny_benchmark, ["d2"])
    assert (found.entities, found.triggers) == ([(0, 4, "GPE"), (14, 16, "GPE")], [(5, 13, "ACCUSE")])


def test_predicted_events_come_from_the_predicted_tags(tiny_benchmark: BenchmarkData) -> None:
    model: Any = Recorder()
    events = predicted_events(tiny_benchmark, "test", model, ner={"d3-000": ["O", "O", "B-GPE", "O"]},
                              triggers={"d3-000": ["O", "B-ASSAULT", "O", "O"]})
    assert [(d.doc_id, d.entities, d.triggers) for d in model.seen] == [("d3", [(15, 19, "GPE")],
                                                                          [(5, 14, "ASSAULT")])]
    assert events == Events({"d3": (Event("ASSAULT", 5, 14, "asserted", (("Actor", 15, 19),)),)})


def test_the_trained_argument_model_keeps_the_gold_triggers(tiny_benchmark: BenchmarkData) -> None:
    model = train_argument_model(tiny_benchmark)
    events = events_on_gold_mentions(tiny_benchmark, "test", model)
    assert [(e.type, e.start, e.end) for e in events.of("d3")] == [("ASSAULT", 5, 14)]
    assert list(events.by_doc) == ["d3"]
