"""Tests for indogeoie_baselines.modality (baselines/modality.py): an event's modality from the cue words near it."""

from __future__ import annotations

from indogeoie_baselines.modality import modality_of


def test_modality_cues() -> None:
    text = "AS tidak akan menyerang . Iran akan membalas . Jika Irak menyerang ."
    tokens = text.split(" ")
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    ends = [a + len(t) for a, t in zip(starts, tokens, strict=True)]
    sentences = [0, 26, 47]

    def at(word_index: int) -> str:
        return modality_of(text, starts, ends, sentences, (starts[word_index], ends[word_index], "ASSAULT"))

    assert (at(3), at(7), at(11)) == ("negated", "future", "hypothetical")
    assert modality_of(text, starts, ends, sentences, (starts[6], ends[6], "X")) == "asserted"  # 'Iran': no cue
