"""The built dataset as the benchmark reads it: every config through ``datasets.load_dataset``.

Sentences of every split with their string tags, each sentence's split and
fold, each document's text, and the gold mentions and argument tuples per
document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from indogeoie.benchmark.scoring import ArgumentTuple
from indogeoie.benchmark.types import Sentence
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS
from indogeoie.text.alignment import iob2_to_spans
from indogeoie.text.tokens import Token

Mentions = dict[str, tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]]  # doc -> entities, triggers


@dataclass(frozen=True)
class BenchmarkData:
    """The dataset as the baselines see it."""

    sentences: list[Sentence]  # every split, in dataset order
    split_of: dict[str, str]  # sentence id -> split
    fold_of: dict[str, int]  # sentence id -> fold
    texts: dict[str, str]  # doc_id -> text
    gold_arguments: dict[str, set[ArgumentTuple]]  # doc_id -> tuples
    gold_mentions: Mentions
    checksums: dict[str, str]
    fingerprint: str


def load_benchmark_data(dataset_dir: Path, cache_dir: Path) -> BenchmarkData:
    """Read the ``ner``, ``events`` and ``documents`` configs with ``datasets.load_dataset``."""
    from datasets import load_dataset

    ner = load_dataset(str(dataset_dir), "ner", cache_dir=str(cache_dir))
    events = load_dataset(str(dataset_dir), "events", cache_dir=str(cache_dir))
    documents = load_dataset(str(dataset_dir), "documents", cache_dir=str(cache_dir))
    sentences, split_of, fold_of = [], {}, {}
    for split in ("train", "validation", "test"):
        for row, event_row in zip(ner[split], events[split], strict=True):
            sentences.append(Sentence(row["id"], row["doc_id"], row["tokens"], row["token_starts"], row["token_ends"],
                                      [NER_TAGS[t] for t in row["ner_tags"]],
                                      [TRIGGER_TAGS[t] for t in event_row["trigger_tags"]]))
            split_of[row["id"]] = split
            fold_of[row["id"]] = row["fold"]
    texts, gold_arguments, gold_mentions = {}, {}, {}
    for split in documents:
        for doc in documents[split]:
            texts[doc["doc_id"]] = doc["text"]
            spans = {e["id"]: e["offsets"][0] for e in doc["entities"]}
            gold_arguments[doc["doc_id"]] = {
                (doc["doc_id"], ev["trigger"]["offsets"][0][0], ev["trigger"]["offsets"][0][1], a["role"],
                 spans[a["ref_id"]][0], spans[a["ref_id"]][1])
                for ev in doc["events"] for a in ev["arguments"]}
            gold_mentions[doc["doc_id"]] = (
                [(e["offsets"][0][0], e["offsets"][0][1], e["type"]) for e in doc["entities"]],
                [(e["trigger"]["offsets"][0][0], e["trigger"]["offsets"][0][1], e["type"]) for e in doc["events"]])
    checksums = {}
    manifest = dataset_dir / "MANIFEST.sha256"
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        digest, rel = line.split("  ", 1)
        checksums[rel] = digest
    fingerprint = hashlib.sha256(manifest.read_bytes()).hexdigest()
    return BenchmarkData(sentences, split_of, fold_of, texts, gold_arguments, gold_mentions, checksums, fingerprint)


def mentions_by_document(sentences: list[Sentence], ner: list[list[str]], triggers: list[list[str]]) -> Mentions:
    """Predicted entity and trigger spans (document offsets) of each document, from sentence tags."""
    mentions: Mentions = {s.doc_id: ([], []) for s in sentences}
    for sentence, n, t in zip(sentences, ner, triggers, strict=True):
        tokens = [Token(w, a, b) for w, a, b in zip(sentence.tokens, sentence.token_starts, sentence.token_ends)]
        mentions[sentence.doc_id][0].extend(iob2_to_spans(tokens, n))
        mentions[sentence.doc_id][1].extend(iob2_to_spans(tokens, t))
    return mentions
