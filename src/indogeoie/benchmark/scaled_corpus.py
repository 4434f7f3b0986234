"""Scaled corpora for benchmarks: the gold's sentences, recombined into N articles.

Each gold sentence keeps its entities, triggers, modality and the arguments
whose entity lies in the same sentence (arguments across sentences are dropped:
their other end may not come along). Sentences are drawn with a fixed seed,
joined one per line into articles of the gold's mean length, and re-offset, so
every annotation of the result is valid against the project's tokenizer.
:func:`perturbed_predictions` gives a built scaled dataset predictions to score.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indogeoie import io
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.formats.labelstudio_tasks import document_result
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import ENTITY_TYPES, NER_TAGS
from indogeoie.text.tokens import tokenize

SEED = 20260
PERTURB_SEED = 7


@dataclass(frozen=True)
class SentencePiece:
    """One gold sentence with its labels, offsets relative to the sentence."""

    text: str
    entities: tuple[Span, ...]
    events: tuple[Event, ...]


def sentence_pieces(documents: tuple[AnnotatedDocument, ...]) -> list[SentencePiece]:
    """Cut gold documents into labelled sentences."""
    pieces = []
    for document in documents:
        for sentence in tokenize(document.text).sentences:
            def inside(span: Span, sentence: Any = sentence) -> bool:
                return bool(sentence.start <= span.start and span.end <= sentence.end)

            def shift(span: Span, sentence: Any = sentence) -> Span:
                return Span(span.id, span.label, span.start - sentence.start, span.end - sentence.start, span.text)

            entities = tuple(shift(e) for e in document.entities if inside(e))
            kept = {e.id for e in entities}
            events = tuple(Event(ev.id, ev.type, ev.modality, shift(ev.trigger),
                                 tuple(a for a in ev.arguments if a.ref_id in kept))
                           for ev in document.events if inside(ev.trigger))
            pieces.append(SentencePiece(document.text[sentence.start:sentence.end], entities, events))
    return pieces


def scaled_documents(pieces: list[SentencePiece], *, articles: int, sentences_per_article: int,
                     seed: int = SEED) -> Iterator[AnnotatedDocument]:
    """``articles`` documents of ``sentences_per_article`` sentences drawn with replacement."""
    rng = random.Random(seed)
    for number in range(articles):
        chosen = [rng.choice(pieces) for _ in range(sentences_per_article)]
        text_parts: list[str] = []
        entities: list[Span] = []
        events: list[Event] = []
        offset = 0
        for index, piece in enumerate(chosen):
            rename = {}
            for entity in piece.entities:
                new_id = f"e{len(entities) + 1:05d}"
                rename[entity.id] = new_id
                entities.append(Span(new_id, entity.label, entity.start + offset, entity.end + offset, entity.text))
            for event in piece.events:
                new_id = f"t{len(events) + 1:05d}"
                trigger = event.trigger
                events.append(Event(new_id, event.type, event.modality,
                                    Span(new_id, trigger.label, trigger.start + offset, trigger.end + offset,
                                         trigger.text),
                                    tuple(Argument(a.role, rename[a.ref_id]) for a in event.arguments)))
            text_parts.append(piece.text)
            offset += len(piece.text) + 1  # the newline that ends the sentence
            del index
        yield AnnotatedDocument(f"scaled-{number:06d}", "\n".join(text_parts), tuple(entities), tuple(events))


def write_scaled_export(*, gold: Path, articles: int, out: Path, seed: int = SEED) -> int:
    """Write a Label Studio export of ``articles`` recombined articles; return the number of tokens."""
    report = read_export(gold)
    pieces = sentence_pieces(report.documents)
    per_article = max(1, round(len(pieces) / max(len(report.documents), 1)))
    tokens_per_piece = {piece.text: len(tokenize(piece.text).tokens) for piece in pieces}
    total = 0
    lines = []
    for index, document in enumerate(scaled_documents(pieces, articles=articles,
                                                       sentences_per_article=per_article, seed=seed)):
        total += sum(tokens_per_piece[line] for line in document.text.split("\n"))
        task: dict[str, Any] = {"id": index + 1, "data": {"text": document.text, "doc_id": document.doc_id},
                                "annotations": [{"id": index + 1, "result": document_result(document)}]}
        lines.append(json.dumps(task, ensure_ascii=False))
    io.write_text(out, "[\n" + ",\n".join(lines) + "\n]\n")
    return total


def perturbed_predictions(dataset: Path, out: Path) -> None:
    """Predictions for the train split of a built dataset: its gold, with about one entity in 7 dropped and one
    in 5 given a random type (drawn with :data:`PERTURB_SEED`)."""
    rng = random.Random(PERTURB_SEED)
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted((dataset / "data" / "ner").glob("train-*.jsonl")):
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                tags = [NER_TAGS[t] for t in row["ner_tags"]]
                for i, tag in enumerate(tags):
                    if tag.startswith("B-"):
                        roll = rng.random()
                        j = i + 1
                        while j < len(tags) and tags[j] == "I-" + tag[2:]:
                            j += 1
                        if roll < 1 / 7:
                            tags[i:j] = ["O"] * (j - i)
                        elif roll < 1 / 7 + 1 / 5:
                            label = rng.choice(ENTITY_TYPES)
                            tags[i:j] = [f"B-{label}"] + [f"I-{label}"] * (j - i - 1)
                handle.write(json.dumps({"id": row["id"], "tags": tags}) + "\n")
