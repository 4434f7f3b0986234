"""The benchmark's plots: per-type F1 by model, and the entity confusion of the best model."""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from indogeoie.benchmark.data import BenchmarkData
from indogeoie.benchmark.protocols import ModelRun
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES

def _png(figure: Any) -> bytes:
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def plots(runs: list[ModelRun], corpus: BenchmarkData) -> dict[str, bytes]:
    """Per-type F1 by model, and the entity confusion matrix of the best model (LODO pooled)."""
    # The object-oriented API draws without pyplot's global state or a backend switch.
    from matplotlib.figure import Figure

    taggers = [r for r in runs if r.name != "rules"]
    out: dict[str, bytes] = {}
    if not taggers:
        return out
    figure = Figure(figsize=(14, 4.8))
    axes = figure.subplots(1, 2)
    for axis, task, names in ((axes[0], "entities", ENTITY_TYPES), (axes[1], "triggers", EVENT_TYPES)):
        width = 0.8 / len(taggers)
        for index, run in enumerate(taggers):
            per_type = run.results["protocols"]["lodo"]["pooled"][task]["classification"]["strict"]["per_type"]
            values = [per_type.get(n, {"f1": 0.0})["f1"] for n in names]
            axis.bar(np.arange(len(names)) + index * width, values, width, label=run.name)
        axis.set_xticks(np.arange(len(names)) + width * (len(taggers) - 1) / 2, names, rotation=60, fontsize=8)
        axis.set_ylim(0, 1)
        axis.set_title(f"{task}: strict F1 per type (LODO pooled)")
        axis.legend(fontsize=8)
    figure.tight_layout()
    out["per_type_f1.png"] = _png(figure)
    best = max(taggers, key=lambda r: r.results["protocols"]["lodo"]["pooled"]["entities"]["classification"]
               ["strict"]["micro"]["f1"])
    rows = [json.loads(line) for line in best.predictions["lodo.jsonl"].splitlines()]
    gold = {s.id: s.ner_tags for s in corpus.sentences}
    labels = ["O", *ENTITY_TYPES]
    matrix = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for row in rows:
        for g, p in zip(gold[row["id"]], row["ner_tags"]):
            matrix[labels.index(g[2:] if g != "O" else "O"), labels.index(p[2:] if p != "O" else "O")] += 1
    figure = Figure(figsize=(7, 6))
    axis = figure.subplots()
    shown = np.log1p(matrix)
    axis.imshow(shown, cmap="Blues")
    for i in range(len(labels)):
        for j in range(len(labels)):
            if matrix[i, j]:
                axis.text(j, i, str(matrix[i, j]), ha="center", va="center", fontsize=7,
                          color="white" if shown[i, j] > shown.max() / 2 else "black")
    axis.set_xticks(range(len(labels)), labels, rotation=60, fontsize=8)
    axis.set_yticks(range(len(labels)), labels, fontsize=8)
    axis.set_xlabel("predicted")
    axis.set_ylabel("gold")
    axis.set_title(f"Entity types by token, {best.name} (LODO pooled)")
    figure.tight_layout()
    out["confusion_entities.png"] = _png(figure)
    return out
