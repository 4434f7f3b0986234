"""The end-to-end pipeline: entity and trigger tags, then arguments and modality from the argument baseline.

The argument model (:mod:`indogeoie_baselines.arguments`) learns from the
gold mentions of train and chooses its setting on validation; at test time it
gets whatever mentions the tagger predicted, so its errors add to the tagger's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indogeoie.benchmark.data import BenchmarkData, Span, spans_by_document
from indogeoie.benchmark.metrics import Event, Events

if TYPE_CHECKING:
    from indogeoie_baselines.arguments import ArgumentModel, DocumentMentions


def document_mentions(data: BenchmarkData, doc_ids: list[str], entities: dict[str, list[Span]],
                      triggers: dict[str, list[Span]]) -> list[DocumentMentions]:
    """The argument model's input for ``doc_ids``: text, tokens, sentence starts and mentions."""
    from indogeoie_baselines.arguments import DocumentMentions

    tokens: dict[str, tuple[list[int], list[int], list[int]]] = {d: ([], [], []) for d in doc_ids}
    for sentence in data.sentences:
        if sentence.doc_id in tokens:
            starts, ends, sentence_starts = tokens[sentence.doc_id]
            starts += sentence.token_starts
            ends += sentence.token_ends
            sentence_starts.append(sentence.token_starts[0])
    return [DocumentMentions(d, data.texts[d], *tokens[d], sorted(entities.get(d, [])), sorted(triggers.get(d, [])))
            for d in doc_ids]


def gold_mentions(data: BenchmarkData, doc_ids: list[str]) -> list[DocumentMentions]:
    triggers = {d: [(e.start, e.end, e.type) for e in data.events.of(d)] for d in doc_ids}
    return document_mentions(data, doc_ids, data.entities, triggers)


def train_argument_model(data: BenchmarkData) -> ArgumentModel:
    """The argument model, trained on train's gold mentions, its setting chosen on validation."""
    from indogeoie_baselines.arguments import ArgumentModel

    gold = data.events.by_doc
    return ArgumentModel().train(gold_mentions(data, data.doc_ids("train")), gold,
                                 gold_mentions(data, data.doc_ids("validation")))


def predicted_events(data: BenchmarkData, split: str, model: ArgumentModel, ner: dict[str, list[str]],
                     triggers: dict[str, list[str]]) -> Events:
    """Events of ``split`` from predicted tags: trigger spans, arguments among predicted entities, modality."""
    sentences = data.split(split)
    entities = spans_by_document(sentences, [ner[s.id] for s in sentences])
    trigger_spans = spans_by_document(sentences, [triggers[s.id] for s in sentences])
    return Events(model.predict(document_mentions(data, data.doc_ids(split), entities, trigger_spans)))


def events_on_gold_mentions(data: BenchmarkData, split: str, model: ArgumentModel) -> Events:
    return Events(model.predict(gold_mentions(data, data.doc_ids(split))))


__all__ = ["Event", "document_mentions", "events_on_gold_mentions", "gold_mentions", "predicted_events",
           "train_argument_model"]
