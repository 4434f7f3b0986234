"""What a baseline sees and returns: the one interface every tagging model implements.

A tagging baseline learns entity tags and trigger tags from sentences::

    tagger = load_tagger("crf")
    model = tagger.train(train_sentences, seed=13, workdir=Path(".cache/models/crf"))
    predictions = tagger.predict(model, test_sentences)

Baselines live outside the package (the top-level ``baselines/`` folder,
installed as ``indogeoie_baselines``) and register under the entry-point group
``indogeoie.baselines`` (:mod:`indogeoie.benchmark.registry`); nothing in the
package names one.
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
    """A model's tags for one sentence."""

    id: str
    ner_tags: list[str]
    trigger_tags: list[str]


class Tagger(Protocol):
    """The interface every tagging baseline implements."""

    name: str

    def available(self) -> tuple[bool, str]:
        """Whether the baseline can run here, and why not."""
        ...

    def settings(self) -> dict[str, Any]:
        """The settings that produced its results (recorded in ``results/<name>.json``)."""
        ...

    def train(self, sentences: list[Sentence], *, seed: int, workdir: Path,
              validation: list[Sentence] | None = None) -> Any:
        """Train on ``sentences``; may write model files under ``workdir``.

        ``validation`` is the only data a baseline may select its settings on
        (never the test split); what it chose goes into :meth:`settings`.
        """
        ...

    def predict(self, model: Any, sentences: list[Sentence]) -> list[TagPrediction]:
        """Tags for ``sentences``, one prediction per sentence, same lengths."""
        ...
