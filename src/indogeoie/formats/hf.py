"""The Hugging Face dataset format: features, rows, splits and the dataset card.

``dataset/`` is a Hugging Face dataset repository folder with no loading
script: a README.md card whose YAML declares ``configs`` (data files per split)
and ``dataset_info`` (features, ClassLabel names from the schema), JSON Lines
data files, CHANGELOG.md and MANIFEST.sha256. A row of the ``ner`` config::

    {"id": "002_a9b487edf7c1dd88-004", "doc_id": "002_a9b487edf7c1dd88", "sentence_index": 4,
     "start": 310, "end": 523, "fold": 2, "tokens": ["BAGHDAD", "-", ...],
     "token_starts": [310, 318, ...], "token_ends": [317, 319, ...], "ner_tags": [7, 0, ...]}

ClassLabel columns hold label ids in the files; ``load_dataset`` maps them to
the names declared in the card.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
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

def features() -> dict[str, Any]:
    """The Hugging Face features of every config, ClassLabel names from the schema.

    Built on demand: importing the datasets library takes a while, and only the
    card and the loaders need it.
    """
    from datasets import ClassLabel, Features, List, Value

    ner_tag = ClassLabel(names=list(NER_TAGS))
    trigger_tag = ClassLabel(names=list(TRIGGER_TAGS))
    event_type = ClassLabel(names=list(EVENT_TYPES))
    entity_type = ClassLabel(names=list(ENTITY_TYPES))
    role = ClassLabel(names=list(ROLES))
    modality = ClassLabel(names=list(MODALITIES))
    kb_text = {"text": List(Value("string")), "offsets": List(List(Value("int32")))}
    provenance = {"corpus": Value("string"), "citation": Value("string"), "repository": Value("string"),
                  "commit": Value("string"), "file": Value("string"), "line": Value("int32"),
                  "record_id": Value("string"), "also_in": List(Value("string"))}

    sentence_columns = {
        "id": Value("string"),
        "doc_id": Value("string"),
        "sentence_index": Value("int32"),
        "start": Value("int32"),
        "end": Value("int32"),
        "fold": Value("int32"),
        "tokens": List(Value("string")),
        "token_starts": List(Value("int32")),
        "token_ends": List(Value("int32")),
    }

    return {
        "ner": Features({**sentence_columns, "ner_tags": List(ner_tag)}),
        "events": Features({
            **sentence_columns,
            "trigger_tags": List(trigger_tag),
            "events": List({
                "id": Value("string"),
                "type": event_type,
                "modality": modality,
                "trigger": {"text": Value("string"), "start": Value("int32"), "end": Value("int32"),
                            "token_start": Value("int32"), "token_end": Value("int32")},
                "arguments": List({
                    "role": role,
                    "ref_id": Value("string"),
                    "entity_type": entity_type,
                    "text": Value("string"),
                    "start": Value("int32"),
                    "end": Value("int32"),
                    "in_sentence": Value("bool"),
                    "token_start": Value("int32"),
                    "token_end": Value("int32"),
                }),
            }),
        }),
        "documents": Features({
            "id": Value("string"),
            "doc_id": Value("string"),
            "fold": Value("int32"),
            "text": Value("string"),
            "metadata": {
                "source": Value("string"),
                "licence": Value("string"),
                "outlet": Value("string"),
                "published": Value("string"),
                "published_inferred": Value("bool"),
                "published_reason": Value("string"),
                "url": Value("string"),
                "language": Value("string"),
                "sha256": Value("string"),
                "provenance": provenance,
            },
            "entities": List({"id": Value("string"), "type": Value("string"), **kb_text,
                              "normalized": List({"db_name": Value("string"), "db_id": Value("string")})}),
            "events": List({
                "id": Value("string"),
                "type": Value("string"),
                "modality": Value("string"),
                "trigger": kb_text,
                "arguments": List({"role": Value("string"), "ref_id": Value("string")}),
            }),
        }),
    }




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


def dataset_info_yaml(config: str) -> dict[str, Any]:
    """The ``dataset_info`` entry of one config, serialised by the datasets library itself."""
    from datasets import DatasetInfo

    entry = DatasetInfo(features=features()[config], config_name=config)._to_yaml_dict()
    return {"config_name": config, **{k: v for k, v in entry.items() if k != "config_name"}}


def dataset_info_entries() -> list[dict[str, Any]]:
    """The ``dataset_info`` entries of every config, in :data:`CONFIGS` order, computed by the datasets library."""
    return [dataset_info_yaml(config) for config in CONFIGS]


def dataset_info_json() -> str:
    """:func:`dataset_info_entries` as the JSON that ``indogeoie config`` commits (``paths.DATASET_INFO``).

    The entries depend only on the schema and the pinned datasets library.
    Importing that library costs a build about a second of processor time, so
    the build reads the committed file, which ``indogeoie config --check`` (in
    ``make test``) and a test keep equal to a fresh computation.
    """
    return json.dumps(dataset_info_entries(), ensure_ascii=False, indent=1) + "\n"


def _class_label_names(node: Any) -> Iterator[tuple[str, ...]]:
    if isinstance(node, dict):
        if "class_label" in node:
            names = node["class_label"].get("names", {})
            yield tuple(names[key] for key in sorted(names, key=int))
        for value in node.values():
            yield from _class_label_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _class_label_names(value)


def stored_dataset_info(path: Path) -> list[dict[str, Any]]:
    """The committed ``dataset_info`` entries, checked against the schema's label lists.

    Raises:
        IndoGeoIEError: the file is missing or malformed, or its label names are not the schema's
            (the schema changed since ``indogeoie config`` last ran).
    """
    stale = "; run `indogeoie config` to regenerate it from the schema"
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise IndoGeoIEError(Problem(f"cannot read the card's features entries ({error}){stale}", str(path))) from None
    if not (isinstance(entries, list) and [e.get("config_name") for e in entries if isinstance(e, dict)]
            == list(CONFIGS)):
        raise IndoGeoIEError(Problem(f"expected one entry per config {list(CONFIGS)}{stale}", str(path)))
    found = set(_class_label_names(entries))
    expected = {NER_TAGS, TRIGGER_TAGS, EVENT_TYPES, ENTITY_TYPES, ROLES, MODALITIES}
    if found != expected:
        raise IndoGeoIEError(Problem(f"its class label names differ from the schema's{stale}", str(path)))
    return entries


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
