"""PLOVER 2.0 event records: one JSON object per event, with normalised actors.

The fields follow the PLOVER manual's data interchange specification::

    {"id": "021_c92899f2d6b088d1-t004", "date": "2016-01-14", "date_inferred": false,
     "event": "ASSAULT", "quad_code": 4, "quad_class": "material conflict", "mode": "",
     "actor": {"entity_text": "ISIS", "entity_type": "ORG", "country": null, "sector": "REB",
               "no_country": "...", "start": 10, "end": 14},
     "recipient": {...}, "event_loc": {"entity_text": "Jakarta", "country": "IDN", ...},
     "text": "menyerang", "text_info": {"start": 15, "end": 24, "sentence": "...", "sentence_start": 0, ...},
     "cite_info": {"doc_id": "...", "source": "indosum", "outlet": "...", "url": "...", "licence": "..."}}

An event has one record. When it has several Actors (or Recipients), the
first in the text fills ``actor`` and the others are listed in
``other_actors`` (``other_recipients``). ``mode`` comes from the modality
(``negation``, ``future``, ``hypothetical``; empty when asserted).

A record is complete when it has a date, an actor with a country, and, for
the event types that need one (COOPERATE, AID, SANCTION), a recipient with a
country. :func:`missing_fields` says what an incomplete record lacks; the
export writes incomplete records apart with that list, never drops them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from indogeoie.annotation.actors import Normalised
from indogeoie.formats.metadata import DocumentMeta
from indogeoie.records import AnnotatedDocument, Span
from indogeoie.schema import ACTOR, LOCATION, PLOVER_MODE, QUAD_CLASSES, QUAD_OF, RECIPIENT, RECIPIENT_REQUIRED
from indogeoie.text.tokens import TokenizedText

Normaliser = Callable[[str, str], Normalised | None]  # (doc_id, surface) -> codes
#: The fields every record has (values may be null in an incomplete record).
FIELDS = ("id", "date", "date_inferred", "event", "quad_code", "quad_class", "mode", "actor", "recipient",
          "other_actors", "other_recipients", "event_loc", "text", "text_info", "cite_info", "split")


def _entity(span: Span, doc_id: str, normalise: Normaliser) -> dict[str, Any]:
    found = normalise(doc_id, span.text)
    return {"entity_text": span.text, "entity_type": span.label,
            "country": found.country if found else None, "sector": found.sector if found else None,
            "no_country": (found.reason if found else "no rule of the actor table covers this mention") or None,
            "start": span.start, "end": span.end}


def missing_fields(record: dict[str, Any]) -> list[str]:
    """Why a record is incomplete: one entry per missing required field (empty when complete)."""
    missing = []
    if not record["date"]:
        missing.append("date: the article's date is unknown")
    actor = record["actor"]
    if actor is None:
        missing.append("actor: the event has no Actor argument")
    elif actor["country"] is None:
        missing.append(f"actor.country: {actor['no_country']}")
    if record["event"] in RECIPIENT_REQUIRED:
        recipient = record["recipient"]
        if recipient is None:
            missing.append(f"recipient: {record['event']} needs one and the event has no Recipient argument")
        elif recipient["country"] is None:
            missing.append(f"recipient.country: {recipient['no_country']}")
    return missing


def plover_records(document: AnnotatedDocument, meta: DocumentMeta | None, tokenized: TokenizedText,
                   normalise: Normaliser, *, split: str | None = None) -> list[dict[str, Any]]:
    """The PLOVER record of every event of one document, in text order."""
    entities = document.entity_by_id()
    records = []
    for event in sorted(document.events, key=lambda e: (e.trigger.start, e.id)):
        roles: dict[str, list[Span]] = {}
        for argument in event.arguments:
            roles.setdefault(argument.role, []).append(entities[argument.ref_id])
        actors, recipients, places = (sorted(roles.get(r, []), key=lambda s: s.start)
                                      for r in (ACTOR, RECIPIENT, LOCATION))
        sentence = tokenized.sentences[tokenized.sentence_of(event.trigger.start)]
        records.append({
            "id": f"{document.doc_id}-{event.id}",
            "date": meta.published if meta else None,
            "date_inferred": meta.published_inferred if meta else None,
            "event": event.type, "quad_code": QUAD_OF[event.type], "quad_class": QUAD_CLASSES[QUAD_OF[event.type]],
            "mode": PLOVER_MODE.get(event.modality, ""),
            "actor": _entity(actors[0], document.doc_id, normalise) if actors else None,
            "recipient": _entity(recipients[0], document.doc_id, normalise) if recipients else None,
            "other_actors": [_entity(s, document.doc_id, normalise) for s in actors[1:]],
            "other_recipients": [_entity(s, document.doc_id, normalise) for s in recipients[1:]],
            "event_loc": _entity(places[0], document.doc_id, normalise) if places else None,
            "text": event.trigger.text,
            "text_info": {"start": event.trigger.start, "end": event.trigger.end,
                          "sentence": document.text[sentence.start:sentence.end],
                          "sentence_start": sentence.start, "sentence_end": sentence.end},
            "cite_info": {"doc_id": document.doc_id, "source": meta.source if meta else None,
                          "outlet": meta.outlet if meta else None, "url": meta.url if meta else None,
                          "licence": meta.licence if meta else None},
            "split": split,
        })
    return records


def plover_jsonl(records: list[dict[str, Any]]) -> tuple[str, str]:
    """(complete records, incomplete records each with its ``missing`` list), as JSON Lines."""
    complete: list[str] = []
    incomplete: list[str] = []
    for record in records:
        missing = missing_fields(record)
        line = json.dumps({**record, "missing": missing} if missing else record, ensure_ascii=False)
        (incomplete if missing else complete).append(line + "\n")
    return "".join(complete), "".join(incomplete)
