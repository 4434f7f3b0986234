"""The generic kb checker, as the SEACrowd datahub runs on every dataset it holds.

It reads the built data files (JSON Lines) and checks, for each split:

* every ``id`` of the ``documents`` config (documents, entities, events) is unique across the split;
* every argument's ``ref_id`` resolves to an entity of its document;
* the text at each entity's and trigger's offsets equals its ``text``;
* the IOB2 tags of the ``ner`` and ``events`` configs give back exactly the
  entity and trigger spans of the ``documents`` config.

Messages name the split, the document and the span.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from indogeoie.errors import Problem
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS
from indogeoie.text.alignment import iob2_to_spans
from indogeoie.text.tokens import Token


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _kb_problems(split: str, documents: list[dict[str, Any]], file: str) -> list[Problem]:
    problems = []
    seen: dict[str, str] = {}

    def unique(identifier: str, doc_id: str) -> None:
        if identifier in seen:
            problems.append(Problem(f"split {split}: id {identifier!r} is used twice (also in doc {seen[identifier]})",
                                    file, doc_id))
        seen[identifier] = doc_id

    for doc in documents:
        doc_id, text = doc["doc_id"], doc["text"]
        unique(doc["id"], doc_id)
        entity_ids = set()
        for entity in doc["entities"]:
            unique(entity["id"], doc_id)
            entity_ids.add(entity["id"])
            for piece, (start, end) in zip(entity["text"], entity["offsets"], strict=True):
                if text[start:end] != piece:
                    problems.append(Problem(f"split {split}: entity text {piece!r} differs from the text at its "
                                            f"offsets {text[start:end]!r}", file, doc_id, entity["id"], (start, end)))
        for event in doc["events"]:
            unique(event["id"], doc_id)
            for piece, (start, end) in zip(event["trigger"]["text"], event["trigger"]["offsets"], strict=True):
                if text[start:end] != piece:
                    problems.append(Problem(f"split {split}: trigger text {piece!r} differs from the text at its "
                                            f"offsets {text[start:end]!r}", file, doc_id, event["id"], (start, end)))
            for argument in event["arguments"]:
                if argument["ref_id"] not in entity_ids:
                    problems.append(Problem(f"split {split}: argument {argument['role']} refers to "
                                            f"{argument['ref_id']!r}, which is no entity of this document", file,
                                            doc_id, event["id"]))
    return problems


def _tag_spans(rows: Iterator[dict[str, Any]], column: str,
               names: tuple[str, ...]) -> dict[str, set[tuple[int, int, str]]]:
    spans: dict[str, set[tuple[int, int, str]]] = {}
    outside = names.index("O")
    for row in rows:
        if row[column].count(outside) == len(row[column]):
            continue  # no span in this sentence: nothing to decode
        tokens = [Token(t, s, e) for t, s, e in zip(row["tokens"], row["token_starts"], row["token_ends"], strict=True)]
        found = iob2_to_spans(tokens, [names[tag] for tag in row[column]])
        spans.setdefault(row["doc_id"], set()).update(found)
    return spans


def check_split(split: str, data_files: dict[str, dict[str, Path]]) -> list[Problem]:
    """Every kb problem of one split of a built dataset (``data_files``: config -> split -> JSON Lines file)."""
    path = data_files.get("documents", {}).get(split)
    if path is None:
        return []
    documents = list(_rows(path))
    problems = _kb_problems(split, documents, str(path))
    kb_entities = {d["doc_id"]: {(s, e, x["type"]) for x in d["entities"] for s, e in x["offsets"]}
                   for d in documents}
    kb_triggers = {d["doc_id"]: {(s, e, x["type"]) for x in d["events"] for s, e in x["trigger"]["offsets"]}
                   for d in documents}
    for config, column, names, expected in (("ner", "ner_tags", NER_TAGS, kb_entities),
                                            ("events", "trigger_tags", TRIGGER_TAGS, kb_triggers)):
        tagged_path = data_files.get(config, {}).get(split)
        if tagged_path is None:
            continue
        tagged = _tag_spans(_rows(tagged_path), column, names)
        for doc_id in sorted(set(expected) | set(tagged)):
            missing = sorted(expected.get(doc_id, set()) - tagged.get(doc_id, set()))
            extra = sorted(tagged.get(doc_id, set()) - expected.get(doc_id, set()))
            if missing or extra:
                problems.append(Problem(f"split {split}: the {config} tags give {len(extra)} span(s) the "
                                        f"documents config lacks ({extra[:3]}) and lack {len(missing)} it has "
                                        f"({missing[:3]})", str(tagged_path), doc_id))
    return problems


def check_kb(data_files: dict[str, dict[str, Path]], *, processes: int = 1) -> list[Problem]:
    """Every kb problem of a built dataset.

    Args:
        data_files: config -> split -> the JSON Lines file.
        processes: check up to this many splits at once, each in its own process.
    """
    splits = sorted(data_files.get("documents", {}))
    if processes < 2 or len(splits) < 2:
        return [problem for split in splits for problem in check_split(split, data_files)]
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(min(processes, len(splits))) as pool:
        found = pool.starmap(check_split, [(split, data_files) for split in splits])
    return [problem for problems in found for problem in problems]
