"""The Hugging Face dataset format: the configs, their rows and the data files.

``dataset/`` is a Hugging Face dataset repository folder with no loading
script: a README.md card whose YAML declares ``configs`` (data files per split)
and ``dataset_info`` (:mod:`indogeoie.formats.hf_features`), JSON Lines
data files, CHANGELOG.md and MANIFEST.sha256. A row of the ``ner`` config::

    {"id": "002_a9b487edf7c1dd88-004", "doc_id": "002_a9b487edf7c1dd88", "sentence_index": 4,
     "start": 310, "end": 523, "fold": 2, "tokens": ["BAGHDAD", "-", ...],
     "token_starts": [310, 318, ...], "token_ends": [317, 319, ...], "ner_tags": [7, 0, ...]}

ClassLabel columns hold label ids in the files; ``load_dataset`` maps them to
the names declared in the card.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import orjson

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.metadata import DocumentMeta
from indogeoie.records import AnnotatedDocument, Event, Span
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, NER_TAGS, ROLES, TRIGGER_TAGS
from indogeoie.text.alignment import spans_to_iob2
from indogeoie.text.tokens import TokenizedText

CONFIGS = ("ner", "events", "documents")
#: The sentence-level configs and the column that holds their IOB2 tags.
TAG_COLUMNS = {"ner": "ner_tags", "events": "trigger_tags"}
PROVENANCE_KEYS = ("corpus", "citation", "repository", "commit", "file", "line", "record_id", "also_in")
_NER_ID = {tag: i for i, tag in enumerate(NER_TAGS)}
_TRIGGER_ID = {tag: i for i, tag in enumerate(TRIGGER_TAGS)}

def json_lines(rows: list[dict[str, Any]]) -> bytes:
    """Rows as the data files hold them: one compact JSON object per line, UTF-8, keys in the rows' order.

    The bytes are those of ``json.dumps(row, ensure_ascii=False, separators=(",", ":"))``
    (tested); orjson writes them in a quarter of the time, which a build of
    thousands of documents notices.
    """
    return b"".join(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE) for row in rows)


def data_file(config: str, split: str, fingerprint: str) -> str:
    """Relative path of one data file: ``data/<config>/<split>-<fingerprint[:12]>.jsonl``."""
    return f"data/{config}/{split}-{fingerprint[:12]}.jsonl"


def _token_columns(tokenized: TokenizedText, first: int, last: int) -> dict[str, list[Any]]:
    tokens = tokenized.tokens[first:last]
    return {"tokens": [t.text for t in tokens], "token_starts": [t.start for t in tokens],
            "token_ends": [t.end for t in tokens]}


def dataset_rows(document: AnnotatedDocument, meta: DocumentMeta | None, fold: int,
                 *, tokenized: TokenizedText, file: str = "",
                 normalized: dict[str, list[dict[str, str]]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of every config for one validated document.

    Args:
        document: a document that passed :func:`indogeoie.annotation.validate.validate_document`.
        meta: its provenance (None: all unknown).
        fold: its cross-validation fold.
        tokenized: its tokens and sentences.
        file: where it came from, for messages.
        normalized: per entity id, its kb ``normalized`` list (actor codes).
    """
    entities = document.entity_by_id()
    ner_rows, event_rows = [], []
    problems: list[Problem] = []
    entities_in: dict[int, list[Span]] = {}
    events_in: dict[int, list[Event]] = {}
    for entity in document.entities:
        entities_in.setdefault(tokenized.sentence_of(entity.start), []).append(entity)
    for event in document.events:
        events_in.setdefault(tokenized.sentence_of(event.trigger.start), []).append(event)
    for index, sentence in enumerate(tokenized.sentences):
        tokens = tokenized.tokens[sentence.first:sentence.last]
        inside = [e for e in entities_in.get(index, ()) if e.end <= sentence.end]
        events = [ev for ev in events_in.get(index, ()) if ev.trigger.end <= sentence.end]
        ner = spans_to_iob2(tokens, inside, doc_id=document.doc_id)
        triggers = spans_to_iob2(tokens, [ev.trigger for ev in events], doc_id=document.doc_id)
        for span in ner.misaligned + triggers.misaligned:
            problems.append(Problem(f"span {span.text!r} is not aligned to tokens; it cannot be tagged",
                                    file, document.doc_id, span.id, (span.start, span.end)))
        base = {"id": f"{document.doc_id}-{index:03d}", "doc_id": document.doc_id,
                "sentence_index": index, "start": sentence.start, "end": sentence.end, "fold": fold,
                **_token_columns(tokenized, sentence.first, sentence.last)}
        ner_rows.append({**base, "ner_tags": [_NER_ID[t] for t in ner.tags]})
        row_events = []
        for event in events:
            first, last = triggers.token_spans.get(event.id, (-1, -1))
            arguments = []
            for argument in event.arguments:
                filler = entities[argument.ref_id]
                in_sentence = sentence.start <= filler.start and filler.end <= sentence.end
                a_first, a_last = ner.token_spans.get(filler.id, (-1, -1)) if in_sentence else (-1, -1)
                arguments.append({"role": ROLES.index(argument.role), "ref_id": argument.ref_id,
                                  "entity_type": ENTITY_TYPES.index(filler.label), "text": filler.text,
                                  "start": filler.start, "end": filler.end, "in_sentence": in_sentence,
                                  "token_start": a_first, "token_end": a_last})
            row_events.append({
                "id": event.id, "type": EVENT_TYPES.index(event.type),
                "modality": MODALITIES.index(event.modality),
                "trigger": {"text": event.trigger.text, "start": event.trigger.start,
                            "end": event.trigger.end, "token_start": first, "token_end": last},
                "arguments": arguments,
            })
        event_rows.append({**base, "trigger_tags": [_TRIGGER_ID[t] for t in triggers.tags],
                           "events": row_events})
    if problems:
        raise IndoGeoIEError(problems)
    return {"ner": ner_rows, "events": event_rows, "documents": [kb_row(document, meta, fold, normalized or {})]}


def kb_id(doc_id: str, region: str) -> str:
    """A ``documents`` id, unique across the dataset as the kb schema requires: ``<doc_id>-<region id>``."""
    return f"{doc_id}-{region}"


def _metadata_row(meta: DocumentMeta | None) -> dict[str, Any]:
    if meta is None:
        return {"source": None, "licence": None, "outlet": None, "published": None, "published_inferred": False,
                "published_reason": None, "url": None, "language": "ind", "sha256": None, "provenance": None}
    provenance = None
    if meta.provenance is not None:
        provenance = {key: meta.provenance.get(key) for key in PROVENANCE_KEYS}
    return {"source": meta.source, "licence": meta.licence, "outlet": meta.outlet, "published": meta.published,
            "published_inferred": meta.published_inferred, "published_reason": meta.published_reason,
            "url": meta.url, "language": meta.language, "sha256": meta.sha256, "provenance": provenance}


def kb_row(document: AnnotatedDocument, meta: DocumentMeta | None, fold: int,
           normalized: dict[str, list[dict[str, str]]] | None = None) -> dict[str, Any]:
    """The ``documents`` row of one document: the SEACrowd/BigBIO kb shape, ids unique across the dataset."""
    doc = document.doc_id
    return {
        "id": doc, "doc_id": doc, "fold": fold, "text": document.text, "metadata": _metadata_row(meta),
        "entities": [{"id": kb_id(doc, e.id), "type": e.label, "text": [e.text], "offsets": [[e.start, e.end]],
                      "normalized": (normalized or {}).get(e.id, [])} for e in document.entities],
        "events": [{"id": kb_id(doc, ev.id), "type": ev.type, "modality": ev.modality,
                    "trigger": {"text": [ev.trigger.text], "offsets": [[ev.trigger.start, ev.trigger.end]]},
                    "arguments": [{"role": a.role, "ref_id": kb_id(doc, a.ref_id)} for a in ev.arguments]}
                   for ev in document.events],
    }


@dataclass(frozen=True)
class SplitStats:
    """Counts for the dataset card."""

    documents: int
    sentences: int
    tokens: int
    entities: Counter[str]
    events: Counter[str]
    arguments: int
