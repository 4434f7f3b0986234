"""Token classification with transformers (AutoModelForTokenClassification).

Labels go on the first sub-word of each word; the other sub-words are ignored
in the loss (-100) and take no part in prediction. The model is a name or a
local path; nothing is downloaded: ``from_pretrained(..., local_files_only=True)``.
Default: ``indobenchmark/indobert-base-p1``, when its weights are in the local
Hugging Face cache. Needs the optional extra ``[transformer]``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indogeoie.benchmark.types import Sentence, TagPrediction
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS

DEFAULT_MODEL = "indobenchmark/indobert-base-p1"
MODEL_ENV = "INDOGEOIE_TRANSFORMER_MODEL"


@dataclass
class Settings:
    """Training settings; recorded with the results."""

    model: str = field(default_factory=lambda: os.environ.get(MODEL_ENV, DEFAULT_MODEL))
    epochs: int = 3
    batch_size: int = 8
    learning_rate: float = 5e-5
    max_length: int = 256
    max_steps: int | None = None


def _imports() -> tuple[Any, Any]:
    import torch
    import transformers

    return torch, transformers


class TransformerTagger:
    """Two fine-tuned token classifiers (entities, triggers) on one pretrained encoder."""

    name = "transformer"
    stochastic = True  # random initialisation of the heads and shuffled batches: run over several seeds

    def __init__(self, settings: Settings | None = None) -> None:
        self.config = settings or Settings()

    def settings(self) -> dict[str, Any]:
        return dict(vars(self.config))

    def available(self) -> tuple[bool, str]:
        try:
            _, transformers = _imports()
        except ImportError:
            return False, "torch and transformers are not installed (pip install -e '.[transformer]')"
        try:
            transformers.AutoConfig.from_pretrained(self.config.model, local_files_only=True)
        except OSError:
            return False, (f"no local weights for {self.config.model!r} (nothing is downloaded at run time); "
                           f"to run it: `INDOGEOIE_TRANSFORMER_MODEL=/path/to/weights .venv/bin/indogeoie "
                           "benchmark --models transformer`")
        return True, ""

    def _train_one(self, sentences: list[Sentence], column: str, names: tuple[str, ...], seed: int) -> Any:
        torch, transformers = _imports()
        transformers.set_seed(seed)
        torch.use_deterministic_algorithms(True)
        tokenizer = transformers.AutoTokenizer.from_pretrained(self.config.model, local_files_only=True)
        model = transformers.AutoModelForTokenClassification.from_pretrained(
            self.config.model, local_files_only=True, num_labels=len(names),
            id2label=dict(enumerate(names)), label2id={n: i for i, n in enumerate(names)},
            ignore_mismatched_sizes=True)
        label_id = {n: i for i, n in enumerate(names)}
        batches = []
        for start in range(0, len(sentences), self.config.batch_size):
            chunk = sentences[start:start + self.config.batch_size]
            encoded = tokenizer([s.tokens for s in chunk], is_split_into_words=True, truncation=True,
                                max_length=self.config.max_length, padding=True, return_tensors="pt")
            labels = []
            for row, sentence in enumerate(chunk):
                previous = None
                row_labels = []
                for word in encoded.word_ids(row):
                    if word is None or word == previous:
                        row_labels.append(-100)
                    else:
                        row_labels.append(label_id[getattr(sentence, column)[word]])
                    previous = word
                labels.append(row_labels)
            encoded["labels"] = torch.tensor(labels)
            batches.append(encoded)
        optimizer = torch.optim.AdamW(model.parameters(), lr=self.config.learning_rate)
        model.train()
        steps = 0
        generator = torch.Generator().manual_seed(seed)
        for _ in range(self.config.epochs):
            for index in torch.randperm(len(batches), generator=generator).tolist():
                loss = model(**batches[index]).loss
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
                steps += 1
                if self.config.max_steps is not None and steps >= self.config.max_steps:
                    break
        model.eval()
        return tokenizer, model

    def train(self, sentences: list[Sentence], *, seed: int, workdir: Path,
              validation: list[Sentence] | None = None) -> tuple[Any, Any]:
        del workdir, validation  # fine-tuned weights are not kept; the settings are fixed in advance
        return (self._train_one(sentences, "ner_tags", NER_TAGS, seed),
                self._train_one(sentences, "trigger_tags", TRIGGER_TAGS, seed))

    def _predict_one(self, pair: Any, sentences: list[Sentence], names: tuple[str, ...]) -> list[list[str]]:
        torch, _ = _imports()
        tokenizer, model = pair
        output = []
        with torch.no_grad():
            for sentence in sentences:
                encoded = tokenizer([sentence.tokens], is_split_into_words=True, truncation=True,
                                    max_length=self.config.max_length, return_tensors="pt")
                best = model(**encoded).logits[0].argmax(-1).tolist()
                tags = ["O"] * len(sentence.tokens)
                previous = None
                for position, word in enumerate(encoded.word_ids(0)):
                    if word is not None and word != previous:
                        tags[word] = names[best[position]]
                    previous = word
                output.append(tags)
        return output

    def predict(self, model: tuple[Any, Any], sentences: list[Sentence]) -> list[TagPrediction]:
        entities = self._predict_one(model[0], sentences, NER_TAGS)
        triggers = self._predict_one(model[1], sentences, TRIGGER_TAGS)
        return [TagPrediction(s.id, e, t) for s, e, t in zip(sentences, entities, triggers, strict=False)]
