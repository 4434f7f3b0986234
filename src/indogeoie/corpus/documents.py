"""The corpus: every source document, its annotated text, its tokens and its provenance.

Two sources, each read from what the project itself stores:

* ``annotations/articles/``: the seed articles, raw files cleaned by rule
  (:mod:`indogeoie.formats.articles`); tokens from the project's spaCy tokenizer;
* ``annotations/sources/indosum/``: the selected IndoSum records and their
  metadata (:mod:`indogeoie.corpus.indosum_import`); text by the IndoSum rule
  (:mod:`indogeoie.formats.indosum`), tokens and sentences IndoSum's own.

Reading checks each IndoSum record against its metadata: the record's sha256,
its id, outlet, URL and the date in the URL. Anything that no longer matches
is reported with the file, the line and the doc_id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indogeoie import paths
from indogeoie.corpus.indosum_import import METADATA_FILE, REASON_NO_DATE, REASON_URL_DATE, RECORDS_FILE, record_sha256
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats import indosum
from indogeoie.formats.articles import Article, read_articles, read_regular_file
from indogeoie.formats.metadata import DocumentMeta, load_metadata_text
from indogeoie.text.tokens import TokenizedText, pretokenized, tokenize

#: records.jsonl holds a few hundred articles of a few kilobytes each.
MAX_RECORDS_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class SourceDocument:
    """One document of the corpus: metadata, the text that is annotated, and how it was made."""

    meta: DocumentMeta
    text: str
    #: Sentence offsets given by the source (pre-tokenised sources), or None (the project tokenizes).
    sentences: tuple[tuple[int, int], ...] | None = None
    #: What was dropped from the source on the way to ``text``, for the Label Studio task's meta.
    drops: tuple[tuple[Any, ...], ...] = field(default=(), compare=False)

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id

    def tokenized(self) -> TokenizedText:
        """Its tokens and sentences: the source's own when it has them, else the project tokenizer's."""
        return pretokenized(self.text, self.sentences) if self.sentences is not None else tokenize(self.text)


def seed_documents(folder: Path, *, articles: list[Article] | None = None) -> list[SourceDocument]:
    """The raw articles of ``folder`` (or ``articles``, already read from it), cleaned."""
    return [SourceDocument(a.meta, a.text, None, tuple((d.start, d.end, d.rule) for d in a.cleaned.drops))
            for a in (articles if articles is not None else read_articles(folder))]


def _provenance_problems(meta: DocumentMeta, record: indosum.IndoSumRecord, where: str) -> list[Problem]:
    problems = []
    provenance = meta.provenance or {}
    published = indosum.published_from_url(record.url)
    expected = {"provenance.record_id": (provenance.get("record_id"), record.id),
                "outlet": (meta.outlet, record.outlet), "url": (meta.url, record.url),
                "published": (meta.published, published),
                "published_reason": (meta.published_reason, REASON_URL_DATE if published else REASON_NO_DATE)}
    for name, (have, want) in expected.items():
        if have != want:
            problems.append(Problem(f"metadata {name} is {have!r}, but the record gives {want!r}", where, meta.doc_id))
    return problems


def indosum_documents(folder: Path) -> list[SourceDocument]:
    """The stored IndoSum records of ``folder``, checked against their metadata, with their derived text."""
    metadata_path = folder / METADATA_FILE
    records_path = folder / RECORDS_FILE
    if not metadata_path.exists() and not records_path.exists():
        return []
    metas = load_metadata_text(read_regular_file(metadata_path, limit=MAX_RECORDS_BYTES).decode("utf-8"),
                               file=str(metadata_path))
    lines = read_regular_file(records_path, limit=MAX_RECORDS_BYTES).split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    by_sha = {m.sha256: m for m in metas.values()}
    documents, problems, seen = [], [], set()
    for number, line in enumerate(lines, start=1):
        where = f"{records_path}:{number}"
        digest = record_sha256(line)
        meta = by_sha.get(digest)
        if meta is None:
            problems.append(Problem(f"the record's sha256 {digest[:16]}... matches no metadata record: the stored "
                                    "record was edited, or its metadata was not imported with it", where))
            continue
        seen.add(meta.doc_id)
        try:
            record = indosum.parse_record(line, file=str(records_path), line_number=number)
        except IndoGeoIEError as error:
            problems += error.problems
            continue
        problems += _provenance_problems(meta, record, where)
        derived = indosum.derive_text(record)
        drops = tuple((d.rule, d.paragraph, d.sentence, d.token) for d in derived.drops)
        documents.append(SourceDocument(meta, derived.text, derived.sentences, drops))
    for doc_id in sorted(set(metas) - seen):
        problems.append(Problem("no stored record has this document's sha256 (the record was edited or removed)",
                                str(metadata_path), doc_id))
    if problems:
        raise IndoGeoIEError(problems)
    return documents


def load_corpus(annotations: Path = paths.ANNOTATIONS) -> dict[str, SourceDocument]:
    """Every document of the corpus by doc_id, every source checked; raise with every problem.

    Args:
        annotations: the ``annotations/`` folder.
    """
    documents: dict[str, SourceDocument] = {}
    problems = []
    for document in [*seed_documents(annotations / "articles"),
                     *indosum_documents(annotations / "sources" / "indosum")]:
        if document.doc_id in documents:
            problems.append(Problem("doc_id used by two documents", doc_id=document.doc_id))
        documents[document.doc_id] = document
    if problems:
        raise IndoGeoIEError(problems)
    return dict(sorted(documents.items()))
