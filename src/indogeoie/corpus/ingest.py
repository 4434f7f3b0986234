"""Ingest: raw articles to cleaned documents, metadata and Label Studio tasks.

``ingest`` reads ``annotations/articles/*.txt`` with their metadata, checks
every file (UTF-8, not empty, sha256 as recorded), cleans it, and writes the
metadata (new articles get a record with unknown fields left null) and the
Label Studio import tasks. Nothing is written unless every article passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indogeoie import io
from indogeoie.formats.articles import METADATA_FILE, Article, metadata_json, read_articles
from indogeoie.formats.labelstudio_tasks import tasks_json


@dataclass(frozen=True)
class IngestReport:
    """What ``ingest`` did."""

    articles: tuple[Article, ...]
    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]


def ingest_outputs(articles_dir: Path, tasks_path: Path) -> tuple[list[Article], dict[Path, str]]:
    """Read and clean every article; return the articles and the files ingest would write."""
    articles = read_articles(articles_dir)
    metas = {a.doc_id: a.meta for a in articles}
    return articles, {
        articles_dir / METADATA_FILE: metadata_json(metas),
        tasks_path: tasks_json(articles),
    }


def ingest(*, articles_dir: Path, tasks_path: Path, check: bool = False) -> IngestReport:
    """Ingest the articles in ``articles_dir``.

    Args:
        articles_dir: folder of ``<doc_id>.txt`` raw articles and ``metadata.json``.
        tasks_path: where the Label Studio import tasks go.
        check: write nothing; report the files that differ from a fresh ingest.
    """
    articles, outputs = ingest_outputs(articles_dir, tasks_path)
    written, unchanged = [], []
    for path, content in outputs.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            unchanged.append(path)
            continue
        if not check:
            io.write_text(path, content)
        written.append(path)
    return IngestReport(tuple(articles), tuple(written), tuple(unchanged))
