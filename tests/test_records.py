"""Tests for indogeoie.records: the document records, their label fingerprint, and the diff between two annotations."""

from __future__ import annotations

import dataclasses

import pytest

from indogeoie.records import (
    AnnotatedDocument,
    Argument,
    DocumentDiff,
    Event,
    Span,
    diff_documents,
    labels_fingerprint,
    region_table,
)

TEXT = "AS menyerang Irak"
AS, IRAK = Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak")
TRIGGER = Span("t1", "ASSAULT", 3, 12, "menyerang")


def attack(modality: str = "asserted", *arguments: Argument) -> Event:
    return Event("t1", "ASSAULT", modality, TRIGGER, arguments or (Argument("Actor", "e1"),))


DOC = AnnotatedDocument("d", TEXT, (AS, IRAK), (attack(),), {"completed_by": "ani"})


def test_records_are_frozen_values_and_metadata_does_not_count() -> None:
    assert DOC == AnnotatedDocument("d", TEXT, (AS, IRAK), (attack(),), {"completed_by": "budi"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        DOC.text = "x"  # type: ignore[misc]
    assert DOC.entity_by_id() == {"e1": AS, "e2": IRAK}
    assert sorted([IRAK, AS]) == [AS, IRAK]  # spans order by id first


def test_the_region_table_holds_layer_label_offsets_and_a_trigger_s_modality_and_arguments() -> None:
    assert region_table(DOC) == {"e1": ("entity", "GPE", 0, 2), "e2": ("entity", "GPE", 13, 17),
                                 "t1": ("trigger", "ASSAULT", 3, 12, "asserted", (("Actor", "e1"),))}


def test_the_fingerprint_sees_labels_only() -> None:
    reordered = AnnotatedDocument("d", TEXT, (IRAK, AS), (attack(),))
    assert labels_fingerprint(reordered) == labels_fingerprint(DOC)
    assert len(labels_fingerprint(DOC)) == 16
    for changed in (AnnotatedDocument("d", TEXT, (AS, dataclasses.replace(IRAK, label="LOC")), (attack(),)),
                    AnnotatedDocument("d", TEXT, (AS, IRAK), (attack("future"),)),
                    AnnotatedDocument("d", TEXT, (AS, IRAK), (attack("asserted", Argument("Recipient", "e2")),))):
        assert labels_fingerprint(changed) != labels_fingerprint(DOC)


def test_the_diff_names_regions_added_removed_and_modified_and_keeps_a_missing_document() -> None:
    new = AnnotatedDocument("d", TEXT, (IRAK,), (attack("future"),))
    added = AnnotatedDocument("n", "y", (Span("e1", "PER", 0, 1, "y"),))
    assert diff_documents((DOC, AnnotatedDocument("gone", "x")), (new, added)) == (
        DocumentDiff("d", (), ("e1",), ("t1",), (
            "- e1: entity GPE [0:2] 'AS'",
            "~ t1: trigger ASSAULT [3:12] 'menyerang' asserted, arguments (('Actor', 'e1'),) -> trigger ASSAULT "
            "[3:12] 'menyerang' future, arguments (('Actor', 'e1'),)")),
        DocumentDiff("gone"),  # never deleted by a pull
        DocumentDiff("n", ("e1",), (), (), ("+ e1: entity PER [0:1] 'y'",)))
    assert [d.changed for d in diff_documents((DOC,), (DOC, added))] == [False, True]
