"""CoNLL-2003-style files: one token per line, documents opened by -DOCSTART-.

Four columns as in CoNLL-2003 (token, two placeholder columns, tag); tools such
as conlleval read the last column::

    -DOCSTART- -X- -X- O

    BAGHDAD -X- _ B-GPE
    - -X- _ O
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
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
    return [(tokens, tags) for _, tokens, tags, _ in _blocks(text.split("\n"))]


def _blocks(lines: list[str]) -> list[tuple[int, list[str], list[str], int]]:
    """(first line number, tokens, tags, document number) of each sentence."""
    found: list[tuple[int, list[str], list[str], int]] = []
    tokens: list[str] = []
    tags: list[str] = []
    start, document = 0, 0
    for number, line in enumerate(lines, start=1):
        if line.startswith("-DOCSTART-"):
            document += 1
            continue
        if not line.strip():
            if tokens:
                found.append((start, tokens, tags, document))
                tokens, tags = [], []
            continue
        if not tokens:
            start = number
        parts = line.split()
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        found.append((start, tokens, tags, document))
    return found


def read_conll(path: Path, *, sentences: list[tuple[str, str, list[str]]],
               names: tuple[str, ...]) -> dict[str, list[str]]:
    """Tags per sentence id from a CoNLL file whose sentences follow ``sentences`` (id, doc_id, tokens) in order.

    Raises:
        IndoGeoIEError: located problems: line, sentence, token and what was expected.
    """
    from indogeoie.errors import IndoGeoIEError, Problem

    file = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise IndoGeoIEError(Problem(f"not UTF-8: byte offset {error.start}", file)) from None
    blocks = _blocks(text.replace("\r\n", "\n").split("\n"))
    problems: list[Problem] = []
    documents = len(dict.fromkeys(doc for _, doc, _ in sentences))
    if max((b[3] for b in blocks), default=0) != documents:
        problems.append(Problem(f"{max((b[3] for b in blocks), default=0)} -DOCSTART- lines for the split's "
                                f"{documents} documents", file))
    if len(blocks) != len(sentences):
        problems.append(Problem(f"{len(blocks)} sentences for the split's {len(sentences)}; a blank line ends each "
                                "sentence, in the order of `indogeoie export conll`", file))
    allowed = set(names)
    result: dict[str, list[str]] = {}
    for (line, tokens, tags, _), (sentence_id, _, gold_tokens) in zip(blocks, sentences, strict=False):
        where = f"line {line}: sentence {sentence_id}"
        if tokens != gold_tokens:
            at = next((i for i, (a, b) in enumerate(zip(tokens, gold_tokens, strict=False)) if a != b), min(len(tokens),
                                                                                              len(gold_tokens)))
            problems.append(Problem(f"{where}: token {at} is {tokens[at] if at < len(tokens) else None!r}, the "
                                    f"dataset has {gold_tokens[at] if at < len(gold_tokens) else None!r}", file))
        elif tags and all(t.isdigit() for t in tags):
            ids = [int(t) for t in tags]
            if any(i >= len(names) for i in ids):
                problems.append(Problem(f"{where}: tag id out of range 0..{len(names) - 1}", file))
            else:
                result[sentence_id] = [names[i] for i in ids]
        elif any(t not in allowed for t in tags):
            bad = next(t for t in tags if t not in allowed)
            problems.append(Problem(f"{where}: unknown tag {bad!r}", file))
        else:
            result[sentence_id] = tags
        if len(problems) >= 1000:
            break
    if problems:
        raise IndoGeoIEError(problems)
    return result
