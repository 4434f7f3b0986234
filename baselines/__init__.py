"""IndoGeoIE baselines: one interface, registered by name.

A tagging baseline learns entity tags and trigger tags from sentences::

    model = REGISTRY["crf"].train(train_sentences, seed=13, workdir=Path("results/models/crf"))
    predictions = REGISTRY["crf"].predict(model, test_sentences)

The argument baseline (:mod:`baselines.arguments`) adds roles to the triggers
of a document. Adding a baseline means adding one module and one entry in
:data:`REGISTRY`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class Sentence:
    """One sentence of the dataset with its gold tags (string IOB2)."""

    id: str
    doc_id: str
    tokens: list[str]
    token_starts: list[int]
    token_ends: list[int]
    ner_tags: list[str]
    trigger_tags: list[str]


@dataclass(frozen=True)
class TagPrediction:
    """A baseline's tags for one sentence."""

    id: str
    ner_tags: list[str]
    trigger_tags: list[str]


class Tagger(Protocol):
    """The interface every tagging baseline implements."""

    name: str

    def available(self) -> tuple[bool, str]:
        """Whether the baseline can run here, and why not."""
        ...

    def train(self, sentences: list[Sentence], *, seed: int, workdir: Path) -> Any:
        """Train on ``sentences``; may write model files under ``workdir``."""
        ...

    def predict(self, model: Any, sentences: list[Sentence]) -> list[TagPrediction]:
        """Tags for ``sentences``, one prediction per sentence, same lengths."""
        ...


def _registry() -> dict[str, Tagger]:
    from baselines.crf import CrfTagger
    from baselines.gazetteer import GazetteerTagger
    from baselines.transformer import TransformerTagger

    return {"gazetteer": GazetteerTagger(), "crf": CrfTagger(), "transformer": TransformerTagger()}


REGISTRY: dict[str, Tagger] = _registry()
