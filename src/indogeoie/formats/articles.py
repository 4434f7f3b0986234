"""Raw source articles and their provenance metadata.

Raw articles are kept byte for byte as ``annotations/articles/<doc_id>.txt``
(the file stem is the document id). ``annotations/articles/metadata.json``
holds one record per article, written by hand where it takes reading (outlet,
date) and checked by the code where it can be (sha256)::

    {"004_8ad9ae01f34e4272": {
        "doc_id": "004_8ad9ae01f34e4272",
        "outlet": "MISTAR.ID",
        "published": "2024-01-25",
        "published_inferred": true,
        "published_reason": "'Rabu (24/1/2024) kemarin' ...",
        "url": null,
        "language": "ind",
        "sha256": "…"}}

Unknown values stay ``null``; nothing is invented.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from indogeoie.text.cleaning import CleanedText, clean_text
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.schema import LANGUAGE_ISO639_3

METADATA_FILE = "metadata.json"
#: A raw news page is tens of kilobytes; anything over this is not an article.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
_ISO_DATE = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?)?)?$"
)


@dataclass(frozen=True)
class ArticleMeta:
    """Provenance of one source article."""

    doc_id: str
    sha256: str
    outlet: str | None = None
    published: str | None = None
    published_inferred: bool = False
    published_reason: str | None = None
    url: str | None = None
    language: str = LANGUAGE_ISO639_3


@dataclass(frozen=True)
class Article:
    """A raw article, its metadata and its cleaned text."""

    meta: ArticleMeta
    raw_bytes: bytes
    cleaned: CleanedText

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id

    @property
    def text(self) -> str:
        return self.cleaned.text


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_raw(path: Path, data: bytes) -> str:
    """Decode raw article bytes as UTF-8, or fail naming the file and the byte offset."""
    if not data.strip():
        raise IndoGeoIEError(Problem("the article is empty", file=str(path)))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise IndoGeoIEError(
            Problem(
                f"not UTF-8: byte 0x{data[err.start]:02x} at byte offset {err.start} "
                f"cannot be decoded ({err.reason}); expected UTF-8 text",
                file=str(path),
            )
        ) from None


def _meta_problems(path: Path, doc_id: str, record: object) -> list[Problem]:
    if not isinstance(record, dict):
        return [Problem("metadata record must be a JSON object", file=str(path), doc_id=doc_id)]
    problems = []
    allowed = set(ArticleMeta.__dataclass_fields__)
    for key in sorted(set(record) - allowed):
        problems.append(
            Problem(f"unknown metadata key {key!r}; allowed: {sorted(allowed)}", str(path), doc_id)
        )
    if record.get("doc_id") != doc_id:
        problems.append(Problem(f"doc_id {record.get('doc_id')!r} differs from its key", str(path), doc_id))
    if not isinstance(record.get("sha256"), str):
        problems.append(Problem("sha256 is missing", str(path), doc_id))
    published = record.get("published")
    if published is not None and not (isinstance(published, str) and _ISO_DATE.match(published)):
        problems.append(
            Problem(f"published {published!r} is not an ISO 8601 date", str(path), doc_id)
        )
    if record.get("published_inferred") and not record.get("published_reason"):
        problems.append(Problem("an inferred date needs published_reason", str(path), doc_id))
    return problems


def load_metadata(folder: Path) -> dict[str, ArticleMeta]:
    """Read ``metadata.json`` from ``folder`` (empty when the file does not exist yet)."""
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise IndoGeoIEError(Problem(f"cannot read metadata JSON: {err}", file=str(path))) from None
    if not isinstance(records, dict):
        raise IndoGeoIEError(
            Problem("metadata must be a JSON object keyed by doc_id", file=str(path))
        )
    problems = [p for doc_id, rec in records.items() for p in _meta_problems(path, doc_id, rec)]
    if problems:
        raise IndoGeoIEError(problems)
    return {doc_id: ArticleMeta(**rec) for doc_id, rec in sorted(records.items())}


def metadata_json(metas: dict[str, ArticleMeta]) -> str:
    """Serialise metadata deterministically (sorted keys, two-space indent)."""
    records = {doc_id: asdict(metas[doc_id]) for doc_id in sorted(metas)}
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def read_article(path: Path, meta: ArticleMeta | None) -> Article:
    """Read one raw article and check it against its metadata.

    Args:
        path: ``<doc_id>.txt``.
        meta: its metadata record, or None for a new article (outlet and date
            stay unknown until someone reads the article and fills them in).
    """
    doc_id = path.stem
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise IndoGeoIEError(Problem(f"the article is {size:,} bytes, more than the {MAX_ARTICLE_BYTES:,} a news "
                                     "page can be; refused", file=str(path), doc_id=doc_id))
    data = path.read_bytes()
    digest = sha256_hex(data)
    if meta is None:
        meta = ArticleMeta(doc_id=doc_id, sha256=digest)
    elif meta.sha256 != digest:
        raise IndoGeoIEError(
            Problem(
                f"sha256 {digest} does not match the metadata ({meta.sha256}); the raw "
                "article was edited, but source articles must stay byte for byte as published",
                file=str(path),
                doc_id=doc_id,
            )
        )
    raw = decode_raw(path, data)
    return Article(meta=meta, raw_bytes=data, cleaned=clean_text(raw))


def read_articles(folder: Path) -> list[Article]:
    """Read every ``*.txt`` article in ``folder``, sorted by doc_id."""
    metas = load_metadata(folder)
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise IndoGeoIEError(Problem("no *.txt articles found", file=str(folder)))
    return [read_article(path, metas.get(path.stem)) for path in paths]
