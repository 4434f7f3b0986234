"""The built dataset as the benchmark reads it: every config through ``datasets.load_dataset``.

Sentences of every split with their string tags, and per document its text,
split, gold entity spans and gold events. The manifest is checked first, so a
tampered or truncated dataset is refused, never scored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from indogeoie.benchmark.metrics import Event, Events
from indogeoie.benchmark.types import Sentence
from indogeoie.dataset.manifest import MANIFEST, MANIFEST_HEADER
from indogeoie.dataset.splits import SPLITS
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS
from indogeoie.text.alignment import iob2_to_spans
from indogeoie.text.tokens import Token

Span = tuple[int, int, str]  # start, end, type


@dataclass(frozen=True)
class BenchmarkData:
    """The dataset as the baselines and the scorer see it."""

    sentences: list[Sentence]  # every split, in dataset order
    split_of: dict[str, str]  # doc_id -> split
    texts: dict[str, str]  # doc_id -> text
    entities: dict[str, list[Span]]  # doc_id -> gold entity spans
    events: Events  # gold events
    fingerprint: str

    def split(self, name: str) -> list[Sentence]:
        return [s for s in self.sentences if self.split_of[s.doc_id] == name]

    def doc_ids(self, split: str) -> list[str]:
        return sorted(d for d, s in self.split_of.items() if s == split)


def check_manifest(dataset_dir: Path) -> str:
    """The dataset's fingerprint (sha256 of its manifest) after checking every file it lists.

    Raises:
        IndoGeoIEError: a file is missing, or its bytes differ from the manifest.
    """
    manifest = dataset_dir / MANIFEST
    if not manifest.is_file():
        raise IndoGeoIEError(Problem("no MANIFEST.sha256; not a dataset built by `indogeoie build`", str(dataset_dir)))
    header, *lines = manifest.read_text(encoding="utf-8").splitlines() or [""]
    if header != MANIFEST_HEADER:
        raise IndoGeoIEError(Problem(f"line 1 is {header!r}, not the manifest header {MANIFEST_HEADER!r}; not a "
                                     "dataset built by `indogeoie build`", str(manifest)))
    problems = []
    for number, line in enumerate(lines, start=2):
        digest, _, rel = line.partition("  ")
        path = dataset_dir / rel
        if not path.is_file():
            problems.append(Problem(f"listed in MANIFEST.sha256 (line {number}) but missing", str(path)))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(Problem(f"its sha256 differs from MANIFEST.sha256 (line {number}); the dataset was "
                                    "changed after it was built: rebuild it with `indogeoie build`", str(path)))
    if problems:
        raise IndoGeoIEError(problems)
    return hashlib.sha256(manifest.read_bytes()).hexdigest()


def tokens_of(sentence: Sentence) -> list[Token]:
    return [Token(w, a, b) for w, a, b in zip(sentence.tokens, sentence.token_starts, sentence.token_ends, strict=True)]


def load_benchmark_data(dataset_dir: Path, cache_dir: Path) -> BenchmarkData:
    """Read the ``ner``, ``events`` and ``documents`` configs with ``datasets.load_dataset``."""
    from datasets import load_dataset

    fingerprint = check_manifest(dataset_dir)
    ner = load_dataset(str(dataset_dir), "ner", cache_dir=str(cache_dir))
    events = load_dataset(str(dataset_dir), "events", cache_dir=str(cache_dir))
    documents = load_dataset(str(dataset_dir), "documents", cache_dir=str(cache_dir))
    sentences, split_of, texts, entities, gold = [], {}, {}, {}, {}
    for split in SPLITS:
        for row, event_row in zip(ner[split], events[split], strict=True):
            sentences.append(Sentence(row["id"], row["doc_id"], row["tokens"], row["token_starts"], row["token_ends"],
                                      [NER_TAGS[t] for t in row["ner_tags"]],
                                      [TRIGGER_TAGS[t] for t in event_row["trigger_tags"]]))
        for doc in documents[split]:
            doc_id = doc["doc_id"]
            split_of[doc_id], texts[doc_id] = split, doc["text"]
            spans = {e["id"]: (e["offsets"][0][0], e["offsets"][0][1], e["type"]) for e in doc["entities"]}
            entities[doc_id] = sorted(spans.values())
            gold[doc_id] = tuple(sorted((
                Event(ev["type"], ev["trigger"]["offsets"][0][0], ev["trigger"]["offsets"][0][1], ev["modality"],
                      tuple(sorted((a["role"], spans[a["ref_id"]][0], spans[a["ref_id"]][1]) for a in ev["arguments"])))
                for ev in doc["events"]), key=lambda e: (e.start, e.end, e.type)))
    return BenchmarkData(sentences, split_of, texts, entities, Events(gold), fingerprint)


def spans_by_document(sentences: list[Sentence], tags: list[list[str]]) -> dict[str, list[Span]]:
    """Predicted spans (document offsets) of each document, from sentence tags."""
    found: dict[str, list[Span]] = {s.doc_id: [] for s in sentences}
    for sentence, sequence in zip(sentences, tags, strict=True):
        found[sentence.doc_id].extend(iob2_to_spans(tokens_of(sentence), sequence))
    return found
