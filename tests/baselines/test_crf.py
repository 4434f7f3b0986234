"""Tests for indogeoie_baselines.crf (baselines/crf.py): features, the committed word clusters, training."""

from __future__ import annotations

from pathlib import Path

from indogeoie_baselines.crf import CLUSTERS_FILE, load_clusters, sentence_features

from indogeoie.benchmark.registry import load_tagger
from indogeoie.benchmark.types import Sentence


def test_crf_features_mark_indonesian_affixes() -> None:
    features = sentence_features(["AS", "menarik", "pasukannya", "dihadapi"], ({}, {}), {"menarik": ("3", "40")})
    assert features[1]["prefix=me"] and features[2]["suffix=nya"] and features[3]["prefix=di"]
    assert features[0]["upper"] and features[0]["-1:edge"]
    assert features[1]["c64"] == "3" and features[0]["1:c512"] == "40" and "c64" not in features[2]


def test_the_committed_word_clusters_are_a_real_table() -> None:
    clusters = load_clusters()
    assert len(clusters) > 10_000 and CLUSTERS_FILE.stat().st_size < 1_000_000
    assert {"serangan", "presiden", "jakarta"} <= set(clusters)
    assert len({c for c, _ in clusters.values()}) == 64 and len({f for _, f in clusters.values()}) == 512


def test_crf_trains_saves_crfsuite_files_and_predicts(tmp_path: Path, train: list[Sentence]) -> None:
    crf = load_tagger("crf")
    model = crf.train(train * 3, seed=13, workdir=tmp_path, validation=train)
    assert (tmp_path / "ner-0.crfsuite").read_bytes()[:4] == b"lCRF"  # crfsuite's own format, not a pickle
    predicted = crf.predict(model, train)
    assert [len(p.ner_tags) for p in predicted] == [5, 4]
    chosen = crf.settings()["selected_on_validation"]
    assert set(chosen) == {"ner", "trigger"} and len(chosen["ner"]["validation_strict_f1"]) == 4
