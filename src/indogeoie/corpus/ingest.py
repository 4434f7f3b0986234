"""``indogeoie ingest``: the corpus to Label Studio import tasks, and metadata records for new articles.

It reads every source (:func:`indogeoie.corpus.documents.load_corpus`): the raw
seed articles (UTF-8, not empty, sha256 as recorded, cleaned by rule) and the
stored IndoSum records (sha256, id, outlet, URL and date as recorded). It
writes the import tasks of every document and, when a raw article has no
metadata record yet, a record with its unknown fields left null. It never
removes a record: an article whose file is gone is an error. Nothing is
written unless every document passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indogeoie import io
from indogeoie.corpus.documents import SourceDocument, indosum_documents, seed_documents
from indogeoie.formats.articles import METADATA_FILE, load_metadata, new_article_meta, read_articles
from indogeoie.formats.labelstudio_tasks import tasks_json
from indogeoie.formats.metadata import metadata_json


@dataclass(frozen=True)
class IngestReport:
    """What ``ingest`` did (or, with ``check``, would change)."""

    documents: tuple[SourceDocument, ...]
    new_articles: tuple[str, ...]
    stale: tuple[Path, ...]


def ingest(*, annotations_dir: Path, tasks_path: Path, check: bool = False) -> IngestReport:
    """Check every source document and write the import tasks (and records for new raw articles).

    Args:
        annotations_dir: the ``annotations/`` folder.
        tasks_path: where the Label Studio import tasks go.
        check: write nothing; report the files that differ from a fresh ingest.
    """
    articles_dir = annotations_dir / "articles"
    known = load_metadata(articles_dir)
    articles = read_articles(articles_dir, allow_new=True)
    new = tuple(a.doc_id for a in articles if a.doc_id not in known)
    metas = {**known, **{a.doc_id: new_article_meta(a.doc_id, a.meta.sha256) for a in articles
                         if a.doc_id in new}}
    seeds = seed_documents(articles_dir, articles=articles)
    documents = sorted([*seeds, *indosum_documents(annotations_dir / "sources" / "indosum")],
                       key=lambda d: d.doc_id)
    stale = io.stale_files({articles_dir / METADATA_FILE: metadata_json(metas),
                            tasks_path: tasks_json(documents)}, check=check)
    return IngestReport(tuple(documents), new, tuple(stale))
