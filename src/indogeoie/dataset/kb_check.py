"""The generic kb checker, as the SEACrowd datahub runs on every dataset it holds.

It checks, for each split of the built data (JSON Lines):

* every ``id`` of the ``documents`` config (documents, entities, events) is unique across the split;
* every argument's ``ref_id`` resolves to an entity of its document;
* the text at each entity's and trigger's offsets equals its ``text``;
* the IOB2 tags of the ``ner`` and ``events`` configs give back exactly the
  entity and trigger spans of the ``documents`` config.

:func:`check_kb` reads a built folder's files. The build runs the same checks
on the rows it writes: :func:`document_problems` on each document's rows as
they are made (in the conversion's worker processes), then
:func:`identifier_problems` over each split, before the folder is swapped in;
a test runs :func:`check_kb` on the committed dataset.
Messages name the split, the document and the span.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from indogeoie.errors import Problem
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS
from indogeoie.text.alignment import iob2_chunks

#: The sentence-level configs checked against the documents config: config -> (tag column, tag names).
TAGGED = {"ner": ("ner_tags", NER_TAGS), "events": ("trigger_tags", TRIGGER_TAGS)}


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def document_ids(document: dict[str, Any]) -> list[str]:
    """Every id a ``documents`` row declares: its own, its entities' and its events'."""
    return [document["id"], *(e["id"] for e in document["entities"]), *(e["id"] for e in document["events"])]


def identifier_problems(split: str, ids: Iterable[tuple[str, str]], *, file: str) -> list[Problem]:
    """Ids used more than once in a split; ``ids`` holds ``(id, doc_id)`` pairs in file order."""
    problems = []
    seen: dict[str, str] = {}
    for identifier, doc_id in ids:
        if identifier in seen:
            problems.append(Problem(f"split {split}: id {identifier!r} is used twice (also in doc {seen[identifier]})",
                                    file, doc_id))
        seen[identifier] = doc_id
    return problems


def _tag_spans(rows: Iterable[dict[str, Any]], column: str, names: tuple[str, ...]) -> set[tuple[int, int, str]]:
    spans: set[tuple[int, int, str]] = set()
    outside = names.index("O")
    for row in rows:
        if row[column].count(outside) == len(row[column]):
            continue  # no span in this sentence: nothing to decode
        starts, ends = row["token_starts"], row["token_ends"]
        if not len(row["tokens"]) == len(starts) == len(ends) == len(row[column]):
            raise ValueError(f"sentence {row.get('id')!r}: tokens, offsets and {column} differ in length")
        spans.update((starts[first], ends[last - 1], label)
                     for first, last, label in iob2_chunks([names[tag] for tag in row[column]]))
    return spans


def document_problems(split: str, document: dict[str, Any], tagged: dict[str, list[dict[str, Any]]], *,
                      file: str) -> list[Problem]:
    """The kb problems inside one document: span texts at their offsets, argument ``ref_id``s, tags against spans.

    Args:
        split: its split, for messages.
        document: its row of the ``documents`` config.
        tagged: config (``ner``, ``events``) -> its sentence rows; a config left out is not compared.
        file: the file named in messages.
    """
    problems = []
    doc_id, text = document["doc_id"], document["text"]
    entity_ids = {entity["id"] for entity in document["entities"]}
    for entity in document["entities"]:
        for piece, (start, end) in zip(entity["text"], entity["offsets"], strict=True):
            if text[start:end] != piece:
                problems.append(Problem(f"split {split}: entity text {piece!r} differs from the text at its "
                                        f"offsets {text[start:end]!r}", file, doc_id, entity["id"], (start, end)))
    for event in document["events"]:
        for piece, (start, end) in zip(event["trigger"]["text"], event["trigger"]["offsets"], strict=True):
            if text[start:end] != piece:
                problems.append(Problem(f"split {split}: trigger text {piece!r} differs from the text at its "
                                        f"offsets {text[start:end]!r}", file, doc_id, event["id"], (start, end)))
        for argument in event["arguments"]:
            if argument["ref_id"] not in entity_ids:
                problems.append(Problem(f"split {split}: argument {argument['role']} refers to "
                                        f"{argument['ref_id']!r}, which is no entity of this document", file,
                                        doc_id, event["id"]))
    expected = {"ner": {(s, e, x["type"]) for x in document["entities"] for s, e in x["offsets"]},
                "events": {(s, e, x["type"]) for x in document["events"] for s, e in x["trigger"]["offsets"]}}
    for config, rows in tagged.items():
        column, names = TAGGED[config]
        try:
            found = _tag_spans(rows, column, names)
        except ValueError as error:
            problems.append(Problem(f"split {split}: {config} rows: {error}", file, doc_id))
            continue
        missing, extra = sorted(expected[config] - found), sorted(found - expected[config])
        if missing or extra:
            problems.append(Problem(f"split {split}: the {config} tags give {len(extra)} span(s) the documents "
                                    f"config lacks ({extra[:3]}) and lack {len(missing)} it has ({missing[:3]})",
                                    file, doc_id))
    return problems


def check_split(split: str, data_files: dict[str, dict[str, Path]]) -> list[Problem]:
    """Every kb problem of one split of a built dataset (``data_files``: config -> split -> JSON Lines file)."""
    path = data_files.get("documents", {}).get(split)
    if path is None:
        return []
    documents = list(_rows(path))
    tagged: dict[str, dict[str, list[dict[str, Any]]]] = {}  # config -> doc_id -> sentence rows
    problems: list[Problem] = []
    for config in TAGGED:
        tagged_path = data_files.get(config, {}).get(split)
        if tagged_path is None:
            continue
        by_document = tagged.setdefault(config, {})
        for row in _rows(tagged_path):
            by_document.setdefault(row["doc_id"], []).append(row)
        known = {d["doc_id"] for d in documents}
        problems += [Problem(f"split {split}: {config} rows of a document the documents config lacks",
                             str(tagged_path), doc_id) for doc_id in sorted(set(by_document) - known)]
    for document in documents:
        rows = {config: by_document.get(document["doc_id"], []) for config, by_document in tagged.items()}
        problems += document_problems(split, document, rows, file=str(path))
    ids = [(identifier, d["doc_id"]) for d in documents for identifier in document_ids(d)]
    return problems + identifier_problems(split, ids, file=str(path))


def check_kb(data_files: dict[str, dict[str, Path]]) -> list[Problem]:
    """Every kb problem of a built dataset.

    Args:
        data_files: config -> split -> the JSON Lines file.
    """
    return [problem for split in sorted(data_files.get("documents", {})) for problem in check_split(split, data_files)]
