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

from collections import Counter
from dataclasses import dataclass
from typing import Any

from indogeoie.text.alignment import spans_to_iob2
from indogeoie.formats.articles import ArticleMeta
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.records import AnnotatedDocument, Event, Span
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, NER_TAGS, ROLES, TRIGGER_TAGS
from indogeoie.text.tokens import TokenizedText, tokenize

CONFIGS = ("ner", "events", "documents")
_NER_ID = {tag: i for i, tag in enumerate(NER_TAGS)}
_TRIGGER_ID = {tag: i for i, tag in enumerate(TRIGGER_TAGS)}
SPLITS = ("train", "validation", "test")

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
                "outlet": Value("string"),
                "published": Value("string"),
                "published_inferred": Value("bool"),
                "published_reason": Value("string"),
                "url": Value("string"),
                "language": Value("string"),
                "sha256": Value("string"),
            },
            "entities": List({"id": Value("string"), "type": Value("string"), **kb_text}),
            "events": List({
                "id": Value("string"),
                "type": Value("string"),
                "modality": Value("string"),
                "trigger": kb_text,
                "arguments": List({"role": Value("string"), "ref_id": Value("string")}),
            }),
        }),
    }




def data_file(config: str, split: str, fingerprint: str) -> str:
    """Relative path of one data file: ``data/<config>/<split>-<fingerprint[:12]>.jsonl``."""
    return f"data/{config}/{split}-{fingerprint[:12]}.jsonl"


def dataset_info_yaml(config: str, version: str) -> dict[str, Any]:
    """The ``dataset_info`` entry of one config, serialised by the datasets library itself."""
    from datasets import DatasetInfo

    info = DatasetInfo(features=features()[config], config_name=config, version=version)
    entry = info._to_yaml_dict()
    entry.pop("version", None)  # the version lives in the configs entry
    return {"config_name": config, **{k: v for k, v in entry.items() if k != "config_name"}}


@dataclass(frozen=True)
class SplitPlan:
    """Which split each document is in, its fold, and why."""

    split_of: dict[str, str]
    fold_of: dict[str, int]
    order: tuple[str, ...]  # doc_ids from oldest to newest


def temporal_split(metas: dict[str, ArticleMeta | None]) -> SplitPlan:
    """Train on the older articles, validate and test on the newest.

    Documents are ordered by publication date (undated first, ties by doc_id); a date
    known only to the month or year sorts after every full date inside it, as it may be
    as late as the end of that period.
    The newest fifth (at least one) is test, the fifth before it (at least one,
    when there are three or more documents) validation, the rest train. Folds
    are leave-one-document-out: fold k holds out the k-th document by doc_id.
    """
    def key(doc_id: str) -> tuple[str, str]:
        meta = metas.get(doc_id)
        published = (meta.published or "") if meta else ""
        if published and len(published) < len("YYYY-MM-DD"):
            published += "~"  # after any longer date with the same prefix
        return (published, doc_id)

    order = sorted(metas, key=key)
    n = len(order)
    n_test = max(1, round(n / 5)) if n >= 2 else 0
    n_validation = max(1, round(n / 5)) if n >= 3 else 0
    split_of = {}
    for index, doc_id in enumerate(order):
        if index >= n - n_test:
            split_of[doc_id] = "test"
        elif index >= n - n_test - n_validation:
            split_of[doc_id] = "validation"
        else:
            split_of[doc_id] = "train"
    fold_of = {doc_id: i for i, doc_id in enumerate(sorted(metas))}
    return SplitPlan(split_of, fold_of, tuple(order))


def _token_columns(tokenized: TokenizedText, first: int, last: int) -> dict[str, list[Any]]:
    tokens = tokenized.tokens[first:last]
    return {"tokens": [t.text for t in tokens], "token_starts": [t.start for t in tokens],
            "token_ends": [t.end for t in tokens]}


def document_rows(document: AnnotatedDocument, meta: ArticleMeta | None, fold: int,
                  *, file: str = "", tokenized: TokenizedText | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of every config for one document.

    Args:
        document: a validated document.
        meta: its provenance (None: all unknown).
        fold: its leave-one-document-out fold.
        file: where it came from, for messages.
        tokenized: its tokens, when the caller has them already.
    """
    tokenized = tokenized or tokenize(document.text)
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
    sentences = tokenized.sentences
    outside = [s for s in (*document.entities, *(e.trigger for e in document.events))
               if not sentences or s.end > sentences[tokenized.sentence_of(s.start)].end
               or s.start < sentences[tokenized.sentence_of(s.start)].start]
    for span in outside:
        problems.append(Problem(f"span {span.text!r} crosses a sentence boundary", file,
                                document.doc_id, span.id, (span.start, span.end)))
    if problems:
        raise IndoGeoIEError(problems)
    meta_record = {"outlet": None, "published": None, "published_inferred": False, "published_reason": None,
                   "url": None, "language": "ind", "sha256": None}
    if meta is not None:
        meta_record.update({k: getattr(meta, k) for k in meta_record})
    document_row = {
        "id": document.doc_id, "doc_id": document.doc_id, "fold": fold, "text": document.text,
        "metadata": meta_record,
        "entities": [{"id": e.id, "type": e.label, "text": [e.text], "offsets": [[e.start, e.end]]}
                     for e in document.entities],
        "events": [{"id": ev.id, "type": ev.type, "modality": ev.modality,
                    "trigger": {"text": [ev.trigger.text], "offsets": [[ev.trigger.start, ev.trigger.end]]},
                    "arguments": [{"role": a.role, "ref_id": a.ref_id} for a in ev.arguments]}
                   for ev in document.events],
    }
    return {"ner": ner_rows, "events": event_rows, "documents": [document_row]}


@dataclass(frozen=True)
class SplitStats:
    """Counts for the dataset card."""

    documents: int
    sentences: int
    tokens: int
    entities: Counter[str]
    events: Counter[str]
    arguments: int
