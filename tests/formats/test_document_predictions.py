"""Tests for indogeoie.formats.document_predictions: one JSON object per document, read and written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from indogeoie.benchmark.metrics import Event, Events
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.document_predictions import (
    annotated_predictions,
    as_annotated,
    document_row,
    event_rows,
    read_event_predictions,
)
from indogeoie.records import Argument, Span

TEXTS = {"d1": "AS menyerang Irak .", "d2": "Iran mengecam AS ."}
ATTACK = Event("ASSAULT", 3, 12, "", (("Actor", 0, 2), ("Recipient", 13, 17)))


def write(tmp_path: Path, rows: list[Any]) -> Path:
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def attack_row() -> dict[str, Any]:
    return {"doc_id": "d1", "entities": [{"type": "GPE", "start": 13, "end": 17}, {"type": "GPE", "start": 0, "end": 2}],
            "events": [{"type": "ASSAULT", "trigger": {"start": 3, "end": 12},
                        "arguments": [{"role": "Recipient", "start": 13, "end": 17},
                                      {"role": "Actor", "start": 0, "end": 2}]}]}


def test_rows_give_events_and_entities_and_modality_may_be_left_out(tmp_path: Path) -> None:
    path = write(tmp_path, [attack_row(), {"doc_id": "d2", "entities": []}])
    events, entities = read_event_predictions(path, texts=TEXTS)
    assert events == Events({"d1": (ATTACK,)})
    assert entities == {"d1": [(13, 17, "GPE"), (0, 2, "GPE")], "d2": []}


def test_every_bad_item_is_located_by_line_document_and_position(tmp_path: Path) -> None:
    path = write(tmp_path, [
        {"doc_id": "d1", "entities": [{"type": "CITY", "start": 0, "end": 2}, {"type": "GPE", "start": 5, "end": 2},
                                      {"type": "GPE", "start": 0.0, "end": 2}, 7],
         "events": [{"type": "ASSAULT", "trigger": {"start": 3, "end": 99}},
                    {"type": "PARTY", "trigger": {"start": 3, "end": 12}},
                    {"type": "ASSAULT", "trigger": {"start": 3, "end": 12},
                     "arguments": [{"role": "Victim", "start": 0, "end": 2}]}]},
        {"doc_id": "d1", "events": []},
        {"doc_id": "d9", "events": []},
        {"id": "s1", "tags": []},
        {"doc_id": "d2", "events": 5}])
    with pytest.raises(IndoGeoIEError, match=rf"^{re.escape(str(path))}: line 1: doc 'd1': entity 0: unknown type "
                                             r"'CITY'; expected one of \['PER'") as caught:
        read_event_predictions(path, texts=TEXTS)
    assert [p.message for p in caught.value.problems][1:] == [
        "line 1: doc 'd1': entity 1: [5:2] is not a span of the text (0..19)",
        "line 1: doc 'd1': entity 2: 'start' and 'end' must be integers, not 0.0 and 2",
        "line 1: doc 'd1': entity 3: expected an object with 'start' and 'end', not int",
        "line 1: doc 'd1': event 0: trigger: [3:99] is not a span of the text (0..19)",
        "line 1: doc 'd1': event 1: unknown event type 'PARTY'",
        "line 1: doc 'd1': event 2: argument 0: unknown role 'Victim'; expected one of ['Actor', 'Recipient', "
        "'Location', 'Time', 'Instrument']",
        "line 2: doc 'd1': duplicate doc_id",
        "line 3: doc 'd9': unknown or missing doc_id; not a document of this split",
        "line 4: not a document-level row (expected 'doc_id' with 'entities' and/or 'events', and no tags key); "
        "this file mixes the two levels",
        "line 5: doc 'd2': 'events' must be a list"]


def test_every_document_must_be_predicted_unless_told_otherwise(tmp_path: Path) -> None:
    path = write(tmp_path, [{"doc_id": "d1", "events": []}])
    with pytest.raises(IndoGeoIEError, match=r"p\.jsonl: 1 document\(s\) of the split have no prediction: \['d2'\]$"):
        read_event_predictions(path, texts=TEXTS)
    assert read_event_predictions(path, texts=TEXTS, require_all=False) == (Events({"d1": ()}), None)


def test_rows_are_written_in_the_shape_they_are_read(tmp_path: Path) -> None:
    entities = {"d1": [(13, 17, "GPE"), (0, 2, "GPE")]}
    assert document_row("d1", entities["d1"], (ATTACK,))["entities"] == [{"type": "GPE", "start": 0, "end": 2},
                                                                         {"type": "GPE", "start": 13, "end": 17}]
    text = event_rows(Events({"d1": (ATTACK,)}), ["d1", "d2"], entities)
    assert [json.loads(line)["doc_id"] for line in text.splitlines()] == ["d1", "d2"]
    path = tmp_path / "again.jsonl"
    path.write_text(text, encoding="utf-8")
    events, read_entities = read_event_predictions(path, texts=TEXTS)
    assert events == Events({"d1": (ATTACK,), "d2": ()})
    assert read_entities == {"d1": [(0, 2, "GPE"), (13, 17, "GPE")], "d2": []}


def test_predictions_become_documents_with_their_own_region_ids(tmp_path: Path) -> None:
    document = as_annotated("d1", TEXTS["d1"], [(13, 17, "GPE"), (0, 2, "GPE")],
                            (Event("ASSAULT", 3, 12, "", (("Actor", 0, 2), ("Location", 5, 9))),))
    assert document.entities == (Span("pe001", "GPE", 0, 2, "AS"), Span("pe002", "GPE", 13, 17, "Irak"))
    (event,) = document.events
    assert (event.id, event.modality, event.trigger) == ("pt001", "asserted", Span("pt001", "ASSAULT", 3, 12,
                                                                                   "menyerang"))
    assert event.arguments == (Argument("Actor", "pe001"),)  # [5:9] is no predicted entity
    path = write(tmp_path, [attack_row()])
    assert list(annotated_predictions(path, texts=TEXTS)) == ["d1"]
