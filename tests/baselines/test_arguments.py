"""Tests for indogeoie_baselines.arguments (baselines/arguments.py): the argument model, trained on a tiny document."""

from __future__ import annotations

from indogeoie_baselines.arguments import ArgumentModel, DocumentMentions

from indogeoie.benchmark.metrics import Event

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
