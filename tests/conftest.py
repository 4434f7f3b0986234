"""Shared fixtures: the real corpus read once per session, builders of tiny inline exports, a tiny benchmark."""

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
from indogeoie.benchmark.data import BenchmarkData
from indogeoie.benchmark.metrics import Event, Events
from indogeoie.benchmark.types import Sentence
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


def _sentence(doc_id: str, text: str, ner_tags: list[str], trigger_tags: list[str]) -> Sentence:
    """One sentence whose tokens are separated by single spaces."""
    tokens = text.split(" ")
    starts = [sum(len(t) + 1 for t in tokens[:i]) for i in range(len(tokens))]
    return Sentence(f"{doc_id}-000", doc_id, tokens, starts, [s + len(t) for s, t in zip(starts, tokens, strict=True)],
                    ner_tags, trigger_tags)


@pytest.fixture()
def tiny_benchmark() -> BenchmarkData:
    """Three one-sentence documents as the benchmark reads a dataset: d1 train, d2 validation, d3 test.

    d1 "AS menyerang Irak ."      ASSAULT [3:12], Actor AS [0:2], Recipient Irak [13:17]
    d2 "Iran mengecam AS ."       ACCUSE [5:13], Actor Iran [0:4], Recipient AS [14:16]
    d3 "Irak menyerang Iran ."    ASSAULT [5:14], Actor Irak [0:4], Recipient Iran [15:19]
    """
    gpe_verb_gpe = ["B-GPE", "O", "B-GPE", "O"]
    sentences = [_sentence("d1", "AS menyerang Irak .", gpe_verb_gpe, ["O", "B-ASSAULT", "O", "O"]),
                 _sentence("d2", "Iran mengecam AS .", gpe_verb_gpe, ["O", "B-ACCUSE", "O", "O"]),
                 _sentence("d3", "Irak menyerang Iran .", gpe_verb_gpe, ["O", "B-ASSAULT", "O", "O"])]
    events = Events({
        "d1": (Event("ASSAULT", 3, 12, "asserted", (("Actor", 0, 2), ("Recipient", 13, 17))),),
        "d2": (Event("ACCUSE", 5, 13, "asserted", (("Actor", 0, 4), ("Recipient", 14, 16))),),
        "d3": (Event("ASSAULT", 5, 14, "asserted", (("Actor", 0, 4), ("Recipient", 15, 19))),),
    })
    return BenchmarkData(sentences, {"d1": "train", "d2": "validation", "d3": "test"},
                         {s.doc_id: " ".join(s.tokens) for s in sentences},
                         {"d1": [(0, 2, "GPE"), (13, 17, "GPE")], "d2": [(0, 4, "GPE"), (14, 16, "GPE")],
                          "d3": [(0, 4, "GPE"), (15, 19, "GPE")]},
                         events, "0" * 64)
