"""Document metadata: the provenance record every document carries, in ``metadata.json`` and in tasks.

One record per document, the same shape for every source::

    {"doc_id": "087_3f0c...", "sha256": "<of the raw article file, or of the IndoSum record line>",
     "source": "indosum", "licence": "CC-BY-SA-4.0", "outlet": "cnn indonesia",
     "published": "2017-08-09", "published_inferred": false,
     "published_reason": "the date in the article's URL", "url": "http://...", "language": "ind",
     "provenance": {"corpus": "IndoSum", "repository": "...", "commit": "...", "file": "...", "line": 12, ...}}

``published`` is an ISO 8601 date (or a year, or a year and month) that exists
in the calendar; an inferred date carries its reason; unknown values are
``null``, never invented. ``provenance`` is null for the seed articles.

>>> parse_meta({"doc_id": "d1", "sha256": "ab", "source": "seed", "licence": "x",
...             "published": "2021-13-45"}, file="m.json", doc_id="d1")
Traceback (most recent call last):
...
indogeoie.errors.IndoGeoIEError: m.json: doc d1: published '2021-13-45' is not a calendar date ...
"""

from __future__ import annotations

import datetime
import json
import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.strict_json import json_problem, loads_strict
from indogeoie.schema import LANGUAGE_ISO639_3

SOURCES = ("seed", "indosum")
_ISO = re.compile(r"^(?P<y>\d{4})(-(?P<m>\d{2})(-(?P<d>\d{2})(T(?P<time>\d{2}:\d{2}(:\d{2})?)"
                  r"(?P<tz>[+-]\d{2}:\d{2}|Z)?)?)?)?$")


@dataclass(frozen=True)
class DocumentMeta:
    """Provenance of one document."""

    doc_id: str
    sha256: str
    source: str
    licence: str
    outlet: str | None = None
    published: str | None = None
    published_inferred: bool = False
    published_reason: str | None = None
    url: str | None = None
    language: str = LANGUAGE_ISO639_3
    provenance: dict[str, Any] | None = field(default=None, compare=False)


FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "doc_id": (str,), "sha256": (str,), "source": (str,), "licence": (str,), "outlet": (str, type(None)),
    "published": (str, type(None)), "published_inferred": (bool,), "published_reason": (str, type(None)),
    "url": (str, type(None)), "language": (str,), "provenance": (dict, type(None)),
}
REQUIRED = ("doc_id", "sha256", "source", "licence")


def is_calendar_date(value: str) -> bool:
    """Whether ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD[THH:MM[:SS][zone]]`` that exists.

    >>> is_calendar_date("2024-02-29"), is_calendar_date("2023-02-29"), is_calendar_date("2021-07")
    (True, False, True)
    """
    match = _ISO.match(value)
    if not match:
        return False
    try:
        datetime.date(int(match["y"]), int(match["m"] or 1), int(match["d"] or 1))
        if match["time"]:
            datetime.time.fromisoformat(match["time"])
    except ValueError:
        return False
    return True


def _finite(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True


def meta_problems(record: object, *, file: str, doc_id: str) -> list[Problem]:
    """Every problem with one metadata record, located by file and doc_id."""
    if not isinstance(record, dict):
        return [Problem(f"a metadata record must be a JSON object, not {type(record).__name__}", file, doc_id)]
    problems = [Problem(f"unknown metadata key {key!r}; allowed: {sorted(FIELD_TYPES)}", file, doc_id)
                for key in sorted(set(record) - set(FIELD_TYPES))]
    for key in REQUIRED:
        if key not in record:
            problems.append(Problem(f"missing metadata key {key!r}", file, doc_id))
    for key, types in FIELD_TYPES.items():
        if key in record and not isinstance(record[key], types):
            wanted = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            problems.append(Problem(f"{key} must be {wanted}, not {type(record[key]).__name__} "
                                    f"{record[key]!r}", file, doc_id))
    if problems:
        return problems
    if record["doc_id"] != doc_id:
        problems.append(Problem(f"doc_id {record['doc_id']!r} differs from its key", file, doc_id))
    if record["source"] not in SOURCES:
        problems.append(Problem(f"source {record['source']!r}; expected one of {list(SOURCES)}", file, doc_id))
    published = record.get("published")
    if published is not None and not is_calendar_date(published):
        problems.append(Problem(f"published {published!r} is not a calendar date (YYYY, YYYY-MM or "
                                "YYYY-MM-DD, optionally with a time)", file, doc_id))
    if record.get("published_inferred") and not record.get("published_reason"):
        problems.append(Problem("an inferred date needs published_reason", file, doc_id))
    if not _finite(record):
        problems.append(Problem("NaN or infinity in metadata; JSON has no such numbers", file, doc_id))
    return problems


def parse_meta(record: object, *, file: str, doc_id: str) -> DocumentMeta:
    """One checked metadata record; raise with every problem.

    Args:
        record: the parsed JSON object.
        file: where it comes from, for messages.
        doc_id: its key.
    """
    problems = meta_problems(record, file=file, doc_id=doc_id)
    if problems:
        raise IndoGeoIEError(problems)
    assert isinstance(record, dict)
    return DocumentMeta(**record)


def meta_record(meta: DocumentMeta) -> dict[str, Any]:
    """The JSON object of one record, keys in field order."""
    return asdict(meta)


def load_metadata_text(text: str, *, file: str) -> dict[str, DocumentMeta]:
    """Read a ``metadata.json`` text (an object keyed by doc_id); raise with every problem.

    Duplicate keys, NaN and nesting beyond what metadata needs are refused.
    """
    try:
        records = loads_strict(text)
    except (ValueError, RecursionError) as error:
        raise IndoGeoIEError(json_problem(error, file=file, what="metadata JSON")) from None
    if not isinstance(records, dict):
        raise IndoGeoIEError(Problem("metadata must be a JSON object keyed by doc_id", file=file))
    problems = [p for doc_id, record in records.items() for p in meta_problems(record, file=file, doc_id=doc_id)]
    if problems:
        raise IndoGeoIEError(problems)
    return {doc_id: DocumentMeta(**record) for doc_id, record in sorted(records.items())}


def metadata_json(metas: dict[str, DocumentMeta]) -> str:
    """Metadata records as deterministic JSON (sorted by doc_id, two-space indent)."""
    return json.dumps({d: meta_record(metas[d]) for d in sorted(metas)}, ensure_ascii=False, indent=2) + "\n"
