"""The benchmark: every baseline under both protocols, scored by :mod:`indogeoie.scoring`.

Protocols:

* **fixed split**: train on ``train``, predict ``validation`` and ``test``; the
  test split is the headline and is scored once.
* **leave-one-document-out (LODO)**: for each fold, train on the other documents
  and predict the held-out one. Reported as mean and sample standard deviation
  (n - 1) of the per-fold strict micro F1, and as scores of the pooled
  predictions.

Uncertainty: 95% percentile bootstrap intervals of the strict micro F1, from
``BOOTSTRAP_REPLICATES`` resamples, with replacement, of the *sentences* of
the evaluated set (entities, triggers; arguments go with their trigger's
sentence), seeded with ``BOOTSTRAP_SEED``. With one test document, sentences
are the only unit there is to resample; they are not independent, so the
intervals are optimistic.

Every input comes through ``datasets.load_dataset`` from the built dataset.
"""

from __future__ import annotations

import hashlib
import json
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from indogeoie import atomic
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.alignment import iob2_to_spans
from indogeoie.release import DATASET_VERSION
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, NER_TAGS, ROLES, SCHEMA_VERSION, TRIGGER_TAGS
from indogeoie.scoring import ArgumentTuple, score_arguments, score_tagging, sequence_scores
from indogeoie.tokens import Token

SEED = 13
BOOTSTRAP_SEED = 2026
BOOTSTRAP_REPLICATES = 1000
PACKAGES = ("datasets", "seqeval", "spacy", "sklearn-crfsuite", "python-crfsuite", "scikit-learn",
            "numpy", "label-studio-sdk", "torch", "transformers")
TRANSFORMER_COMMAND = ("pip install -e '.[transformer]' && INDOGEOIE_TRANSFORMER_MODEL=/path/to/indobert-base-p1 "
                       ".venv/bin/indogeoie benchmark --models transformer")


Mentions = dict[str, tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]]  # doc -> entities, triggers


@dataclass(frozen=True)
class Corpus:
    """The dataset as the baselines see it."""

    sentences: list[Any]  # baselines.Sentence, every split, dataset order
    split_of: dict[str, str]  # sentence id -> split
    fold_of: dict[str, int]  # sentence id -> fold
    texts: dict[str, str]  # doc_id -> text
    gold_arguments: dict[str, set[ArgumentTuple]]  # doc_id -> tuples
    gold_mentions: Mentions
    checksums: dict[str, str]
    fingerprint: str


def load_corpus(dataset_dir: Path, cache_dir: Path) -> Corpus:
    """Read the ``ner``, ``events`` and ``documents`` configs with ``datasets.load_dataset``."""
    from datasets import load_dataset

    from baselines import Sentence

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
    return Corpus(sentences, split_of, fold_of, texts, gold_arguments, gold_mentions, checksums, fingerprint)


def mentions_by_document(sentences: list[Any], ner: list[list[str]], triggers: list[list[str]]) -> Mentions:
    """Predicted entity and trigger spans (document offsets) of each document, from sentence tags."""
    mentions: Mentions = {s.doc_id: ([], []) for s in sentences}
    for sentence, n, t in zip(sentences, ner, triggers, strict=True):
        tokens = [Token(w, a, b) for w, a, b in zip(sentence.tokens, sentence.token_starts, sentence.token_ends)]
        mentions[sentence.doc_id][0].extend(iob2_to_spans(tokens, n))
        mentions[sentence.doc_id][1].extend(iob2_to_spans(tokens, t))
    return mentions


def predict_arguments(corpus: Corpus, doc_ids: list[str],
                      mentions: Mentions) -> tuple[set[ArgumentTuple], list[dict[str, Any]]]:
    """Run the argument baseline on given entity and trigger mentions; tuples and document rows."""
    from baselines.arguments import Mention, predict_arguments as rules

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


def _bootstrap(counts: np.ndarray, rng: np.random.Generator) -> list[float]:
    """95% percentile interval of micro F1 from per-unit (tp, gold, predicted) counts."""
    if len(counts) == 0:
        return [0.0, 0.0]
    picks = rng.integers(0, len(counts), size=(BOOTSTRAP_REPLICATES, len(counts)))
    sums = counts[picks].sum(axis=1)
    tp, gold, pred = sums[:, 0], sums[:, 1], sums[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        f1 = np.where(gold + pred > 0, 2 * tp / (gold + pred), 1.0)
    low, high = np.percentile(f1, [2.5, 97.5])
    return [round(float(low), 6), round(float(high), 6)]


def _sentence_counts(gold: list[list[str]], pred: list[list[str]]) -> np.ndarray:
    rows = []
    for g, p in zip(gold, pred, strict=True):
        micro = sequence_scores([g], [p], mode="strict").micro
        rows.append((micro.tp, micro.gold, micro.predicted))
    return np.array(rows, dtype=np.int64).reshape(-1, 3)


def _argument_counts(sentences: list[Any], gold: set[ArgumentTuple], pred: set[ArgumentTuple]) -> np.ndarray:
    by_sentence = {}
    for index, s in enumerate(sentences):
        by_sentence[(s.doc_id, s.token_starts[0])] = index
    starts: dict[str, list[tuple[int, int]]] = {}
    for s in sentences:
        starts.setdefault(s.doc_id, []).append((s.token_starts[0], s.token_ends[-1]))

    def sentence_index(t: ArgumentTuple) -> int:
        for start, end in starts[t[0]]:
            if start <= t[1] < end or start <= t[1] <= end:
                return by_sentence[(t[0], start)]
        return 0

    counts = np.zeros((len(sentences), 3), dtype=np.int64)
    for t in gold & pred:
        counts[sentence_index(t), 0] += 1
    for t in gold:
        counts[sentence_index(t), 1] += 1
    for t in pred:
        counts[sentence_index(t), 2] += 1
    return counts


def evaluate(corpus: Corpus, sentences: list[Any], ner: list[list[str]], triggers: list[list[str]],
             *, rng: np.random.Generator) -> dict[str, Any]:
    """Scores of one set of predictions: entities, triggers, and arguments from the rules baseline."""
    gold_ner = [s.ner_tags for s in sentences]
    gold_triggers = [s.trigger_tags for s in sentences]
    doc_ids = sorted({s.doc_id for s in sentences})
    predicted_args, _ = predict_arguments(corpus, doc_ids, mentions_by_document(sentences, ner, triggers))
    gold_args = set().union(*(corpus.gold_arguments[d] for d in doc_ids))
    entities = score_tagging(gold_ner, ner).as_dict()
    entities["strict_micro_f1_ci95"] = _bootstrap(_sentence_counts(gold_ner, ner), rng)
    trigger_scores = score_tagging(gold_triggers, triggers).as_dict()
    trigger_scores["strict_micro_f1_ci95"] = _bootstrap(_sentence_counts(gold_triggers, triggers), rng)
    arguments = score_arguments(gold_args, predicted_args).as_dict()
    arguments["classification_f1_ci95"] = _bootstrap(_argument_counts(sentences, gold_args, predicted_args), rng)
    return {"sentences": len(sentences), "documents": doc_ids, "entities": entities, "triggers": trigger_scores,
            "arguments_end_to_end": arguments}


def _versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return versions


def _provenance(corpus: Corpus) -> dict[str, Any]:
    return {"dataset_version": DATASET_VERSION, "schema_version": SCHEMA_VERSION,
            "dataset_manifest_sha256": corpus.fingerprint, "dataset_checksums": corpus.checksums,
            "seeds": {"train": SEED, "bootstrap": BOOTSTRAP_SEED},
            "bootstrap": {"replicates": BOOTSTRAP_REPLICATES, "interval": "95% percentile",
                          "resampled": "sentences of the evaluated set, with replacement"},
            "scoring": {"headline": "seqeval mode='strict', scheme=IOB2, micro F1",
                        "beside": "seqeval default mode (conlleval-compatible)",
                        "arguments": "F1 over (doc, trigger span, role, argument span) tuples"},
            "package_versions": _versions()}


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


def run_tagger(name: str, corpus: Corpus, workdir: Path, progress: Callable[[str], None]) -> ModelRun:
    """Train and evaluate one tagging baseline under both protocols."""
    from baselines import REGISTRY

    tagger = REGISTRY[name]
    started = time.perf_counter()
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    by_split = {s: [x for x in corpus.sentences if corpus.split_of[x.id] == s] for s in ("train", "validation", "test")}
    progress(f"{name}: fixed split")
    model = tagger.train(by_split["train"], seed=SEED, workdir=workdir / name / "fixed")
    fixed: dict[str, Any] = {}
    files: dict[str, str] = {}
    from indogeoie.predictions import document_rows, tag_rows

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
        "settings": _settings(tagger),
        **_provenance(corpus),
        "protocols": {"fixed": fixed, "lodo": {"folds": per_fold, "mean_std": summary, "pooled": pooled}},
        "wall_time_seconds": round(time.perf_counter() - started, 2),
    }
    return ModelRun(name, results, files)


def _settings(tagger: Any) -> dict[str, Any]:
    if tagger.name == "crf":
        from baselines.crf import SETTINGS

        return dict(SETTINGS)
    if tagger.name == "transformer":
        return dict(vars(tagger.settings))
    return {}


def _argument_rows(corpus: Corpus, sentences: list[Any], ner: list[list[str]],
                   triggers: list[list[str]]) -> list[dict[str, Any]]:
    doc_ids = sorted({s.doc_id for s in sentences})
    return predict_arguments(corpus, doc_ids, mentions_by_document(sentences, ner, triggers))[1]


def run_argument_rules(corpus: Corpus) -> ModelRun:
    """The argument baseline on gold triggers and gold entities (no training: every document is held out)."""
    started = time.perf_counter()
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    files: dict[str, str] = {}
    from indogeoie.predictions import document_rows

    def score(doc_ids: list[str], sentences: list[Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        predicted, rows = predict_arguments(corpus, doc_ids, {d: corpus.gold_mentions[d] for d in doc_ids})
        gold = set().union(*(corpus.gold_arguments[d] for d in doc_ids))
        report = score_arguments(gold, predicted).as_dict()
        report["classification_f1_ci95"] = _bootstrap(_argument_counts(sentences, gold, predicted), rng)
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
    results = {"model": "rules", "settings": {"input": "gold triggers and gold entities"}, **_provenance(corpus),
               "protocols": {"fixed": fixed, "lodo": {"folds": per_fold, "mean_std": {"arguments": {
                   "mean": float(values.mean()), "std": float(values.std(ddof=1))}}, "pooled": pooled}},
               "wall_time_seconds": round(time.perf_counter() - started, 2)}
    return ModelRun("rules", results, files)


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def leaderboard_markdown(runs: list[ModelRun], not_run: dict[str, str]) -> str:
    """results/LEADERBOARD.md."""
    lines = ["# Leaderboard", "",
             f"IndoGeoIE {DATASET_VERSION} (schema {SCHEMA_VERSION}). Written by `make benchmark`; "
             "every number comes from `results/<model>.json`.", "",
             "Headline: seqeval `mode=\"strict\", scheme=IOB2` micro F1 on the test split (one document), with "
             "its 95% bootstrap interval over sentences; seqeval's default (conlleval) mode and macro F1 beside. "
             "LODO: mean ± sample standard deviation of the strict micro F1 over the five "
             "leave-one-document-out folds. Identification: a chunk's span is right, whatever its type.", "",
             "## Entities", "",
             "| Model | test F1 (strict) | 95% CI | test F1 (default) | test macro F1 | LODO F1 |",
             "| --- | --- | --- | --- | --- | --- |"]
    taggers = [r for r in runs if r.name != "rules"]
    for task, title in (("entities", None), ("triggers", "Event triggers (classification: span and type)")):
        if title:
            lines += ["", f"## {title}", "",
                      "| Model | test F1 (strict) | 95% CI | test F1 (default) | test macro F1 | "
                      "identification F1 (strict) | LODO F1 |",
                      "| --- | --- | --- | --- | --- | --- | --- |"]
        for run in taggers:
            test = run.results["protocols"]["fixed"]["test"][task]
            lodo = run.results["protocols"]["lodo"]["mean_std"][task]
            strict, default = test["classification"]["strict"], test["classification"]["default"]
            ci = test["strict_micro_f1_ci95"]
            cells = [run.name, _fmt(strict["micro"]["f1"]), f"{_fmt(ci[0])}–{_fmt(ci[1])}",
                     _fmt(default["micro"]["f1"]), _fmt(strict["macro_f1"])]
            if task == "triggers":
                cells.append(_fmt(test["identification"]["strict"]["micro"]["f1"]))
            cells.append(f"{_fmt(lodo['mean'])} ± {_fmt(lodo['std'])}")
            lines.append("| " + " | ".join(cells) + " |")
        for name, reason in not_run.items():
            lines.append(f"| {name} | not run: {reason} | | | | " + ("| " if task == "triggers" else "") + "|")
    lines += ["", "## Arguments", "",
              "F1 over (doc, trigger span, role, argument span) tuples, by the rules baseline "
              "(`baselines/arguments.py`), on gold triggers and entities or on a tagger's predictions.", "",
              "| Input | test F1 | 95% CI | test identification F1 | LODO F1 |", "| --- | --- | --- | --- | --- |"]
    for run in runs:
        if run.name == "rules":
            test = run.results["protocols"]["fixed"]["test"]
            lodo = run.results["protocols"]["lodo"]["mean_std"]["arguments"]
            label = "gold triggers and entities"
        else:
            test = run.results["protocols"]["fixed"]["test"]["arguments_end_to_end"]
            lodo = run.results["protocols"]["lodo"]["mean_std"]["arguments_end_to_end"]
            label = f"{run.name} predictions"
        ci = test["classification_f1_ci95"]
        lines.append(f"| {label} | {_fmt(test['classification']['f1'])} | {_fmt(ci[0])}–{_fmt(ci[1])} | "
                     f"{_fmt(test['identification']['f1'])} | {_fmt(lodo['mean'])} ± {_fmt(lodo['std'])} |")
    if not_run:
        lines += ["", "## Not run", ""]
        for name, reason in not_run.items():
            lines.append(f"* `{name}`: {reason}. To run it with local weights: `{TRANSFORMER_COMMAND}`")
    lines += ["", "Plots: `results/per_type_f1.png` (per-type strict F1 of each model, LODO pooled), "
              "`results/confusion_entities.png` (token-level entity type confusion of the best entity model, "
              "LODO pooled).", ""]
    return "\n".join(lines)


def _png(figure: Any) -> bytes:
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def plots(runs: list[ModelRun], corpus: Corpus) -> dict[str, bytes]:
    """Per-type F1 by model, and the entity confusion matrix of the best model (LODO pooled)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    taggers = [r for r in runs if r.name != "rules"]
    out: dict[str, bytes] = {}
    if not taggers:
        return out
    figure, axes = plt.subplots(1, 2, figsize=(14, 4.8))
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
    plt.close(figure)
    best = max(taggers, key=lambda r: r.results["protocols"]["lodo"]["pooled"]["entities"]["classification"]
               ["strict"]["micro"]["f1"])
    rows = [json.loads(line) for line in best.predictions["lodo.jsonl"].splitlines()]
    gold = {s.id: s.ner_tags for s in corpus.sentences}
    labels = ["O", *ENTITY_TYPES]
    matrix = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for row in rows:
        for g, p in zip(gold[row["id"]], row["ner_tags"]):
            matrix[labels.index(g[2:] if g != "O" else "O"), labels.index(p[2:] if p != "O" else "O")] += 1
    figure, axis = plt.subplots(figsize=(7, 6))
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
    plt.close(figure)
    return out


def write_results(results_dir: Path, runs: list[ModelRun], not_run: dict[str, str], corpus: Corpus) -> list[Path]:
    """Write results/<model>.json, predictions, LEADERBOARD.md and the plots (each file atomically)."""
    written = []
    for run in runs:
        path = results_dir / f"{run.name}.json"
        atomic.write_text(path, json.dumps(run.results, indent=2, ensure_ascii=False) + "\n")
        written.append(path)
        for name, content in sorted(run.predictions.items()):
            target = results_dir / "predictions" / run.name / name
            atomic.write_text(target, content)
            written.append(target)
    atomic.write_text(results_dir / "LEADERBOARD.md", leaderboard_markdown(runs, not_run))
    written.append(results_dir / "LEADERBOARD.md")
    for name, data in plots(runs, corpus).items():
        atomic.write_bytes(results_dir / name, data)
        written.append(results_dir / name)
    return written


README_BEGIN = "<!-- BEGIN LEADERBOARD (written by make benchmark) -->"
README_END = "<!-- END LEADERBOARD -->"


def readme_with_leaderboard(readme: str, leaderboard: str) -> str:
    """The README with its leaderboard section replaced by the leaderboard's tables."""
    if README_BEGIN not in readme or README_END not in readme:
        raise IndoGeoIEError(Problem(f"README has no leaderboard markers {README_BEGIN!r} ... {README_END!r}",
                                     file="README.md"))
    body = leaderboard.split("\n", 2)[2].replace("\n## ", "\n### ")  # drop the title; nest the sections
    head, rest = readme.split(README_BEGIN, 1)
    _, tail = rest.split(README_END, 1)
    return f"{head}{README_BEGIN}\n{body.strip()}\n{README_END}{tail}"


def run_benchmark(*, dataset_dir: Path, results_dir: Path, cache_dir: Path, models: list[str],
                  progress: Callable[[str], None] = lambda message: None) -> tuple[list[ModelRun], dict[str, str]]:
    """Run the named tagging baselines and the argument rules; write everything under ``results_dir``."""
    from baselines import REGISTRY

    corpus = load_corpus(dataset_dir, cache_dir)
    runs, not_run = [], {}
    for name in models:
        available, reason = REGISTRY[name].available()
        if not available:
            not_run[name] = reason
            continue
        runs.append(run_tagger(name, corpus, cache_dir / "models", progress))
    runs.append(run_argument_rules(corpus))
    write_results(results_dir, runs, not_run, corpus)
    return runs, not_run


def update_readme(readme_path: Path, results_dir: Path) -> None:
    """Copy results/LEADERBOARD.md's tables into the README (atomic write)."""
    leaderboard = (results_dir / "LEADERBOARD.md").read_text(encoding="utf-8")
    current = readme_path.read_text(encoding="utf-8")
    updated = readme_with_leaderboard(current, leaderboard)
    if updated != current:
        atomic.write_text(readme_path, updated)

