from __future__ import annotations

import json
from pathlib import Path

import pytest

from indogeoie import paths
from indogeoie.annotation.agreement import (
    agreement,
    agreement_markdown,
    agreement_of_export,
    annotations_by_annotator,
    load_studies,
)
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.labelstudio_gold import gold_task
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

TEXT = "AS menyerang Irak dan Iran"


def doc(entities: tuple[Span, ...], events: tuple[Event, ...]) -> AnnotatedDocument:
    return AnnotatedDocument("d1", TEXT, entities, events)


AS = Span("e1", "GPE", 0, 2, "AS")
IRAK = Span("e2", "GPE", 13, 17, "Irak")
IRAN = Span("e3", "GPE", 22, 26, "Iran")
ATTACK = Span("t1", "ASSAULT", 3, 12, "menyerang")


def test_hand_computed_agreement() -> None:
    first = doc((AS, IRAK, IRAN), (Event("t1", "ASSAULT", "asserted", ATTACK,
                                         (Argument("Actor", "e1"), Argument("Recipient", "e2"))),))
    second = doc((AS, Span("e2", "LOC", 13, 17, "Irak")),
                 (Event("t1", "ASSAULT", "future", ATTACK,
                        (Argument("Actor", "e1"), Argument("Recipient", "e2"))),))
    result = agreement((first,), (second,))
    # Entities: 1 of 3 vs 1 of 2 match (AS); Irak differs in type; Iran is missing.
    assert (result.entities.tp, result.entities.gold, result.entities.predicted) == (1, 3, 2)
    assert result.entities.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    assert result.entities_by_type["GPE"].f1 == pytest.approx(2 * 1 * (1 / 3) / (1 + 1 / 3))
    assert result.triggers.f1 == 1.0
    # Arguments compare spans, not entity types: both Actor and Recipient agree.
    assert result.arguments.f1 == 1.0
    assert (result.modality_compared, result.modality_same) == (1, 0)


def test_different_texts_are_refused() -> None:
    other = AnnotatedDocument("d1", TEXT + ".", (), ())
    with pytest.raises(IndoGeoIEError, match="B: doc d1: the two annotations have different texts"):
        agreement((doc((), ()),), (other,), files=("A", "B"))


def test_each_committed_study_is_two_real_annotations_of_whole_articles(corpus: dict) -> None:
    studies = load_studies(paths.AGREEMENT, corpus=corpus)
    assert {s.name for s in studies} >= {"v1", "v2"}
    for study in studies:
        assert [d.doc_id for d in study.first] == [d.doc_id for d in study.second]
        result = study.result()
        assert 0 < result.entities.f1 <= 1 and 0 < result.arguments.f1 <= 1
        # The annotations are really two: they disagree somewhere.
        assert result.entities.f1 < 1 or result.triggers.f1 < 1 or result.arguments.f1 < 1


def test_agreement_of_two_annotators_in_one_export(tmp_path: Path) -> None:
    first = doc((AS, IRAK, IRAN), ())
    second = doc((AS, Span("e2", "LOC", 13, 17, "Irak")), ())
    task = gold_task(first, annotator="x")
    other = gold_task(second, annotator="x")["annotations"][0]
    task["annotations"] = [{**task["annotations"][0], "completed_by": 1},
                           {**other, "completed_by": 2},
                           {**other, "completed_by": 3, "was_cancelled": True}]  # a skip is no annotation
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]))
    found = annotations_by_annotator(path)
    assert sorted(found) == ["1", "2"]
    assert found["1"][0].entities == first.entities and found["2"][0].entities == second.entities
    assert agreement_of_export(path) == agreement_markdown(
        agreement((first,), (second,)), names=("1", "2"))
    with pytest.raises(IndoGeoIEError, match="expected two annotators"):
        agreement_of_export(path, annotators=("1", "9"))
