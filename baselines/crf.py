"""A linear-chain CRF (sklearn-crfsuite) for entity tags and for trigger tags.

Features suit Indonesian: verbal and nominal affixes (me-, ber-, di-, ter-, pe-,
ke-; -kan, -an, -i, -nya), word shape and capitalisation, the two neighbours
on each side, and hits in a gazetteer of the training set's chunks. Models are
saved in crfsuite's own format (``model_filename``), never pickled.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sklearn_crfsuite

from indogeoie.benchmark.types import Sentence, TagPrediction
from indogeoie_baselines.gazetteer import Lexicon, chunk_counts, lexicon, longest_match

PREFIXES = ("meng", "meny", "mem", "men", "me", "ber", "di", "ter", "peng", "pem", "pen", "pe", "ke", "se")
SUFFIXES = ("kan", "an", "i", "nya", "lah")
# Fixed training settings; recorded in results/<model>.json.
SETTINGS = {"algorithm": "lbfgs", "c1": 0.05, "c2": 0.05, "max_iterations": 150,
            "all_possible_transitions": True}


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", word)
    shape = re.sub(r"[a-z]", "x", shape)
    shape = re.sub(r"[0-9]", "d", shape)
    return re.sub(r"(.)\1+", r"\1\1", shape)


def token_features(tokens: list[str], i: int, hits: tuple[list[str], list[str]]) -> dict[str, object]:
    """Features of token ``i`` given its sentence and gazetteer hits (entity tags, trigger tags)."""
    word = tokens[i]
    lower = word.lower()
    features: dict[str, object] = {
        "bias": 1.0,
        "lower": lower,
        "shape": _shape(word),
        "title": word.istitle(),
        "upper": word.isupper(),
        "digit": any(c.isdigit() for c in word),
        "punct": not any(c.isalnum() for c in word),
        "len>3": len(word) > 3,
        "gaz_entity": hits[0][i],
        "gaz_trigger": hits[1][i],
    }
    for prefix in PREFIXES:
        if lower.startswith(prefix) and len(lower) > len(prefix) + 2:
            features[f"prefix={prefix}"] = True
    for suffix in SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            features[f"suffix={suffix}"] = True
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if 0 <= j < len(tokens):
            features[f"{offset}:lower"] = tokens[j].lower()
            features[f"{offset}:title"] = tokens[j].istitle()
            features[f"{offset}:gaz_entity"] = hits[0][j]
        else:
            features[f"{offset}:edge"] = True
    return features


def sentence_features(tokens: list[str], gazetteers: tuple[Lexicon, Lexicon]) -> list[dict[str, object]]:
    hits = (longest_match(tokens, gazetteers[0]), longest_match(tokens, gazetteers[1]))
    return [token_features(tokens, i, hits) for i in range(len(tokens))]


class CrfModel:
    """Two crfsuite models (entities, triggers) and the gazetteers their features use."""

    def __init__(self, entity_file: Path, trigger_file: Path, gazetteers: tuple[Lexicon, Lexicon]) -> None:
        self.entity = sklearn_crfsuite.CRF(model_filename=str(entity_file))
        self.trigger = sklearn_crfsuite.CRF(model_filename=str(trigger_file))
        self.gazetteers = gazetteers


class CrfTagger:
    """sklearn-crfsuite CRFs for entity and trigger tags."""

    name = "crf"

    def settings(self) -> dict[str, Any]:
        return dict(SETTINGS)

    def available(self) -> tuple[bool, str]:
        return True, ""

    def train(self, sentences: list[Sentence], *, seed: int, workdir: Path) -> CrfModel:
        del seed  # L-BFGS training is deterministic
        workdir.mkdir(parents=True, exist_ok=True)
        # Gazetteer features of a training sentence come from the other documents only;
        # otherwise every training chunk would be a hit and the CRF would trust hits blindly.
        sentences = sorted(sentences, key=lambda s: s.doc_id)  # stable: sentence order kept
        by_doc: dict[str, list[Sentence]] = {}
        for sentence in sentences:
            by_doc.setdefault(sentence.doc_id, []).append(sentence)
        totals = (chunk_counts(sentences, "ner_tags"), chunk_counts(sentences, "trigger_tags"))
        gazetteers = (lexicon(totals[0]), lexicon(totals[1]))
        features = []
        for doc_id, own in by_doc.items():
            held_out = (lexicon(totals[0], chunk_counts(own, "ner_tags")),
                        lexicon(totals[1], chunk_counts(own, "trigger_tags")))
            features += [sentence_features(s.tokens, held_out) for s in own]
        files = {}
        for column in ("ner_tags", "trigger_tags"):
            path = workdir / f"{column.split('_')[0]}.crfsuite"
            path.unlink(missing_ok=True)
            crf = sklearn_crfsuite.CRF(model_filename=str(path), keep_tempfiles=False, **SETTINGS)
            crf.fit(features, [getattr(s, column) for s in sentences])
            files[column] = path
        return CrfModel(files["ner_tags"], files["trigger_tags"], gazetteers)

    def predict(self, model: CrfModel, sentences: list[Sentence]) -> list[TagPrediction]:
        features = [sentence_features(s.tokens, model.gazetteers) for s in sentences]
        entities = model.entity.predict(features)
        triggers = model.trigger.predict(features)
        return [TagPrediction(s.id, list(e), list(t)) for s, e, t in zip(sentences, entities, triggers)]
