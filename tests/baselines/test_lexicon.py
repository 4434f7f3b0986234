"""Tests for indogeoie_baselines.lexicon (baselines/lexicon.py): the lexicon of training spans, longest match first."""

from __future__ import annotations

from indogeoie_baselines.lexicon import build_lexicon, longest_match

from indogeoie.benchmark.types import Sentence


def test_lexicon_longest_match_wins(train: list[Sentence]) -> None:
    lexicon = build_lexicon(train, "ner_tags")
    assert lexicon[("Iran",)] == "GPE" and lexicon[("Garda", "Revolusi", "Iran")] == "ORG"
    assert longest_match(["Garda", "Revolusi", "Iran", "dan", "Iran"], lexicon) == [
        "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE"]
