"""The leaderboard: results/LEADERBOARD.md from the systems' results.

Rows are systems on the test split. Each cell is the score with its 95%
cluster-bootstrap interval; ``*`` marks a score that differs significantly
(paired bootstrap, p < 0.05) from the same column of the row below it.
"""

from __future__ import annotations

from typing import Any

from indogeoie.benchmark.metrics import METRIC_NAMES
from indogeoie.dataset.release import DATASET_VERSION
from indogeoie.schema import SCHEMA_VERSION

COLUMNS = tuple(METRIC_NAMES)


def _cell(metric: dict[str, Any] | None, mark: bool) -> str:
    if metric is None:
        return "–"
    low, high = metric["ci95"]
    return f"{metric['value']:.3f}{' *' if mark else ''} <sub>{low:.3f}–{high:.3f}</sub>"


def _header() -> list[str]:
    return ["| System | " + " | ".join(METRIC_NAMES[c] for c in COLUMNS) + " |",
            "| --- |" + " --- |" * len(COLUMNS)]


def main_table(rows: list[dict[str, Any]], split: str) -> list[str]:
    """One row per system: every metric with its interval and the significance mark against the next row."""
    lines = _header()
    for index, row in enumerate(rows):
        metrics = row["reports"][split]["metrics"]
        below = row.get("compared_with_next", {}).get(split, {}) if index + 1 < len(rows) else {}
        cells = [_cell(metrics.get(c), bool(below.get(c, {}).get("significant"))) for c in COLUMNS]
        lines.append(f"| {row['system']} | " + " | ".join(cells) + " |")
    return lines


def _per_type(table: dict[str, Any], title: str) -> list[str]:
    lines = [f"**{title}**", "", "| Type | P | R | F1 | gold | predicted |", "| --- | --- | --- | --- | --- | --- |"]
    for label, s in table.items():
        lines.append(f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['gold']} | "
                     f"{s['predicted']} |")
    return lines + [""]


def leaderboard_markdown(rows: list[dict[str, Any]], not_run: dict[str, str]) -> str:
    """results/LEADERBOARD.md from the systems' results (``results/<system>.json``)."""
    first = rows[0] if rows else {}
    boot = first.get("provenance", {}).get("bootstrap", {})
    lines = [
        "# Leaderboard", "",
        f"IndoGeoIE {DATASET_VERSION} (schema {SCHEMA_VERSION}). Written by `make benchmark`; every number comes "
        "from `results/<system>.json`, and recomputes from the predictions in `results/predictions/`.", "",
        "Test split. Each cell: the score, and below it its 95% interval from a bootstrap over documents "
        f"({boot.get('replicates', '?')} replicates). `*`: significantly different from the row below "
        "(paired bootstrap on the same replicates, p < 0.05). Metrics are defined in the README. "
        "`gold-mentions` scores the argument model on gold entities and triggers; `actor-normaliser` scores the "
        "baseline actor normalisation on the gold Actor and Recipient mentions.", "",
        *main_table(rows, "test"), "",
    ]
    seeds = [r for r in rows if r.get("seed_scores")]
    if seeds:
        lines += ["Over seeds (mean ± sd, test):", ""]
        for row in seeds:
            parts = [f"{METRIC_NAMES[m]} {v['mean']:.3f} ± {v['sd']:.3f}" for m, v in row["seed_scores"].items()]
            lines.append(f"* {row['system']} (seeds {row['seeds']}): " + "; ".join(parts))
        lines.append("")
    lines += ["## Validation", "", *main_table(rows, "validation"), "",
              "## How each row was made", "", "| System | Seeds | Settings | Command |", "| --- | --- | --- | --- |"]
    for row in rows:
        lines.append(f"| {row['system']} | {', '.join(map(str, row['seeds']))} | {_settings(row['settings'])} | "
                     f"`{row['command']}` |")
    for name, reason in not_run.items():
        lines.append(f"| {name} | – | not run: {reason} | `indogeoie benchmark --models {name}` |")
    tagged = [r for r in rows if "entities" in r["reports"]["test"]["per_type"]]
    if tagged:
        best = max(tagged, key=lambda r: r["reports"]["test"]["metrics"]["ent_strict"]["value"])
        tables = best["reports"]["test"]["per_type"]
        lines += ["", f"## Per type: {best['system']} (test)", "",
                  *_per_type(tables["entities"], "Entities (seqeval strict)"),
                  *_per_type(tables["triggers"], "Triggers (Trig-C)"),
                  *_per_type(tables["roles"], "Argument roles (Arg-C)")]
    lines += ["Plot: `results/metrics.png` (every metric of every system, with its interval).", ""]
    return "\n".join(lines)


def _settings(settings: dict[str, Any]) -> str:
    chosen = settings.get("selected_on_validation")
    if isinstance(chosen, dict) and chosen:
        picks = {k: v.get("chosen") if isinstance(v, dict) else v for k, v in chosen.items()
                 if k == "chosen" or isinstance(v, dict)}
        return "chosen on validation: " + ", ".join(f"{k} {v}" for k, v in picks.items()).replace("|", "/")
    return ", ".join(f"{k}={v}" for k, v in settings.items() if not isinstance(v, (dict, list)))[:120] or "–"
