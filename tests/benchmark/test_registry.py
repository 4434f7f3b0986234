"""Tests for indogeoie.benchmark.registry: baselines found by name through the entry-point group."""

from __future__ import annotations

import pytest

from indogeoie.benchmark.registry import GROUP, load_tagger, tagger_names
from indogeoie.errors import IndoGeoIEError


def test_the_project_s_baselines_are_registered() -> None:
    names = tagger_names()
    assert {"lexicon", "crf", "transformer"} <= set(names)
    assert len(names) == len(set(names))


def test_a_baseline_is_loaded_by_its_name() -> None:
    tagger = load_tagger("lexicon")
    assert tagger.name == "lexicon"
    assert tagger.available() == (True, "")


def test_an_unknown_name_lists_the_registered_ones() -> None:
    with pytest.raises(IndoGeoIEError, match=rf"^no baseline named 'nope'; registered in '{GROUP}': \[.*'lexicon'"):
        load_tagger("nope")
