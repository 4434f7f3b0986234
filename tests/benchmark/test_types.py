"""Tests for indogeoie.benchmark.types: the records a baseline sees and returns, and the Tagger interface."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from indogeoie.benchmark.registry import load_tagger, tagger_names
from indogeoie.benchmark.types import Sentence, Tagger, TagPrediction

SENTENCE = Sentence("d1-000", "d1", ["AS", "menyerang"], [0, 3], [2, 12], ["B-GPE", "O"], ["O", "B-ASSAULT"])


def test_records_are_frozen_and_compare_by_value() -> None:
    assert SENTENCE == Sentence("d1-000", "d1", ["AS", "menyerang"], [0, 3], [2, 12], ["B-GPE", "O"],
                                ["O", "B-ASSAULT"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        SENTENCE.id = "d2-000"  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(TagPrediction)] == ["id", "ner_tags", "trigger_tags"]


def test_the_interface_is_a_name_and_four_methods() -> None:
    members = set(Tagger.__annotations__) | {n for n, v in vars(Tagger).items()
                                             if inspect.isfunction(v) and not n.startswith("_")}
    assert members == {"name", "available", "settings", "train", "predict"}


@pytest.mark.parametrize("name", tagger_names())
def test_every_registered_baseline_implements_the_interface(name: str) -> None:
    tagger = load_tagger(name)
    assert tagger.name == name
    for method in ("available", "settings", "train", "predict"):
        expected = inspect.signature(getattr(Tagger, method)).parameters
        found = inspect.signature(getattr(tagger, method)).parameters
        assert list(found) == [p for p in expected if p != "self"], (name, method)
