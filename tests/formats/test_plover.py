"""PLOVER records: every field of the list, the completeness rule, and the committed export."""

from __future__ import annotations

import json
from typing import Any

import pytest

from indogeoie import paths
from indogeoie.annotation.actors import Normalised
from indogeoie.formats.metadata import DocumentMeta
from indogeoie.formats.plover import FIELDS, missing_fields, plover_jsonl, plover_records
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import EVENT_TYPES, QUAD_CLASSES, QUAD_OF, RECIPIENT_REQUIRED
from indogeoie.text.tokens import pretokenized

TEXT = "AS memberi bantuan kepada Irak di Baghdad ."
CODES = {"as": Normalised("USA", None, "", "alias"), "irak": Normalised("IRQ", None, "", "country-name"),
         "baghdad": Normalised("IRQ", None, "", "alias")}


def record(*arguments: Argument, meta: DocumentMeta | None = None) -> dict[str, Any]:
    entities = (Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 26, 30, "Irak"), Span("e3", "GPE", 34, 41, "Baghdad"))
    event = Event("t1", "AID", "future", Span("t1", "AID", 11, 18, "bantuan"), arguments)
    document = AnnotatedDocument("d", TEXT, entities, (event,))
    meta = meta or DocumentMeta(doc_id="d", sha256="0" * 64, source="indosum", licence="CC-BY-SA-4.0",
                                outlet="kompas", published="2017-03-02", url="http://x")
    return plover_records(document, meta, pretokenized(TEXT, [(0, len(TEXT))]),
                          lambda doc, surface: CODES.get(surface.casefold()))[0]


def test_a_complete_record_has_every_field() -> None:
    found = record(Argument("Actor", "e1"), Argument("Recipient", "e2"), Argument("Location", "e3"))
    assert tuple(found) == FIELDS and missing_fields(found) == []
    assert (found["event"], found["quad_code"], found["mode"]) == ("AID", 2, "future")
    assert found["actor"]["country"] == "USA" and found["recipient"]["country"] == "IRQ"
    assert found["event_loc"]["entity_text"] == "Baghdad" and found["text"] == "bantuan"
    assert found["text_info"]["sentence"] == TEXT and found["cite_info"]["doc_id"] == "d"


def test_an_incomplete_record_names_what_it_lacks() -> None:
    no_recipient = record(Argument("Actor", "e1"))
    assert missing_fields(no_recipient) == ["recipient: AID needs one and the event has no Recipient argument"]
    undated = record(Argument("Actor", "e1"), Argument("Recipient", "e2"),
                     meta=DocumentMeta(doc_id="d", sha256="0" * 64, source="seed", licence="x"))
    assert missing_fields(undated) == ["date: the article's date is unknown"]
    complete, incomplete = plover_jsonl([no_recipient])
    assert complete == "" and json.loads(incomplete)["missing"]


def test_every_event_type_has_a_quad_class() -> None:
    assert set(QUAD_OF) == set(EVENT_TYPES) and set(QUAD_OF.values()) == set(QUAD_CLASSES)
    assert set(RECIPIENT_REQUIRED) <= set(EVENT_TYPES)


@pytest.mark.parametrize("name", ["events.jsonl", "incomplete.jsonl"])
def test_the_built_records_follow_the_field_list(name: str) -> None:
    records = [json.loads(line) for line in (paths.DATASET / "plover" / name).read_text(encoding="utf-8").splitlines()]
    assert records
    for found in records:
        assert tuple(k for k in found if k != "missing") == FIELDS
        assert found["quad_code"] == QUAD_OF[found["event"]]
        if name == "events.jsonl":
            assert "missing" not in found and found["date"] and found["actor"]["country"]
        else:
            assert found["missing"] == missing_fields(found) and found["missing"]


def test_every_gold_event_is_exported_once() -> None:
    ids = [json.loads(line)["id"] for name in ("events.jsonl", "incomplete.jsonl")
           for line in (paths.DATASET / "plover" / name).read_text(encoding="utf-8").splitlines()]
    events = sum(len(json.loads(line)["events"]) for path in (paths.DATASET / "data" / "documents").glob("*.jsonl")
                 for line in path.read_text(encoding="utf-8").splitlines())
    assert len(ids) == len(set(ids)) == events
