"""The Hugging Face features of every config, and the card's ``dataset_info`` entries made from them.

ClassLabel names come from the schema. The entries are serialised by the
datasets library itself; ``indogeoie config`` commits them
(:data:`indogeoie.paths.DATASET_INFO`), so that a build does not import it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.hf import CONFIGS
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, NER_TAGS, ROLES, TRIGGER_TAGS


def features() -> dict[str, Any]:
    """The Hugging Face features of every config, ClassLabel names from the schema.

    Built on demand: importing the datasets library takes a while, and only
    ``indogeoie config`` (which writes the card's entries) and the loaders need it.
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
    """Every ClassLabel's names in id order; a malformed one as ``("<malformed>",)``, which no schema list equals."""
    if isinstance(node, dict):
        if "class_label" in node:
            label = node["class_label"]
            names = label.get("names") if isinstance(label, dict) else None
            if isinstance(names, dict) and all(isinstance(k, str) and k.isdigit() for k in names):
                yield tuple(str(names[key]) for key in sorted(names, key=int))
            else:
                yield ("<malformed>",)
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
