"""The generated sections of README.md and DATASHEET.md: every count and score in them comes from here.

A generated section sits between two markers and is rewritten by
``indogeoie docs`` (``make benchmark`` and ``make update`` run it; ``make test``
runs ``indogeoie docs --check``)::

    <!-- BEGIN GENERATED corpus -->
    ...
    <!-- END GENERATED corpus -->

Everything outside the markers is written by hand and never touched.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from indogeoie import paths
from indogeoie.errors import IndoGeoIEError, Problem

_SECTION = re.compile(r"(<!-- BEGIN GENERATED (?P<name>[a-z-]+) -->\n)(?P<body>.*?)(<!-- END GENERATED (?P=name) -->)",
                      re.S)


def fill(text: str, sections: dict[str, str], *, file: str) -> str:
    """``text`` with each generated section's body replaced; an unknown section name is an error."""
    unknown = [m.group("name") for m in _SECTION.finditer(text) if m.group("name") not in sections]
    if unknown:
        raise IndoGeoIEError(Problem(f"unknown generated section(s) {unknown}; known: {sorted(sections)}", file))
    return _SECTION.sub(lambda m: m.group(1) + sections[m.group("name")].rstrip("\n") + "\n" + m.group(4), text)


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows]) + "\n"


def corpus_section(dataset: Path) -> str:
    """Documents, sentences, tokens, entities, events and arguments per split, from the dataset card's data."""
    rows = []
    totals: Counter[str] = Counter()
    for split in ("train", "validation", "test"):
        counts: Counter[str] = Counter()
        for path in sorted((dataset / "data" / "documents").glob(f"{split}-*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                doc = json.loads(line)
                counts["documents"] += 1
                counts["entities"] += len(doc["entities"])
                counts["events"] += len(doc["events"])
                counts["arguments"] += sum(len(e["arguments"]) for e in doc["events"])
                counts[doc["metadata"]["source"]] += 1
        for path in sorted((dataset / "data" / "ner").glob(f"{split}-*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                counts["sentences"] += 1
                counts["tokens"] += len(json.loads(line)["tokens"])
        totals.update(counts)
        rows.append((split, counts))
    rows.append(("all", totals))
    keys = ("documents", "indosum", "seed", "sentences", "tokens", "entities", "events", "arguments")
    header = ["split", "documents", "of them IndoSum", "of them seed", "sentences", "tokens", "entities", "events",
              "arguments"]
    return _table(header, [[name] + [f"{counts[k]:,}" for k in keys] for name, counts in rows])


def _result_rows(results: Path) -> list[dict[str, Any]]:
    rows = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(results.glob("*.json"))]
    rows = [r for r in rows if isinstance(r, dict) and "system" in r]
    order = (results / "LEADERBOARD.md").read_text(encoding="utf-8") if (results / "LEADERBOARD.md").exists() else ""
    return sorted(rows, key=lambda r: order.find(f"| {r['system']} |"))


def leaderboard_section(results: Path) -> str:
    """The leaderboard's test table, as in results/LEADERBOARD.md."""
    from indogeoie.benchmark.leaderboard import main_table

    rows = _result_rows(results)
    if not rows:
        return "No results yet: run `make benchmark`.\n"
    return "\n".join(main_table(rows, "test")) + "\n"


def plover_section(dataset: Path, results: Path) -> str:
    """How many PLOVER records the gold gives, complete and not, and the picture."""
    complete = (dataset / "plover" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    incomplete = [json.loads(line) for line in
                  (dataset / "plover" / "incomplete.jsonl").read_text(encoding="utf-8").splitlines()]
    reasons = Counter(m.split(":")[0] for r in incomplete for m in r["missing"])
    dyads = sum(1 for line in complete if json.loads(line)["recipient"] and json.loads(line)["recipient"]["country"])
    shown = ", ".join(f"{field} {n}" for field, n in sorted(reasons.items()))
    return (f"The gold gives {len(complete) + len(incomplete):,} PLOVER records, one per event: {len(complete):,} "
            f"complete ({dyads:,} with a coded recipient, the dyads of the picture) and {len(incomplete):,} "
            f"incomplete, each listing what it lacks (missing: {shown}).\n\n"
            "![Gold dyads and event counts](results/plover_dyads.png)\n")


def agreement_section() -> str:
    from indogeoie.annotation.agreement import agreement_summary_lines, load_studies
    from indogeoie.corpus.documents import load_corpus

    lines = agreement_summary_lines(load_studies(paths.AGREEMENT, corpus=load_corpus(paths.ANNOTATIONS)))
    return "\n\n".join(lines) + "\n"


def modules_section(root: Path, packages: tuple[str, ...] = ("src/indogeoie", "baselines")) -> str:
    """A table of every module under ``packages`` (relative to ``root``), each with its docstring's first line."""
    import ast

    rows = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if path.name in ("__init__.py", "__main__.py"):
                continue
            docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            summary = docstring.strip().splitlines()[0] if docstring.strip() else "(no docstring)"
            rows.append([f"`{path.relative_to(root).as_posix()}`", summary.replace("|", "\\|")])
    return _table(["module", "what it does"], rows)


def sections(*, dataset: Path = paths.DATASET, results: Path = paths.RESULTS) -> dict[str, str]:
    return {"corpus": corpus_section(dataset), "leaderboard": leaderboard_section(results),
            "plover": plover_section(dataset, results), "agreement": agreement_section(),
            "modules": modules_section(paths.ROOT)}


def checkout_docs(*, check: bool) -> list[Path]:
    """Rewrite the generated sections of README.md and DATASHEET.md; with ``check``, list the stale files."""
    from indogeoie.io import stale_files

    made = sections()
    wanted = {}
    for path in (paths.ROOT / "README.md", paths.ROOT / "DATASHEET.md"):
        wanted[path] = fill(path.read_text(encoding="utf-8"), made, file=str(path))
    return stale_files(wanted, check=check)
