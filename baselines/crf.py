"""A linear-chain CRF (sklearn-crfsuite) for entity tags and for trigger tags.

Features suit Indonesian: verbal and nominal affixes (me-, ber-, di-, ter-, pe-,
ke-; -kan, -an, -i, -nya), word shape and capitalisation, the two neighbours
on each side, hits in a lexicon of the training set's chunks, and word
clusters learned from about a million tokens of unlabeled IndoSum news
(``data/indosum_word_clusters.tsv``, made by ``scripts/make_word_clusters.py``).

The regularisation is chosen on the validation split, separately for the two
taggers, from :data:`GRID`; the grid's scores and the choice are recorded in
results/. Models are saved in crfsuite's own format (``model_filename``), never
pickled.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sklearn_crfsuite
from indogeoie_baselines.lexicon import Lexicon, chunk_counts, lexicon, longest_match

from indogeoie.benchmark.types import Sentence, TagPrediction

PREFIXES = ("meng", "meny", "mem", "men", "me", "ber", "di", "ter", "peng", "pem", "pen", "pe", "ke", "se")
SUFFIXES = ("kan", "an", "i", "nya", "lah")
FIXED = {"algorithm": "lbfgs", "max_iterations": 100, "all_possible_transitions": True}
#: The regularisation settings tried on validation (L1 weight c1, L2 weight c2).
GRID = ({"c1": 0.05, "c2": 0.05}, {"c1": 0.2, "c2": 0.01}, {"c1": 0.01, "c2": 0.2}, {"c1": 0.5, "c2": 0.05})
CLUSTERS_FILE = Path(__file__).with_name("data") / "indosum_word_clusters.tsv"


def load_clusters(path: Path = CLUSTERS_FILE) -> dict[str, tuple[str, str]]:
    """Word (lower case) -> (cluster of 64, cluster of 512)."""
    clusters = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, coarse, fine = line.split("\t")
        clusters[word] = (coarse, fine)
    return clusters


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", word)
    shape = re.sub(r"[a-z]", "x", shape)
    shape = re.sub(r"[0-9]", "d", shape)
    return re.sub(r"(.)\1+", r"\1\1", shape)


def token_features(tokens: list[str], i: int, hits: tuple[list[str], list[str]],
                   clusters: dict[str, tuple[str, str]]) -> dict[str, object]:
    """Features of token ``i`` given its sentence, lexicon hits (entity tags, trigger tags) and word clusters."""
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
    if lower in clusters:
        features["c64"], features["c512"] = clusters[lower]
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
            if tokens[j].lower() in clusters:
                features[f"{offset}:c512"] = clusters[tokens[j].lower()][1]
        else:
            features[f"{offset}:edge"] = True
    return features


def sentence_features(tokens: list[str], gazetteers: tuple[Lexicon, Lexicon],
                      clusters: dict[str, tuple[str, str]]) -> list[dict[str, object]]:
    hits = (longest_match(tokens, gazetteers[0]), longest_match(tokens, gazetteers[1]))
    return [token_features(tokens, i, hits, clusters) for i in range(len(tokens))]


def _strict_f1(gold: list[list[str]], predicted: list[list[str]]) -> float:
    from indogeoie.benchmark.scoring import sequence_scores

    return sequence_scores(gold, predicted, mode="strict").micro.f1


class CrfModel:
    """Two crfsuite models (entities, triggers), and the lexicons and clusters their features use."""

    def __init__(self, entity_file: Path, trigger_file: Path, gazetteers: tuple[Lexicon, Lexicon],
                 clusters: dict[str, tuple[str, str]]) -> None:
        self.entity = sklearn_crfsuite.CRF(model_filename=str(entity_file))
        self.trigger = sklearn_crfsuite.CRF(model_filename=str(trigger_file))
        self.gazetteers = gazetteers
        self.clusters = clusters


class CrfTagger:
    """sklearn-crfsuite CRFs for entity and trigger tags, regularisation chosen on validation."""

    name = "crf"

    def __init__(self) -> None:
        self.selection: dict[str, Any] = {}

    def settings(self) -> dict[str, Any]:
        return {**FIXED, "grid": list(GRID), "features": "affixes, shape, neighbours, lexicon hits, "
                "IndoSum word clusters (64 and 512)", "selected_on_validation": self.selection}

    def available(self) -> tuple[bool, str]:
        return True, ""

    def train(self, sentences: list[Sentence], *, seed: int, workdir: Path,
              validation: list[Sentence] | None = None) -> CrfModel:
        del seed  # L-BFGS training is deterministic
        workdir.mkdir(parents=True, exist_ok=True)
        clusters = load_clusters()
        # Lexicon features of a training sentence come from the other documents only;
        # otherwise every training chunk would be a hit and the CRF would trust hits blindly.
        sentences = sorted(sentences, key=lambda s: s.doc_id)  # stable: sentence order kept
        by_doc: dict[str, list[Sentence]] = {}
        for sentence in sentences:
            by_doc.setdefault(sentence.doc_id, []).append(sentence)
        totals = (chunk_counts(sentences, "ner_tags"), chunk_counts(sentences, "trigger_tags"))
        gazetteers = (lexicon(totals[0]), lexicon(totals[1]))
        features = []
        for own in by_doc.values():
            held_out = (lexicon(totals[0], chunk_counts(own, "ner_tags")),
                        lexicon(totals[1], chunk_counts(own, "trigger_tags")))
            features += [sentence_features(s.tokens, held_out, clusters) for s in own]
        checks = [sentence_features(s.tokens, gazetteers, clusters) for s in validation or []]
        files = {}
        for column in ("ner_tags", "trigger_tags"):
            scores = []
            for index, point in enumerate(GRID if validation else GRID[:1]):
                path = workdir / f"{column.split('_')[0]}-{index}.crfsuite"
                path.unlink(missing_ok=True)
                crf = sklearn_crfsuite.CRF(model_filename=str(path), keep_tempfiles=False, **FIXED, **point)
                crf.fit(features, [getattr(s, column) for s in sentences])
                f1 = _strict_f1([getattr(s, column) for s in validation], crf.predict(checks)) if validation else None
                scores.append((f1, index, path))
            best = max(scores, key=lambda item: (item[0] or 0.0, -item[1]))
            files[column] = best[2]
            self.selection[column.split("_")[0]] = {"chosen": GRID[best[1]], "validation_strict_f1": {
                f"c1={GRID[i]['c1']},c2={GRID[i]['c2']}": round(f, 4) for f, i, _ in scores if f is not None}}
        return CrfModel(files["ner_tags"], files["trigger_tags"], gazetteers, clusters)

    def predict(self, model: CrfModel, sentences: list[Sentence]) -> list[TagPrediction]:
        features = [sentence_features(s.tokens, model.gazetteers, model.clusters) for s in sentences]
        entities = model.entity.predict(features)
        triggers = model.trigger.predict(features)
        return [TagPrediction(s.id, list(e), list(t)) for s, e, t in zip(sentences, entities, triggers, strict=True)]
