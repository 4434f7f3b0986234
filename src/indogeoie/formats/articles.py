"""Raw source articles: one text file per article, kept byte for byte, with its metadata.

Raw articles are kept as ``annotations/articles/<doc_id>.txt`` (the file stem is
the document id), as published, and are cleaned by :mod:`indogeoie.text.cleaning`.
``annotations/articles/metadata.json`` holds one record per article
(:mod:`indogeoie.formats.metadata`), written by hand where it takes reading
(outlet, date) and checked by the code where it can be (sha256)::

    {"004_8ad9ae01f34e4272": {"doc_id": "004_8ad9ae01f34e4272", "sha256": "…", "source": "seed",
       "licence": "…", "outlet": "MISTAR.ID", "published": "2024-01-25", "published_inferred": true,
       "published_reason": "'Rabu (24/1/2024) kemarin' ...", "url": null, "language": "ind",
       "provenance": null}}

A reader of articles refuses, with the file named: anything that is not a
regular file (a FIFO, a device, a symlink), a file over 5 MB, bytes that are
not UTF-8, an empty file (a byte-order mark alone is empty), and bare carriage
returns as line ends.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.metadata import DocumentMeta, load_metadata_text
from indogeoie.text.cleaning import CleanedText, clean_text

METADATA_FILE = "metadata.json"
#: A raw news page is tens of kilobytes; anything over this is not an article.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: The source name and licence of an article added as a raw file, until someone records better.
NEW_ARTICLE_SOURCE = "seed"
UNKNOWN_LICENCE = "unknown: the text belongs to its publisher"


@dataclass(frozen=True)
class Article:
    """A raw article, its metadata and its cleaned text."""

    meta: DocumentMeta
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


def read_regular_file(path: Path, *, limit: int, doc_id: str | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file (not a symlink, FIFO or device) of at most ``limit`` bytes.

    The file is opened without following symlinks and without blocking, so a
    FIFO or ``/dev/zero`` is refused instead of read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        reason = "it is a symbolic link" if path.is_symlink() else error.strerror
        raise IndoGeoIEError(Problem(f"cannot read: {reason}; expected a regular file", file=str(path),
                                     doc_id=doc_id)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise IndoGeoIEError(Problem("not a regular file (a FIFO, device or folder); expected a text file",
                                         file=str(path), doc_id=doc_id))
        if info.st_size > limit:
            raise IndoGeoIEError(Problem(f"the file is {info.st_size:,} bytes, more than the {limit:,} allowed; "
                                         "refused", file=str(path), doc_id=doc_id))
        return handle.read(limit + 1)


def decode_raw(path: Path, data: bytes, *, doc_id: str | None = None) -> str:
    """Decode raw article bytes as UTF-8 with \\n or \\r\\n line ends, or fail naming the file and the offset."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise IndoGeoIEError(Problem(
            f"not UTF-8: byte 0x{data[err.start]:02x} at byte offset {err.start} cannot be decoded "
            f"({err.reason}); expected UTF-8 text", file=str(path), doc_id=doc_id)) from None
    if not text.lstrip("\ufeff").strip():
        raise IndoGeoIEError(Problem("the article is empty", file=str(path), doc_id=doc_id))
    bare = next((i for i, char in enumerate(text) if char == "\r" and text[i + 1:i + 2] != "\n"), None)
    if bare is not None:
        line = text.count("\n", 0, bare) + 1
        raise IndoGeoIEError(Problem(f"a bare carriage return at character offset {bare} (line {line}); expected "
                                     "\\n or \\r\\n line ends", file=str(path), doc_id=doc_id,
                                     offsets=(bare, bare + 1)))
    return text


def new_article_meta(doc_id: str, digest: str) -> DocumentMeta:
    """The metadata of an article nobody has described yet: unknown values stay null."""
    return DocumentMeta(doc_id=doc_id, sha256=digest, source=NEW_ARTICLE_SOURCE, licence=UNKNOWN_LICENCE)


def read_article(path: Path, meta: DocumentMeta | None) -> Article:
    """Read one raw article and check it against its metadata.

    Args:
        path: ``<doc_id>.txt``.
        meta: its metadata record, or None for a new article (outlet and date
            stay unknown until someone reads the article and fills them in).
    """
    doc_id = path.stem
    data = read_regular_file(path, limit=MAX_ARTICLE_BYTES, doc_id=doc_id)
    digest = sha256_hex(data)
    cleaned = clean_text(decode_raw(path, data, doc_id=doc_id))  # the content's problems come first
    if meta is None:
        expected = f"{doc_id[:3]}_{digest[:16]}"
        if not re.fullmatch(r"\d{3}_[0-9a-f]{16}", doc_id) or doc_id != expected:
            raise IndoGeoIEError(Problem(
                "a new article is named NNN_<the first 16 hex digits of its sha256>.txt, NNN the next free number; "
                f"this file's sha256 starts {digest[:16]}, so: "
                f"{expected if doc_id[:3].isdigit() else 'NNN_' + digest[:16]}.txt",
                file=str(path), doc_id=doc_id))
        meta = new_article_meta(doc_id, digest)
    elif meta.sha256 != digest:
        raise IndoGeoIEError(Problem(
            f"sha256 {digest} does not match the metadata ({meta.sha256}); the raw article was edited, "
            "but source articles must stay byte for byte as published", file=str(path), doc_id=doc_id))
    return Article(meta=meta, raw_bytes=data, cleaned=cleaned)


def load_metadata(folder: Path) -> dict[str, DocumentMeta]:
    """Read ``metadata.json`` from ``folder`` (empty when the file does not exist yet)."""
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    data = read_regular_file(path, limit=MAX_ARTICLE_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise IndoGeoIEError(Problem("not UTF-8", file=str(path))) from None
    return load_metadata_text(text, file=str(path))


def read_articles(folder: Path, *, allow_new: bool = False) -> list[Article]:
    """Read every ``*.txt`` article in ``folder`` against ``metadata.json``, sorted by doc_id.

    Args:
        folder: the articles folder.
        allow_new: accept an article without a metadata record (``ingest`` makes one);
            otherwise it is an error, as is a record whose article file is missing.
    """
    metas = load_metadata(folder)
    files = sorted(folder.glob("*.txt"))
    problems = []
    names = {p.stem for p in files}
    for doc_id in sorted(set(metas) - names):
        problems.append(Problem(f"metadata.json has a record for {doc_id} but there is no {doc_id}.txt; an "
                                "article file was renamed or deleted (its record is kept: restore the file, "
                                "or remove the record by hand)", file=str(folder / METADATA_FILE), doc_id=doc_id))
    if not allow_new:
        for doc_id in sorted(names - set(metas)):
            problems.append(Problem("no metadata record for this article; run `indogeoie ingest`",
                                    file=str(folder / f"{doc_id}.txt"), doc_id=doc_id))
    if problems:
        raise IndoGeoIEError(problems)
    articles = []
    for path in files:
        try:
            articles.append(read_article(path, metas.get(path.stem)))
        except IndoGeoIEError as error:
            problems += error.problems
    if problems:
        raise IndoGeoIEError(problems)
    return articles
