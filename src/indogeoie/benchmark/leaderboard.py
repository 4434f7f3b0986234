"""The leaderboard: results/LEADERBOARD.md from the results, and its copy in the README."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from indogeoie import io
from indogeoie.benchmark.protocols import ModelRun
from indogeoie.dataset.release import DATASET_VERSION
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.schema import SCHEMA_VERSION

README_BEGIN = "<!-- BEGIN LEADERBOARD (written by make benchmark) -->"
README_END = "<!-- END LEADERBOARD -->"


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
            lines.append(f"* `{name}`: {reason}.")
    lines += ["", "Plots: `results/per_type_f1.png` (per-type strict F1 of each model, LODO pooled), "
              "`results/confusion_entities.png` (token-level entity type confusion of the best entity model, "
              "LODO pooled).", ""]
    return "\n".join(lines)


def readme_with_leaderboard(readme: str, leaderboard: str) -> str:
    """The README with its leaderboard section replaced by the leaderboard's tables."""
    if README_BEGIN not in readme or README_END not in readme:
        raise IndoGeoIEError(Problem(f"README has no leaderboard markers {README_BEGIN!r} ... {README_END!r}",
                                     file="README.md"))
    body = leaderboard.split("\n", 2)[2].replace("\n## ", "\n### ")  # drop the title; nest the sections
    head, rest = readme.split(README_BEGIN, 1)
    _, tail = rest.split(README_END, 1)
    return f"{head}{README_BEGIN}\n{body.strip()}\n{README_END}{tail}"


def update_readme(readme_path: Path, results_dir: Path) -> None:
    """Copy results/LEADERBOARD.md's tables into the README (atomic write)."""
    leaderboard = (results_dir / "LEADERBOARD.md").read_text(encoding="utf-8")
    current = readme_path.read_text(encoding="utf-8")
    updated = readme_with_leaderboard(current, leaderboard)
    if updated != current:
        io.write_text(readme_path, updated)
