"""Sentence-level prediction files, and the JSON Lines reading every prediction reader shares.

**Sentence level** (``ner`` or ``events`` config): one JSON object per line and
per example id of the split; tags as names or as the dataset's integer ids,
under exactly one of ``tags``, ``ner_tags`` (ner) or ``trigger_tags`` (events)::

    {"id": "004_8ad9ae01f34e4272-003", "tags": ["O", "B-GPE", "I-GPE", "O"]}
    {"id": "004_8ad9ae01f34e4272-004", "tags": [0, 7, 8, 0]}

Document-level predictions are read by :mod:`indogeoie.formats.document_predictions`.

Every problem is reported with the file, the line or id and the position;
reading goes on to list them all, up to :data:`MAX_PROBLEMS`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.strict_json import json_problem, loads_strict
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS

if TYPE_CHECKING:
    pass

TAGS = {"ner": NER_TAGS, "events": TRIGGER_TAGS}
TAG_KEYS = {"ner": ("tags", "ner_tags"), "events": ("tags", "trigger_tags")}
ALL_TAG_KEYS = ("tags", "ner_tags", "trigger_tags")
#: A line longer than this is refused: a sentence's tags or a document's events take kilobytes.
MAX_LINE_BYTES = 16 * 1024 * 1024
#: After this many problems the rest are counted, not listed.
MAX_PROBLEMS = 1000
Span = tuple[int, int, str]


def json_lines(path: Path) -> Iterator[tuple[int, Any, Problem | None]]:
    """(line number, parsed object or None, problem or None) for each non-blank line, read strictly."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise IndoGeoIEError(Problem(f"cannot read: {error.strerror}", str(path))) from None
    with handle:
        number = 0
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                yield number, None, Problem(f"line {number}: longer than {MAX_LINE_BYTES // (1024 * 1024)} MB; "
                                            "refused (one line holds one sentence or one document)", str(path))
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line without keeping it
                    raw = handle.readline(MAX_LINE_BYTES)
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                yield number, None, Problem("line 1: starts with a UTF-8 byte-order mark; expected plain "
                                            "UTF-8 JSON Lines", str(path))
                continue
            if not raw.strip():
                continue
            try:
                yield number, loads_strict(raw.decode("utf-8")), None
            except UnicodeDecodeError as error:
                yield number, None, Problem(f"line {number}: not UTF-8 (byte {error.start} of the line)", str(path))
            except json.JSONDecodeError as error:
                yield number, None, Problem(f"line {number}: invalid JSON: {error.msg} at column {error.colno}",
                                            str(path))
            except (ValueError, RecursionError) as error:
                yield number, None, Problem(f"line {number}: {json_problem(error, file=None).message}", str(path))


class Problems(list[Problem]):
    """A problem list that stops growing at MAX_PROBLEMS and says how many more there were."""

    dropped = 0

    def add(self, problem: Problem) -> None:
        if len(self) < MAX_PROBLEMS:
            self.append(problem)
        else:
            self.dropped += 1

    def raise_if_any(self, file: str) -> None:
        if self.dropped:
            self.append(Problem(f"... and {self.dropped} more problems (only the first {MAX_PROBLEMS} are listed)",
                                file))
        if self:
            raise IndoGeoIEError(list(self))


def is_document_level(row: object) -> bool:
    """Whether a row declares document-level predictions: ``entities`` or ``events``, and no tags key."""
    return isinstance(row, dict) and ("entities" in row or "events" in row) and not any(k in row for k in ALL_TAG_KEYS)


def _tag_names(tags: object, names: tuple[str, ...]) -> list[str] | str:
    """Tag names from names or integer ids, or why not."""
    if not isinstance(tags, list):
        return f"expected a list of tags, not {type(tags).__name__}"
    if all(isinstance(t, str) for t in tags):
        return tags  # type: ignore[return-value]
    if all(isinstance(t, int) and not isinstance(t, bool) for t in tags):
        bad = [(i, t) for i, t in enumerate(tags) if not 0 <= t < len(names)]
        if bad:
            return f"token {bad[0][0]}: tag id {bad[0][1]} is not one of 0..{len(names) - 1}"
        return [names[t] for t in tags]
    return "expected tags that are all names or all integer ids"


def read_tag_predictions(path: Path, *, config: str, gold: dict[str, list[str]]) -> dict[str, list[str]]:
    """Read sentence-level predictions and check them against the gold sequences.

    Args:
        path: the JSON Lines file.
        config: ``ner`` or ``events``.
        gold: gold tags by example id (to check ids and lengths).

    Raises:
        IndoGeoIEError: with one located problem per bad line, id, length or tag.
    """
    names = TAGS[config]
    allowed = set(names)
    predictions: dict[str, list[str]] = {}
    problems = Problems()
    file = str(path)
    for number, row, problem in json_lines(path):
        if problem is not None:
            problems.add(problem)
            continue
        if not isinstance(row, dict):
            problems.add(Problem(f"line {number}: expected a JSON object, not {type(row).__name__}", file))
            continue
        if is_document_level(row):
            problems.add(Problem(f"line {number}: a document-level row (it has 'entities' or 'events'); "
                                 "this file mixes the two levels", file))
            continue
        example = row.get("id")
        if not isinstance(example, str):
            problems.add(Problem(f"line {number}: missing 'id' (a string example id)", file))
            continue
        where = f"line {number}: example {example!r}"
        keys = [k for k in TAG_KEYS[config] if k in row]
        if len(keys) != 1:
            problems.add(Problem(f"{where}: expected exactly one of {list(TAG_KEYS[config])}, found {keys}", file))
            continue
        if example not in gold:
            problems.add(Problem(f"{where}: unknown id; not an example of this split", file))
            continue
        if example in predictions:
            problems.add(Problem(f"{where}: duplicate id", file))
            continue
        tags = _tag_names(row[keys[0]], names)
        if isinstance(tags, str):
            problems.add(Problem(f"{where}: {tags}", file))
            continue
        if len(tags) != len(gold[example]):
            problems.add(Problem(f"{where}: {len(tags)} tags for {len(gold[example])} tokens "
                                 f"(gold={len(gold[example])}, pred={len(tags)})", file))
            continue
        unknown = [(i, t) for i, t in enumerate(tags) if t not in allowed]
        for position, tag in unknown[:5]:
            problems.add(Problem(f"{where}: token {position}: unknown tag {tag!r}; allowed: O, "
                                 f"B-/I- with one of the {config} types", file))
        if not unknown:
            predictions[example] = tags
    missing = [i for i in gold if i not in predictions]
    if missing and not problems:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        problems.add(Problem(f"{len(missing)} example(s) of the split have no prediction: {shown}", file))
    problems.raise_if_any(file)
    return predictions


def tag_rows(ids: list[str], doc_ids: list[str], ner: list[list[str]], triggers: list[list[str]]) -> str:
    """Sentence-level predictions of both tag layers as JSON Lines (the benchmark's output)."""
    return "".join(json.dumps({"id": i, "doc_id": d, "ner_tags": n, "trigger_tags": t}, ensure_ascii=False) + "\n"
                   for i, d, n, t in zip(ids, doc_ids, ner, triggers, strict=True))
