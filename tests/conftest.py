"""Shared fixtures: the real corpus read once per session, and builders of tiny inline exports."""

from __future__ import annotations

import os

# Nothing is downloaded at run time: the datasets library must work offline.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from indogeoie import io, paths
from indogeoie.corpus.documents import SourceDocument, load_corpus
from indogeoie.formats.labelstudio_gold import gold_json, gold_task
from indogeoie.formats.metadata import DocumentMeta
from indogeoie.records import AnnotatedDocument


@pytest.fixture(scope="session")
def corpus() -> dict[str, SourceDocument]:
    """Every document of the committed corpus."""
    return load_corpus(paths.ANNOTATIONS)


@pytest.fixture()
def annotations_copy(tmp_path: Path) -> Path:
    """A copy of the committed annotations folder, to change freely."""
    folder = tmp_path / "annotations"
    shutil.copytree(paths.ANNOTATIONS, folder)
    return folder


SourceFactory = Callable[..., SourceDocument]


@pytest.fixture()
def make_source() -> SourceFactory:
    """Make a corpus document inline, with placeholder provenance: make_source(doc_id, text, sentences=None)."""
    def make(doc_id: str, text: str, sentences: list[tuple[int, int]] | None = None,
             source: str = "indosum") -> SourceDocument:
        meta = DocumentMeta(doc_id=doc_id, sha256="0" * 64, source=source, licence="CC-BY-SA-4.0")
        return SourceDocument(meta, text, tuple(sentences) if sentences is not None else None)

    return make


@pytest.fixture()
def write_gold(tmp_path: Path) -> Callable[[list[AnnotatedDocument], str], Path]:
    """Write documents as a gold-format export file in tmp_path and return its path."""
    def write(documents: list[AnnotatedDocument], name: str = "gold.json") -> Path:
        path = tmp_path / name
        io.write_text(path, gold_json([gold_task(d, annotator="test") for d in documents]))
        return path

    return write
