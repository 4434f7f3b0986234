"""The benchmark's metrics, as per-document counts so that every score can be resampled by document.

Entities are scored as seqeval scores them (:mod:`indogeoie.benchmark.scoring`
holds the chunkers); events as the event-extraction literature scores them
(ACE 2005 as evaluated by OneIE and TextEE):

* **Trig-I**: a trigger is identified when its span matches a gold trigger's.
* **Trig-C**: ... and its event type matches too.
* **Arg-I**: an argument is identified when its span and its event's type match a
  gold argument's (OneIE's definition; the trigger itself need not match).
* **Arg-C**: ... and its role matches too.
* **Arg-C+**: Arg-C with the trigger span required as well (TextEE's "attached").
* **Modality**: accuracy over the predicted triggers whose span matches a gold
  trigger (Trig-I matches).

Every metric is a set of items per document; a document contributes its
(true positives, gold, predicted) counts, and micro P/R/F1 come from the sums.

>>> gold = Events({"d": (Event("ASSAULT", 3, 12, "asserted", (("Actor", 0, 2),)),)})
>>> pred = Events({"d": (Event("PROTEST", 3, 12, "asserted", (("Actor", 0, 2),)),)})
>>> counts = event_counts(gold, pred, ["d"])
>>> counts["trig_i"][0].tolist(), counts["trig_c"][0].tolist()
([1, 1, 1], [0, 1, 1])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from indogeoie.benchmark.scoring import PRF, chunks, prf_from_counts

#: The metrics of the leaderboard, in its column order, with their names in the literature.
METRIC_NAMES: dict[str, str] = {
    "ent_strict": "Entities F1 (strict)",
    "ent_default": "Entities F1 (default)",
    "trig_i": "Trig-I F1",
    "trig_c": "Trig-C F1",
    "arg_i": "Arg-I F1",
    "arg_c": "Arg-C F1",
    "arg_c_plus": "Arg-C+ F1",
    "modality": "Modality accuracy",
    "plover_f1": "PLOVER record F1",
    "actor_norm": "Actor normalisation accuracy",
}
#: Metrics that are accuracies over (right, total, total) counts rather than F1 over (tp, gold, predicted).
ACCURACIES = ("modality", "actor_norm")
ENTITY_METRICS = ("ent_strict", "ent_default")
EVENT_METRICS = ("trig_i", "trig_c", "arg_i", "arg_c", "arg_c_plus", "modality")

Counts = dict[str, np.ndarray]  # metric -> array (documents, 3): true positives, gold, predicted


@dataclass(frozen=True, order=True)
class Event:
    """One event as scored: type, trigger span, modality and (role, start, end) arguments."""

    type: str
    start: int
    end: int
    modality: str
    arguments: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class Events:
    """The events of each document, by doc_id."""

    by_doc: dict[str, tuple[Event, ...]]

    def of(self, doc_id: str) -> tuple[Event, ...]:
        return self.by_doc.get(doc_id, ())


def _count(gold: set[object], predicted: set[object]) -> tuple[int, int, int]:
    return len(gold & predicted), len(gold), len(predicted)


def _event_items(events: Iterable[Event]) -> dict[str, set[object]]:
    events = list(events)
    return {
        "trig_i": {(e.start, e.end) for e in events},
        "trig_c": {(e.start, e.end, e.type) for e in events},
        "arg_i": {(e.type, a, b) for e in events for _, a, b in e.arguments},
        "arg_c": {(e.type, r, a, b) for e in events for r, a, b in e.arguments},
        "arg_c_plus": {(e.start, e.end, e.type, r, a, b) for e in events for r, a, b in e.arguments},
    }


def _modality_counts(gold: tuple[Event, ...], predicted: tuple[Event, ...]) -> tuple[int, int, int]:
    """(same modality, matched, matched): accuracy over span-matched triggers."""
    gold_modality = {(e.start, e.end): e.modality for e in gold}
    matched = [e for e in predicted if (e.start, e.end) in gold_modality]
    same = sum(1 for e in matched if e.modality == gold_modality[(e.start, e.end)])
    return same, len(matched), len(matched)


def event_counts(gold: Events, predicted: Events, doc_ids: list[str]) -> Counts:
    """Per-document counts of every event metric."""
    rows: dict[str, list[tuple[int, int, int]]] = {m: [] for m in EVENT_METRICS}
    for doc_id in doc_ids:
        g, p = gold.of(doc_id), predicted.of(doc_id)
        gold_items, predicted_items = _event_items(g), _event_items(p)
        for metric in EVENT_METRICS[:-1]:
            rows[metric].append(_count(gold_items[metric], predicted_items[metric]))
        rows["modality"].append(_modality_counts(g, p))
    return {m: np.array(v, dtype=np.int64).reshape(len(doc_ids), 3) for m, v in rows.items()}


def entity_counts(gold: dict[str, list[list[str]]], predicted: dict[str, list[list[str]]],
                  doc_ids: list[str]) -> Counts:
    """Per-document counts of seqeval's strict (IOB2) and default chunks.

    Args:
        gold: per doc_id, the gold tag sequences of its sentences.
        predicted: per doc_id, the predicted tag sequences, the same shape.
        doc_ids: the documents, in the order of the rows.
    """
    counts = {}
    for metric, mode in (("ent_strict", "strict"), ("ent_default", "default")):
        rows = [_count(chunks(gold[d], mode=mode), chunks(predicted[d], mode=mode)) for d in doc_ids]  # type: ignore[arg-type]
        counts[metric] = np.array(rows, dtype=np.int64).reshape(len(doc_ids), 3)
    return counts


def prf(counts: np.ndarray) -> PRF:
    """Micro P/R/F1 of summed per-document counts."""
    tp, gold, predicted = (int(x) for x in counts.sum(axis=0))
    return prf_from_counts(tp, gold, predicted)


def headline(metric: str, counts: np.ndarray) -> float:
    """The number a leaderboard cell shows: micro F1, or accuracy for modality (0 when nothing matched)."""
    if metric in ACCURACIES:
        same, matched, _ = (int(x) for x in counts.sum(axis=0))
        return same / matched if matched else 0.0
    return prf(counts).f1


def per_type(gold: dict[str, set[tuple[object, ...]]], predicted: dict[str, set[tuple[object, ...]]]) -> dict[str, PRF]:
    """P/R/F1 per type of items whose last field is the type, over all documents."""
    types = sorted({str(i[-1]) for items in (*gold.values(), *predicted.values()) for i in items})
    table = {}
    for label in types:
        tp = n_gold = n_pred = 0
        for doc_id in set(gold) | set(predicted):
            g = {i for i in gold.get(doc_id, set()) if i[-1] == label}
            p = {i for i in predicted.get(doc_id, set()) if i[-1] == label}
            tp, n_gold, n_pred = tp + len(g & p), n_gold + len(g), n_pred + len(p)
        table[label] = prf_from_counts(tp, n_gold, n_pred)
    return table


def trigger_items(events: Events) -> dict[str, set[tuple[object, ...]]]:
    """Typed trigger spans per document, for the per-type table."""
    return {d: {(e.start, e.end, e.type) for e in evs} for d, evs in events.by_doc.items()}


def argument_items(events: Events) -> dict[str, set[tuple[object, ...]]]:
    """Arg-C items per document with the role last, for the per-role table."""
    return {d: {(e.type, a, b, r) for e in evs for r, a, b in e.arguments} for d, evs in events.by_doc.items()}
