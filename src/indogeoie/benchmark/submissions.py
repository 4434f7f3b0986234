"""``indogeoie score``: anyone's predictions, scored exactly as the benchmark scores its own.

Sentence-level tag predictions give seqeval scores (strict IOB2 headline,
default mode beside; micro, macro and per type; classification and
identification) and the number of predicted sequences that are invalid IOB2,
which the strict mode scores by its rule. Document-level event predictions
give trigger and argument F1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.table import Table

from indogeoie.formats.predictions import TAGS, read_document_predictions, read_tag_predictions
from indogeoie.benchmark.scoring import set_prf, score_arguments, score_tagging


def _is_document_level(path: Path) -> bool:
    with path.open("rb") as handle:
        while raw := handle.readline(1 << 20):
            if not raw.endswith(b"\n") and len(raw) == 1 << 20:
                return False  # an overlong first line: the sentence-level reader reports it
            if raw.strip():
                try:
                    row = json.loads(raw.decode("utf-8", errors="replace"))
                except json.JSONDecodeError:
                    return False
                return isinstance(row, dict) and "doc_id" in row and "events" in row and "id" not in row
    return False


def score_file(*, predictions: Path, config: str, split: str, dataset_dir: Path, cache_dir: Path) -> dict[str, Any]:
    """Score a predictions file against one split of the dataset.

    Args:
        predictions: JSON Lines, sentence level (``id`` and tags) or, for ``events``,
            document level (``doc_id`` and ``events``).
        config: ``ner`` or ``events``.
        split: the split to score against.
        dataset_dir: the built dataset.
        cache_dir: cache for ``datasets``.
    """
    from datasets import load_dataset

    if config == "events" and _is_document_level(predictions):
        documents = load_dataset(str(dataset_dir), "documents", cache_dir=str(cache_dir))[split]
        texts = {d["doc_id"]: d["text"] for d in documents}
        predicted = read_document_predictions(predictions, texts=texts)
        gold_triggers, gold_arguments = set(), set()
        for doc in documents:
            spans = {e["id"]: e["offsets"][0] for e in doc["entities"]}
            for event in doc["events"]:
                start, end = event["trigger"]["offsets"][0]
                gold_triggers.add((doc["doc_id"], start, end, event["type"]))
                gold_arguments |= {(doc["doc_id"], start, end, a["role"], *spans[a["ref_id"]])
                                   for a in event["arguments"]}
        pred_triggers = {(d, *t) for d, p in predicted.items() for t in p.triggers}
        pred_arguments = {(d, *a) for d, p in predicted.items() for a in p.arguments}
        return {"config": config, "split": split, "level": "document", "documents": len(texts),
                "triggers": {"classification": set_prf(gold_triggers, pred_triggers).as_dict(),
                             "identification": set_prf({t[:3] for t in gold_triggers},
                                                       {t[:3] for t in pred_triggers}).as_dict()},
                "arguments": score_arguments(gold_arguments, pred_arguments).as_dict()}
    rows = load_dataset(str(dataset_dir), config, cache_dir=str(cache_dir))[split]
    column = "ner_tags" if config == "ner" else "trigger_tags"
    names = TAGS[config]
    gold = {row["id"]: [names[t] for t in row[column]] for row in rows}
    predicted = read_tag_predictions(predictions, config=config, gold=gold)
    ids = list(gold)
    report = score_tagging([gold[i] for i in ids], [predicted[i] for i in ids]).as_dict()
    return {"config": config, "split": split, "level": "sentence", **report}


def render_table(report: dict[str, Any]) -> Table:
    """A rich table of a score report."""
    table = Table(title=f"{report['config']} / {report['split']}")
    for column in ("", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(column, justify="left" if not column else "right")

    def add(name: str, prf: dict[str, Any]) -> None:
        table.add_row(name, f"{prf['precision']:.4f}", f"{prf['recall']:.4f}", f"{prf['f1']:.4f}",
                      str(prf["gold"]), str(prf["predicted"]))

    if report["level"] == "document":
        add("triggers (span + type)", report["triggers"]["classification"])
        add("triggers (span)", report["triggers"]["identification"])
        add("arguments (role)", report["arguments"]["classification"])
        add("arguments (no role)", report["arguments"]["identification"])
        return table
    strict = report["classification"]["strict"]
    add("micro, strict IOB2 (headline)", strict["micro"])
    add("micro, default (conlleval)", report["classification"]["default"]["micro"])
    add("identification, strict", report["identification"]["strict"]["micro"])
    table.add_row("macro F1, strict", "", "", f"{strict['macro_f1']:.4f}", "", "")
    for name, prf in strict["per_type"].items():
        add(f"  {name}", prf)
    table.caption = (f"{report['invalid_iob2_sequences']} of {report['sequences']} predicted sequences are invalid "
                     "IOB2; strict mode drops their invalid chunks, default mode reads I- as a start")
    return table
