"""The baselines' own logic, on tiny inline fixtures."""

from __future__ import annotations

from pathlib import Path

from indogeoie.benchmark.registry import load_tagger
from indogeoie.benchmark.types import Sentence
from indogeoie_baselines.arguments import Mention, predict_arguments
from indogeoie_baselines.crf import sentence_features
from indogeoie_baselines.gazetteer import build_lexicon, longest_match


def sentence(sid: str, doc: str, tokens: list[str], ner: list[str], triggers: list[str] | None = None) -> Sentence:
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    return Sentence(sid, doc, tokens, starts, [s + len(t) for s, t in zip(starts, tokens)], ner,
                    triggers or ["O"] * len(tokens))


TRAIN = [
    sentence("a-0", "a", ["Garda", "Revolusi", "Iran", "menyerang", "Irak"],
             ["B-ORG", "I-ORG", "I-ORG", "O", "B-GPE"], ["O", "O", "O", "B-ASSAULT", "O"]),
    sentence("b-0", "b", ["Iran", "menyerang", "Amerika", "Serikat"], ["B-GPE", "O", "B-GPE", "I-GPE"],
             ["O", "B-ASSAULT", "O", "O"]),
]


def test_gazetteer_longest_match_wins() -> None:
    lexicon = build_lexicon(TRAIN, "ner_tags")
    assert lexicon[("Iran",)] == "GPE" and lexicon[("Garda", "Revolusi", "Iran")] == "ORG"
    assert longest_match(["Garda", "Revolusi", "Iran", "dan", "Iran"], lexicon) == [
        "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE"]


def test_crf_features_mark_indonesian_affixes() -> None:
    features = sentence_features(["AS", "menarik", "pasukannya", "dihadapi"], ({}, {}))
    assert features[1]["prefix=me"] and features[2]["suffix=nya"] and features[3]["prefix=di"]
    assert features[0]["upper"] and features[0]["-1:edge"]


def test_crf_trains_saves_crfsuite_files_and_predicts(tmp_path: Path) -> None:
    crf = load_tagger("crf")
    model = crf.train(TRAIN * 3, seed=13, workdir=tmp_path)
    assert (tmp_path / "ner.crfsuite").read_bytes()[:4] == b"lCRF"  # crfsuite's own format, not a pickle
    predicted = crf.predict(model, TRAIN)
    assert [len(p.ner_tags) for p in predicted] == [5, 4]


def test_argument_rules() -> None:
    text = "AS menyerang Irak di Baghdad pada 2020 dengan rudal."
    #       0  3         13   18 21      29   34   39     46
    trigger = Mention(3, 12, "ASSAULT")
    entities = [Mention(0, 2, "GPE"), Mention(13, 17, "GPE"), Mention(21, 28, "GPE"), Mention(34, 38, "DATE"),
                Mention(46, 51, "WEAPON")]
    roles = dict((role, (e.start, e.end)) for role, e in predict_arguments(text, [trigger], entities)[trigger])
    assert roles == {"Actor": (0, 2), "Recipient": (13, 17), "Location": (21, 28), "Time": (34, 38),
                     "Instrument": (46, 51)}
