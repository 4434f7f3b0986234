"""The event-data rows of the leaderboard, and the picture for analysts.

* **Actor normalisation accuracy**: on the test split's Actor and Recipient
  mentions that have a gold country code, the share to which the baseline
  normaliser gives the same code. The baseline knows the table's entries for
  surfaces seen as Actor or Recipient in train only, then country names.
* **PLOVER record F1**: per test document, the set of (event type, actor
  country, recipient country) of every event with a coded actor; a record
  counts when all three match. Predicted events are normalised by the baseline.

The picture (``make benchmark``): the gold corpus's dyads (actor country by
recipient country, coloured by quad class) and its event counts by type and month.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from indogeoie.annotation.actors import ActorTable, baseline_normaliser
from indogeoie.benchmark.data import BenchmarkData
from indogeoie.benchmark.metrics import Events
from indogeoie.schema import ACTOR, PARTY_ROLES, QUAD_CLASSES, QUAD_OF, RECIPIENT


def _surface(data: BenchmarkData, doc_id: str, start: int, end: int) -> str:
    return data.texts[doc_id][start:end]


def baseline_for(data: BenchmarkData, table: ActorTable) -> ActorTable:
    """The baseline normaliser: the table's entries for surfaces seen as Actor or Recipient in train."""
    seen = {_surface(data, d, a, b).casefold() for d in data.doc_ids("train") for e in data.events.of(d)
            for role, a, b in e.arguments if role in PARTY_ROLES}
    return baseline_normaliser(table, seen)


def normalisation_counts(data: BenchmarkData, gold: ActorTable, baseline: ActorTable, split: str) -> np.ndarray:
    """Per document: (baseline code right, mentions with a gold code, same)."""
    rows = []
    for doc_id in data.doc_ids(split):
        mentions = {(a, b) for e in data.events.of(doc_id) for role, a, b in e.arguments if role in PARTY_ROLES}
        right = total = 0
        for a, b in mentions:
            surface = _surface(data, doc_id, a, b)
            expected = gold.normalise(doc_id, surface)
            if expected is None or expected.country is None:
                continue
            found = baseline.normalise(doc_id, surface)
            total += 1
            right += found is not None and found.country == expected.country
        rows.append((right, total, total))
    return np.array(rows, dtype=np.int64).reshape(len(rows), 3)


def record_items(data: BenchmarkData, events: Events, normaliser: ActorTable, doc_id: str) -> set[tuple[Any, ...]]:
    """(event type, actor country, recipient country) of each event of a document with a coded actor."""
    items = set()
    for event in events.of(doc_id):
        first = {role: min(((a, b) for r, a, b in event.arguments if r == role), default=None) for role in PARTY_ROLES}
        codes = {}
        for role, span in first.items():
            found = normaliser.normalise(doc_id, _surface(data, doc_id, *span)) if span else None
            codes[role] = found.country if found else None
        if codes[ACTOR] is not None:
            items.add((event.type, codes[ACTOR], codes[RECIPIENT]))
    return items


def record_counts(data: BenchmarkData, predicted: Events, gold: ActorTable, baseline: ActorTable,
                  split: str) -> np.ndarray:
    """Per document: (records matched, gold records, predicted records)."""
    rows = []
    for doc_id in data.doc_ids(split):
        g = record_items(data, data.events, gold, doc_id)
        p = record_items(data, predicted, baseline, doc_id)
        rows.append((len(g & p), len(g), len(p)))
    return np.array(rows, dtype=np.int64).reshape(len(rows), 3)


def _png(figure: Any) -> bytes:
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def dyad_picture(records_file: Path, *, top: int = 15) -> tuple[bytes, dict[str, Any]]:
    """The gold dyad matrix and event counts (PNG), and the numbers drawn, from the complete PLOVER records."""
    from matplotlib.colors import ListedColormap
    from matplotlib.figure import Figure

    records = [json.loads(line) for line in records_file.read_text(encoding="utf-8").splitlines() if line]
    dyads = [(r["actor"]["country"], r["recipient"]["country"], r["quad_code"]) for r in records
             if r["recipient"] and r["recipient"]["country"]]
    countries = [c for c, _ in Counter([a for a, _, _ in dyads] + [b for _, b, _ in dyads]).most_common(top)]
    index = {c: i for i, c in enumerate(countries)}
    counts = np.zeros((len(countries), len(countries), 4), dtype=np.int64)
    for actor, recipient, quad in dyads:
        if actor in index and recipient in index:
            counts[index[actor], index[recipient], quad - 1] += 1
    figure = Figure(figsize=(15, 6.5))
    left, middle, right = figure.subplots(1, 3, gridspec_kw={"width_ratios": [1.3, 1, 1]})
    total = counts.sum(axis=2)
    dominant = np.where(total > 0, counts.argmax(axis=2) + 1, 0)
    palette = ["#ffffff", "#74c476", "#238b45", "#fd8d3c", "#d94801"]
    colours = ListedColormap(palette)
    left.imshow(dominant, cmap=colours, vmin=0, vmax=4)
    for i in range(len(countries)):
        for j in range(len(countries)):
            if total[i, j]:
                left.text(j, i, str(total[i, j]), ha="center", va="center", fontsize=7)
    left.set_xticks(range(len(countries)), countries, rotation=90, fontsize=7)
    left.set_yticks(range(len(countries)), countries, fontsize=7)
    left.set_xlabel("recipient")
    left.set_ylabel("actor")
    left.set_title("Gold dyads: events, coloured by the most frequent quad class", fontsize=9)
    for quad, name in QUAD_CLASSES.items():
        left.plot([], [], "s", color=palette[quad], label=name)
    left.legend(fontsize=7, loc="upper right", bbox_to_anchor=(1.0, -0.12), ncol=2)
    by_type = Counter(r["event"] for r in records)
    types = sorted(QUAD_OF, key=lambda t: (QUAD_OF[t], t))
    middle.barh(types, [by_type.get(t, 0) for t in types], color=[palette[QUAD_OF[t]] for t in types])
    middle.invert_yaxis()
    middle.set_title("Complete gold records by event type", fontsize=9)
    middle.tick_params(labelsize=7)
    by_month = Counter(r["date"][:7] for r in records if r["date"] and len(r["date"]) >= 7)
    months = sorted(by_month)
    right.bar(range(len(months)), [by_month[m] for m in months], color="#6baed6")
    step = max(1, len(months) // 12)
    right.set_xticks(range(0, len(months), step), months[::step], rotation=90, fontsize=7)
    right.set_title("Complete gold records by month", fontsize=9)
    figure.tight_layout()
    numbers = {"records": len(records), "dyads": len(dyads), "countries_shown": countries,
               "by_type": dict(sorted(by_type.items())), "by_month": {m: by_month[m] for m in months}}
    return _png(figure), numbers
