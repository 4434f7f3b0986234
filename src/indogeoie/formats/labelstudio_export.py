"""Reading Label Studio JSON exports (a list of tasks) into typed documents, checking as it reads.

The file is read whole, as strict JSON: UTF-8 without a byte-order mark,
no duplicate keys in any object, no NaN, no nesting deeper than Python can
parse. Each task is read by :class:`indogeoie.formats.labelstudio_task.TaskReader`.
A task with no annotation that counts (none, all cancelled, or an empty one)
yields no document: it is listed in ``unannotated`` with the reason, and is
never read as a document without labels.

>>> report = parse_export([{"data": {"doc_id": "d1", "text": "AS"}, "annotations": []}], file="x.json")
>>> report.documents, report.unannotated
((), (('d1', 'no annotation yet'),))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indogeoie.errors import Problem
from indogeoie.formats.labelstudio_fields import choose_annotation
from indogeoie.formats.labelstudio_task import MAX_TEXT_CHARS, TaskReader
from indogeoie.formats.strict_json import json_problem, loads_strict
from indogeoie.records import AnnotatedDocument

__all__ = ["MAX_TEXT_CHARS", "ExportReport", "choose_annotation", "parse_export", "read_export", "loads_strict"]

#: After this many problems the rest are counted, not kept, so a huge broken file cannot exhaust memory.
MAX_PROBLEMS = 1000
#: An export of thousands of articles is a few hundred megabytes.
MAX_EXPORT_BYTES = 2 * 1024 ** 3


@dataclass(frozen=True)
class ExportReport:
    """Documents read from an export, every problem found, notes, and the tasks without an annotation."""

    documents: tuple[AnnotatedDocument, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()
    unannotated: tuple[tuple[str, str], ...] = ()  # (doc_id, why)


def _json_problem(error: Exception, file: str) -> Problem:
    if isinstance(error, RecursionError):
        return Problem("the JSON is nested too deeply to be an export", file)
    return json_problem(error, file=file)


def parse_export(data: object, *, file: str, source: str = "annotations") -> ExportReport:
    """Read a Label Studio export already parsed from JSON.

    Args:
        data: the parsed JSON (a list of tasks).
        file: its path, for messages.
        source: read ``"annotations"`` (default) or ``"predictions"``.
    """
    if not isinstance(data, list):
        kind = {dict: "an object", str: "a string", bool: "a boolean", type(None): "null"}.get(type(data), "a number")
        return ExportReport((), (Problem(f"an export must be a JSON list of tasks, not {kind}", file),))
    documents: list[AnnotatedDocument] = []
    problems: list[Problem] = []
    notes: list[str] = []
    unannotated: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    dropped = 0
    for index, task in enumerate(data):
        reader = TaskReader(task, index, file, source)
        document = reader.read()
        found = list(reader.problems)
        if reader.doc_id is not None and reader.doc_id in seen:
            found.append(Problem(f"duplicate doc_id (also task #{seen[reader.doc_id]})", file, reader.doc_id))
            document = None
        elif reader.doc_id is not None:
            seen[reader.doc_id] = index
        room = max(MAX_PROBLEMS - len(problems), 0)
        problems += found[:room]
        dropped += len(found) - len(found[:room])
        notes += reader.notes[:MAX_PROBLEMS]
        if reader.unannotated and not found and reader.doc_id is not None:
            unannotated.append((reader.doc_id, reader.unannotated))
        if document is not None and not found:
            documents.append(document)
    if dropped:
        problems.append(Problem(f"... and {dropped} more problems (only the first {MAX_PROBLEMS} are listed)", file))
    return ExportReport(tuple(documents), tuple(problems), tuple(notes), tuple(unannotated))


def load_export(path: Path) -> tuple[object, tuple[Problem, ...]]:
    """An export file's JSON, read strictly, or the problems that stop it from being read."""
    from indogeoie.errors import IndoGeoIEError
    from indogeoie.formats.articles import read_regular_file

    try:
        raw = read_regular_file(path, limit=MAX_EXPORT_BYTES)
    except IndoGeoIEError as error:
        return None, tuple(error.problems)
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, (Problem("starts with a UTF-8 byte-order mark; expected plain UTF-8 JSON", str(path)),)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, (Problem(f"not UTF-8: byte 0x{raw[error.start]:02x} at byte offset {error.start} "
                              "cannot be decoded; expected UTF-8 JSON", str(path)),)
    if not text.strip():
        return None, (Problem("the file is empty; expected a JSON list of tasks", str(path)),)
    try:
        return loads_strict(text), ()
    except (ValueError, RecursionError) as error:
        return None, (_json_problem(error, str(path)),)


def read_export(path: Path, *, source: str = "annotations") -> ExportReport:
    """Read and check a Label Studio JSON export file.

    Args:
        path: the export.
        source: read ``"annotations"`` (default) or ``"predictions"``.
    """
    data, problems = load_export(path)
    if problems:
        return ExportReport((), problems)
    return parse_export(data, file=str(path), source=source)
