"""Tests for indogeoie.annotation.audit: the five consistency checks, and the reviewed exceptions file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from indogeoie.annotation.actors import ActorTable, Normalised
from indogeoie.annotation.audit import (
    Finding,
    actor_code_findings,
    audit,
    entity_type_findings,
    no_actor_findings,
    read_exceptions,
    trigger_type_findings,
    unlabelled_findings,
)
from indogeoie.corpus.documents import SourceDocument
from indogeoie.errors import IndoGeoIEError
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

# The gold is two documents:
#   d1 "AS menyerang Irak . Irak membalas AS ."   AS GPE, Irak GPE, Irak ORG (second sentence);
#       ASSAULT menyerang (Actor AS, Recipient Irak), ASSAULT membalas (no argument)
#   d2 "Irak membalas ."                          REJECT membalas, no entity
TEXT = "AS menyerang Irak . Irak membalas AS ."
SECOND = len("AS menyerang Irak . ")
D1 = AnnotatedDocument("d1", TEXT, (
    Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak"), Span("e3", "ORG", SECOND, SECOND + 4, "Irak")), (
    Event("t1", "ASSAULT", "asserted", Span("t1", "ASSAULT", 3, 12, "menyerang"),
          (Argument("Actor", "e1"), Argument("Recipient", "e2"))),
    Event("t2", "ASSAULT", "asserted", Span("t2", "ASSAULT", SECOND + 5, SECOND + 13, "membalas"))))
D2 = AnnotatedDocument("d2", "Irak membalas .", (), (
    Event("t1", "REJECT", "asserted", Span("t1", "REJECT", 5, 13, "membalas")),))
GOLD = (D1, D2)

ENTITY_TYPE = Finding("entity-type", "irak", "GPE x1 (e.g. d1 [13:17]), ORG x1 (e.g. d1 [20:24])")
UNLABELLED = Finding("unlabelled", "d1 34", "'AS' at d1 [34:36] is not labelled")
TRIGGER_TYPE = Finding("trigger-type", "membalas", "ASSAULT x1 (e.g. d1 [25:33]), REJECT x1 (e.g. d2 [5:13])")
NO_ACTOR = Finding("no-actor", "d1 t2", "ASSAULT 'membalas' at d1 [25:33]; the sentence names ORG 'Irak'")


@pytest.fixture()
def corpus(make_source: Any) -> dict[str, SourceDocument]:
    return {"d1": make_source("d1", TEXT, [(0, SECOND - 1), (SECOND, len(TEXT))]),
            "d2": make_source("d2", D2.text, [(0, len(D2.text))])}


def test_each_check_finds_its_inconsistency(corpus: dict[str, SourceDocument]) -> None:
    assert entity_type_findings(GOLD) == [ENTITY_TYPE]
    assert unlabelled_findings(GOLD, corpus) == [UNLABELLED]
    assert trigger_type_findings(GOLD) == [TRIGGER_TYPE]
    assert no_actor_findings(GOLD, corpus) == [NO_ACTOR]  # d2's REJECT has no entity in its sentence


def test_actor_codes_are_checked_against_the_table() -> None:
    assert actor_code_findings(GOLD, ActorTable({"as": Normalised("USA", None, "", "alias")}, {}, {})) == []
    assert actor_code_findings(GOLD, ActorTable({}, {}, {})) == [Finding(  # Irak is a country name, AS is not
        "actor-code", "as", "1 Actor/Recipient mention(s), e.g. d1 [0:2]; add it to annotations/actors/aliases.tsv "
                            "(or overrides.tsv)")]


def test_findings_are_open_accepted_or_the_exception_is_stale(corpus: dict[str, SourceDocument]) -> None:
    report = audit(gold=GOLD, corpus=corpus, exceptions={("entity-type", "irak"): "GPE as a state, ORG as its army",
                                                         ("no-actor", "d9 t1"): "a document since removed"})
    assert report.open == (UNLABELLED, TRIGGER_TYPE, NO_ACTOR)
    assert report.accepted == (ENTITY_TYPE,)
    assert report.stale == (("no-actor", "d9 t1"),)


def test_the_exceptions_file_is_read_with_its_reasons(tmp_path: Path) -> None:
    path = tmp_path / "audit_exceptions.tsv"
    assert read_exceptions(path) == {}  # no file: nothing accepted
    path.write_text("check\tkey\treason\nentity-type\tbarat\tLOC as a region, NORP as a group\n", encoding="utf-8")
    assert read_exceptions(path) == {("entity-type", "barat"): "LOC as a region, NORP as a group"}


def test_every_bad_row_of_the_exceptions_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "audit_exceptions.tsv"
    path.write_text("check\tkey\treason\nentity-type\tbarat\n"
                    "spelling\tx\ty\nno-actor\td1 t2\t \nno-actor\td1 t3\tok\nno-actor\td1 t3\tagain\n",
                    encoding="utf-8")
    with pytest.raises(IndoGeoIEError) as caught:
        read_exceptions(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2: expected 3 tab-separated fields, found 2",
        f"{path}:3: check 'spelling'; expected one of ['entity-type', 'unlabelled', 'trigger-type', 'no-actor', "
        "'actor-code']",
        f"{path}:4: an accepted finding needs its reason",
        f"{path}:6: no-actor 'd1 t3' is accepted twice"]
    path.write_text("check\tkey\n", encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match=rf"^{re.escape(str(path))}:1: the first line must be the header "
                                             r"\['check', 'key', 'reason'\]$"):
        read_exceptions(path)
