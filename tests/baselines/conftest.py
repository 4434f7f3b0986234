"""Tiny training sentences shared by the baselines' tests (tests/baselines/test_lexicon.py, test_crf.py)."""

from __future__ import annotations

import pytest

from indogeoie.benchmark.types import Sentence


def sentence(sid: str, doc: str, tokens: list[str], ner: list[str], triggers: list[str] | None = None) -> Sentence:
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    return Sentence(sid, doc, tokens, starts, [s + len(t) for s, t in zip(starts, tokens, strict=False)], ner,
                    triggers or ["O"] * len(tokens))


@pytest.fixture()
def train() -> list[Sentence]:
    """Two one-sentence documents: "Garda Revolusi Iran menyerang Irak" and "Iran menyerang Amerika Serikat"."""
    return [
        sentence("a-0", "a", ["Garda", "Revolusi", "Iran", "menyerang", "Irak"],
                 ["B-ORG", "I-ORG", "I-ORG", "O", "B-GPE"], ["O", "O", "O", "B-ASSAULT", "O"]),
        sentence("b-0", "b", ["Iran", "menyerang", "Amerika", "Serikat"], ["B-GPE", "O", "B-GPE", "I-GPE"],
                 ["O", "B-ASSAULT", "O", "O"]),
    ]
