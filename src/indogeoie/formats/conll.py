"""CoNLL-2003-style files: one token per line, documents opened by -DOCSTART-.

Four columns as in CoNLL-2003 (token, two placeholder columns, tag); tools such
as conlleval read the last column::

    -DOCSTART- -X- -X- O

    BAGHDAD -X- _ B-GPE
    - -X- _ O
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from indogeoie.schema import NER_TAGS, TRIGGER_TAGS

DOCSTART = "-DOCSTART- -X- -X- O"
TAG_COLUMN = {"ner": ("ner_tags", NER_TAGS), "events": ("trigger_tags", TRIGGER_TAGS)}


def rows_to_conll(rows: Iterable[dict[str, Any]], *, config: str) -> str:
    """CoNLL text for sentence rows of the ``ner`` or ``events`` config (ordered by doc, sentence)."""
    column, names = TAG_COLUMN[config]
    lines: list[str] = []
    current_doc = None
    for row in rows:
        if row["doc_id"] != current_doc:
            lines += [DOCSTART, ""]
            current_doc = row["doc_id"]
        for token, tag in zip(row["tokens"], row[column], strict=True):
            # A token never holds whitespace (the tokenizer splits on it), so columns stay aligned.
            lines.append(f"{token} -X- _ {names[tag]}")
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")


def conll_to_sentences(text: str) -> list[tuple[list[str], list[str]]]:
    """Read CoNLL text back into (tokens, tags) per sentence; -DOCSTART- lines are skipped."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in text.split("\n"):
        if line.startswith("-DOCSTART-"):
            continue
        if not line:
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        parts = line.split(" ")
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        sentences.append((tokens, tags))
    return sentences
