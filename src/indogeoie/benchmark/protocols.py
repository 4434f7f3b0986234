"""The protocols: every tagger under the fixed split and the folds, and the argument rules.

* **fixed split**: train on ``train``, predict ``validation`` and ``test``; the
  test split is the headline and is scored once.
* **leave-one-document-out (LODO)**: for each fold, train on the other documents
  and predict the held-out one. Reported as mean and sample standard deviation
  (n - 1) of the per-fold strict micro F1, and as scores of the pooled
  predictions.

Uncertainty: 95% percentile bootstrap intervals of the strict micro F1
(:mod:`indogeoie.benchmark.bootstrap`), resampling the *sentences* of the
evaluated set (entities, triggers; arguments go with their trigger's
sentence). Sentences are not independent, so the intervals are optimistic.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from indogeoie.benchmark.bootstrap import BOOTSTRAP_SEED, argument_counts, bootstrap_interval, sentence_counts
from indogeoie.benchmark.data import BenchmarkData, Mentions, mentions_by_document
from indogeoie.benchmark.provenance import SEED, provenance
from indogeoie.benchmark.registry import load_tagger
from indogeoie.benchmark.scoring import ArgumentTuple, score_arguments, score_tagging
from indogeoie.benchmark.types import Sentence


def predict_arguments(corpus: BenchmarkData, doc_ids: list[str],
                      mentions: Mentions) -> tuple[set[ArgumentTuple], list[dict[str, Any]]]:
    """Run the argument baseline on given entity and trigger mentions; tuples and document rows."""
    from indogeoie_baselines.arguments import Mention, predict_arguments as rules

    tuples: set[ArgumentTuple] = set()
    rows = []
    for doc_id in doc_ids:
        entities, triggers = mentions[doc_id]
        trigger_mentions = [Mention(*t) for t in sorted(triggers)]
        roles = rules(corpus.texts[doc_id], trigger_mentions, [Mention(*e) for e in sorted(entities)])
        events = []
        for trigger in trigger_mentions:
            arguments = [{"role": role, "start": e.start, "end": e.end} for role, e in roles[trigger]]
            events.append({"type": trigger.type, "trigger": {"start": trigger.start, "end": trigger.end},
                           "arguments": arguments})
            tuples |= {(doc_id, trigger.start, trigger.end, a["role"], a["start"], a["end"]) for a in arguments}
        rows.append({"doc_id": doc_id, "events": events})
    return tuples, rows


def evaluate(corpus: BenchmarkData, sentences: list[Sentence], ner: list[list[str]], triggers: list[list[str]],
             *, rng: np.random.Generator) -> dict[str, Any]:
    """Scores of one set of predictions: entities, triggers, and arguments from the rules baseline."""
    gold_ner = [s.ner_tags for s in sentences]
    gold_triggers = [s.trigger_tags for s in sentences]
    doc_ids = sorted({s.doc_id for s in sentences})
    predicted_args, _ = predict_arguments(corpus, doc_ids, mentions_by_document(sentences, ner, triggers))
    gold_args = set().union(*(corpus.gold_arguments[d] for d in doc_ids))
    entities = score_tagging(gold_ner, ner).as_dict()
    entities["strict_micro_f1_ci95"] = bootstrap_interval(sentence_counts(gold_ner, ner), rng)
    trigger_scores = score_tagging(gold_triggers, triggers).as_dict()
    trigger_scores["strict_micro_f1_ci95"] = bootstrap_interval(sentence_counts(gold_triggers, triggers), rng)
    arguments = score_arguments(gold_args, predicted_args).as_dict()
    arguments["classification_f1_ci95"] = bootstrap_interval(argument_counts(sentences, gold_args, predicted_args), rng)
    return {"sentences": len(sentences), "documents": doc_ids, "entities": entities, "triggers": trigger_scores,
            "arguments_end_to_end": arguments}


def _f1(report: dict[str, Any], task: str) -> float:
    if task == "arguments_end_to_end":
        return float(report[task]["classification"]["f1"])
    return float(report[task]["classification"]["strict"]["micro"]["f1"])


@dataclass
class ModelRun:
    """One baseline's results and predictions."""

    name: str
    results: dict[str, Any]
    predictions: dict[str, str]  # file name -> JSON Lines


def run_tagger(name: str, corpus: BenchmarkData, workdir: Path, progress: Callable[[str], None]) -> ModelRun:
    """Train and evaluate one tagging baseline under both protocols."""
    tagger = load_tagger(name)
    started = time.perf_counter()
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    by_split = {s: [x for x in corpus.sentences if corpus.split_of[x.id] == s] for s in ("train", "validation", "test")}
    progress(f"{name}: fixed split")
    model = tagger.train(by_split["train"], seed=SEED, workdir=workdir / name / "fixed")
    fixed: dict[str, Any] = {}
    files: dict[str, str] = {}
    from indogeoie.formats.predictions import document_rows, tag_rows

    for split in ("validation", "test"):
        predicted = tagger.predict(model, by_split[split])
        ner, triggers = [p.ner_tags for p in predicted], [p.trigger_tags for p in predicted]
        fixed[split] = evaluate(corpus, by_split[split], ner, triggers, rng=rng)
        files[f"{split}.jsonl"] = tag_rows([s.id for s in by_split[split]], [s.doc_id for s in by_split[split]],
                                           ner, triggers)
        files[f"{split}.arguments.jsonl"] = document_rows(
            _argument_rows(corpus, by_split[split], ner, triggers))
    folds = sorted(set(corpus.fold_of.values()))
    pooled_ner: dict[str, list[str]] = {}
    pooled_triggers: dict[str, list[str]] = {}
    per_fold = []
    for fold in folds:
        progress(f"{name}: fold {fold + 1}/{len(folds)}")
        train = [s for s in corpus.sentences if corpus.fold_of[s.id] != fold]
        held_out = [s for s in corpus.sentences if corpus.fold_of[s.id] == fold]
        fold_model = tagger.train(train, seed=SEED, workdir=workdir / name / f"fold{fold}")
        predicted = tagger.predict(fold_model, held_out)
        ner, triggers = [p.ner_tags for p in predicted], [p.trigger_tags for p in predicted]
        scores = evaluate(corpus, held_out, ner, triggers, rng=np.random.default_rng(BOOTSTRAP_SEED))
        per_fold.append({"fold": fold, "doc_id": held_out[0].doc_id,
                         **{task: _f1(scores, task) for task in ("entities", "triggers", "arguments_end_to_end")}})
        for s, n, t in zip(held_out, ner, triggers):
            pooled_ner[s.id], pooled_triggers[s.id] = n, t
    ordered = corpus.sentences
    pooled_n = [pooled_ner[s.id] for s in ordered]
    pooled_t = [pooled_triggers[s.id] for s in ordered]
    pooled = evaluate(corpus, ordered, pooled_n, pooled_t, rng=rng)
    files["lodo.jsonl"] = tag_rows([s.id for s in ordered], [s.doc_id for s in ordered], pooled_n, pooled_t)
    files["lodo.arguments.jsonl"] = document_rows(_argument_rows(corpus, ordered, pooled_n, pooled_t))
    summary = {}
    for task in ("entities", "triggers", "arguments_end_to_end"):
        values = np.array([f[task] for f in per_fold])
        summary[task] = {"mean": float(values.mean()), "std": float(values.std(ddof=1)) if len(values) > 1 else 0.0}
    results = {
        "model": name,
        "settings": tagger.settings(),
        **provenance(corpus),
        "protocols": {"fixed": fixed, "lodo": {"folds": per_fold, "mean_std": summary, "pooled": pooled}},
        "wall_time_seconds": round(time.perf_counter() - started, 2),
    }
    return ModelRun(name, results, files)


def _argument_rows(corpus: BenchmarkData, sentences: list[Sentence], ner: list[list[str]],
                   triggers: list[list[str]]) -> list[dict[str, Any]]:
    doc_ids = sorted({s.doc_id for s in sentences})
    return predict_arguments(corpus, doc_ids, mentions_by_document(sentences, ner, triggers))[1]


def run_argument_rules(corpus: BenchmarkData) -> ModelRun:
    """The argument baseline on gold triggers and gold entities (no training: every document is held out)."""
    started = time.perf_counter()
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    files: dict[str, str] = {}
    from indogeoie.formats.predictions import document_rows

    def score(doc_ids: list[str], sentences: list[Sentence]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        predicted, rows = predict_arguments(corpus, doc_ids, {d: corpus.gold_mentions[d] for d in doc_ids})
        gold = set().union(*(corpus.gold_arguments[d] for d in doc_ids))
        report = score_arguments(gold, predicted).as_dict()
        report["classification_f1_ci95"] = bootstrap_interval(argument_counts(sentences, gold, predicted), rng)
        return report, rows

    fixed = {}
    for split in ("validation", "test"):
        sentences = [s for s in corpus.sentences if corpus.split_of[s.id] == split]
        doc_ids = sorted({s.doc_id for s in sentences})
        fixed[split], rows = score(doc_ids, sentences)
        files[f"{split}.arguments.jsonl"] = document_rows(rows)
    per_fold = []
    for fold in sorted(set(corpus.fold_of.values())):
        sentences = [s for s in corpus.sentences if corpus.fold_of[s.id] == fold]
        report, _ = score(sorted({s.doc_id for s in sentences}), sentences)
        per_fold.append({"fold": fold, "doc_id": sentences[0].doc_id, "arguments": report["classification"]["f1"]})
    pooled, rows = score(sorted(corpus.texts), corpus.sentences)
    files["lodo.arguments.jsonl"] = document_rows(rows)
    values = np.array([f["arguments"] for f in per_fold])
    results = {"model": "rules", "settings": {"input": "gold triggers and gold entities"}, **provenance(corpus),
               "protocols": {"fixed": fixed, "lodo": {"folds": per_fold, "mean_std": {"arguments": {
                   "mean": float(values.mean()), "std": float(values.std(ddof=1))}}, "pooled": pooled}},
               "wall_time_seconds": round(time.perf_counter() - started, 2)}
    return ModelRun("rules", results, files)
