from __future__ import annotations

import pytest

from indogeoie import paths
from indogeoie.annotation.agreement import agreement
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.labelstudio_export import read_export
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


def test_committed_agreement_annotations_cover_two_whole_articles() -> None:
    a = read_export(paths.AGREEMENT / "annotator-a.json")
    b = read_export(paths.AGREEMENT / "annotator-b.json")
    assert a.problems == () and b.problems == ()
    assert [d.doc_id for d in a.documents] == [d.doc_id for d in b.documents]
    assert len(a.documents) >= 2
    result = agreement(a.documents, b.documents)
    assert 0 < result.entities.f1 <= 1 and 0 < result.arguments.f1 <= 1
    # The annotations are really two: they disagree somewhere.
    assert result.entities.f1 < 1 or result.triggers.f1 < 1 or result.arguments.f1 < 1
