"""The baselines' own logic, on tiny inline fixtures."""

from __future__ import annotations

from pathlib import Path

from indogeoie_baselines.arguments import ArgumentModel, DocumentMentions
from indogeoie_baselines.crf import CLUSTERS_FILE, load_clusters, sentence_features
from indogeoie_baselines.lexicon import build_lexicon, longest_match
from indogeoie_baselines.modality import modality_of

from indogeoie.benchmark.metrics import Event
from indogeoie.benchmark.registry import load_tagger
from indogeoie.benchmark.types import Sentence


def sentence(sid: str, doc: str, tokens: list[str], ner: list[str], triggers: list[str] | None = None) -> Sentence:
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    return Sentence(sid, doc, tokens, starts, [s + len(t) for s, t in zip(starts, tokens, strict=False)], ner,
                    triggers or ["O"] * len(tokens))


TRAIN = [
    sentence("a-0", "a", ["Garda", "Revolusi", "Iran", "menyerang", "Irak"],
             ["B-ORG", "I-ORG", "I-ORG", "O", "B-GPE"], ["O", "O", "O", "B-ASSAULT", "O"]),
    sentence("b-0", "b", ["Iran", "menyerang", "Amerika", "Serikat"], ["B-GPE", "O", "B-GPE", "I-GPE"],
             ["O", "B-ASSAULT", "O", "O"]),
]


def test_lexicon_longest_match_wins() -> None:
    lexicon = build_lexicon(TRAIN, "ner_tags")
    assert lexicon[("Iran",)] == "GPE" and lexicon[("Garda", "Revolusi", "Iran")] == "ORG"
    assert longest_match(["Garda", "Revolusi", "Iran", "dan", "Iran"], lexicon) == [
        "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE"]


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


def test_crf_trains_saves_crfsuite_files_and_predicts(tmp_path: Path) -> None:
    crf = load_tagger("crf")
    model = crf.train(TRAIN * 3, seed=13, workdir=tmp_path, validation=TRAIN)
    assert (tmp_path / "ner-0.crfsuite").read_bytes()[:4] == b"lCRF"  # crfsuite's own format, not a pickle
    predicted = crf.predict(model, TRAIN)
    assert [len(p.ner_tags) for p in predicted] == [5, 4]
    chosen = crf.settings()["selected_on_validation"]
    assert set(chosen) == {"ner", "trigger"} and len(chosen["ner"]["validation_strict_f1"]) == 4


TEXT = "AS menyerang Irak di Baghdad . Iran bertemu Rusia ."
#       0  3         13   18 21      29 31   36      44    50


def mentions(triggers: list[tuple[int, int, str]]) -> DocumentMentions:
    tokens = TEXT.split(" ")
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    return DocumentMentions("d", TEXT, starts, [a + len(t) for a, t in zip(starts, tokens, strict=True)], [0, 31],
                            [(0, 2, "GPE"), (13, 17, "GPE"), (21, 28, "GPE"), (31, 35, "GPE"), (44, 49, "GPE")],
                            triggers)


def test_the_argument_model_learns_roles_within_a_sentence() -> None:
    gold = {"d": (Event("ASSAULT", 3, 12, "asserted", (("Actor", 0, 2), ("Location", 21, 28), ("Recipient", 13, 17))),
                  Event("CONSULT", 36, 43, "asserted", (("Actor", 31, 35), ("Recipient", 44, 49))))}
    doc = mentions([(3, 12, "ASSAULT"), (36, 43, "CONSULT")])
    model = ArgumentModel().train([doc] * 5, gold)
    predicted = model.predict([doc])["d"]
    assert predicted == gold["d"]  # learnable from its own five copies, and nothing crosses a sentence
    assert model.settings()["selected_on_validation"]["chosen"] == 1.0


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
