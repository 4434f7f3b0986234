"""Commands of the benchmark: benchmark and score."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from indogeoie import paths
from indogeoie.cli.common import app, console, errconsole, run


@app.command()
def benchmark(
    models: Annotated[list[str] | None, typer.Option(
        "--models", help="Tagging baselines to run (default: all registered).")] = None,
    dataset: Annotated[Path, typer.Option(help="The built dataset folder.")] = paths.DATASET,
    results: Annotated[Path, typer.Option(help="Where results go.")] = paths.RESULTS,
) -> None:
    """Train every baseline on train (settings chosen on validation), score validation and test; write results/."""
    import time

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from indogeoie.benchmark.registry import tagger_names
    from indogeoie.benchmark.run import run_benchmark

    registered = tagger_names()
    chosen = models or registered
    unknown = [m for m in chosen if m not in registered]
    if unknown:
        raise typer.BadParameter(f"unknown model(s) {unknown}; registered: {registered}", param_hint="--models")
    started = time.perf_counter()
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=errconsole, transient=True) as progress:
        task = progress.add_task("loading the dataset", total=None)
        rows, not_run = run(lambda: run_benchmark(
            dataset_dir=dataset, results_dir=results, cache_dir=paths.ROOT / ".cache",
            models=chosen, progress=lambda message: progress.update(task, description=message)))
    for row in rows:
        test = row["reports"]["test"]["metrics"]
        shown = ", ".join(f"{m} {v['value']:.3f}" for m, v in test.items())
        console.print(f"{row['system']}: {shown}", markup=False)
    for name, reason in not_run.items():
        console.print(f"{name}: not run ({reason})", markup=False)
    console.print(f"wrote {results / 'LEADERBOARD.md'} in {time.perf_counter() - started:.1f} s", markup=False)


@app.command()
def score(
    predictions: Annotated[Path, typer.Option(help="Predictions: CoNLL, or JSON Lines (sentence or document level).")],
    config: Annotated[str, typer.Option(
        help="ner or events (which tags a CoNLL or sentence-level file holds).")] = "ner",
    split: Annotated[str, typer.Option(help="train, validation or test.")] = "test",
    compare: Annotated[Path | None, typer.Option(help="Another system's predictions: paired comparison.")] = None,
    dataset: Annotated[Path, typer.Option(help="The built dataset folder.")] = paths.DATASET,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (a leaderboard row) instead of a table.")] = False,
) -> None:
    """Score predictions as the leaderboard does: every metric with its document-bootstrap interval."""
    from indogeoie.benchmark.submissions import score_file
    from indogeoie.dataset.splits import SPLITS
    from indogeoie.formats.hf import TAG_COLUMNS

    if config not in TAG_COLUMNS:
        raise typer.BadParameter(f"{config!r}; expected one of {list(TAG_COLUMNS)}", param_hint="--config")
    if split not in SPLITS:
        raise typer.BadParameter(f"{split!r}; expected one of {list(SPLITS)}", param_hint="--split")
    for given, hint in ((predictions, "--predictions"), (compare, "--compare")):
        if given is not None and not given.is_file():
            raise typer.BadParameter(f"{given} is not a file", param_hint=hint)
    report = run(lambda: score_file(predictions=predictions, config=config, split=split, dataset_dir=dataset,
                                    cache_dir=paths.ROOT / ".cache", compare=compare), as_json=as_json)
    if as_json:
        import json

        console.print(json.dumps(report, indent=1), markup=False)
        return
    console.print(f"{predictions} on {split} ({report['documents']} documents); 95% intervals from a bootstrap "
                  "over documents", markup=False)
    for metric in report["metrics"].values():
        low, high = metric["ci95"]
        console.print(f"  {metric['name']:<24} {metric['value']:.4f}  [{low:.4f}, {high:.4f}]", markup=False)
    if "entities_strict" in report["macro_f1"]:
        console.print(f"  {'Entities macro F1':<24} {report['macro_f1']['entities_strict']:.4f}", markup=False)
    if "compared_with" in report:
        console.print(f"minus {report['compared_with']['file']} (paired, same replicates):", markup=False)
        for name, c in report["compared_with"]["metrics"].items():
            console.print(f"  {name:<24} {c['difference']:+.4f}  [{c['low']:+.4f}, {c['high']:+.4f}]  p = "
                          f"{c['p_value']:.4f}{'  significant' if c['significant'] else ''}", markup=False)


@app.command()
def predict(
    files: Annotated[list[Path] | None, typer.Argument(
        help="Article text files, or one CoNLL file; none: stdin.")] = None,
    model: Annotated[str, typer.Option("--model", help="A registered tagging baseline.")] = "crf",
    output_format: Annotated[str, typer.Option(
        "--format", help="documents (JSON Lines), labelstudio or plover.")] = "documents",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
    dataset: Annotated[Path, typer.Option(help="The built dataset to train on.")] = paths.DATASET,
) -> None:
    """Extract entities and events (with arguments and modality) from new text with a baseline."""
    import sys

    from indogeoie.benchmark.predict import predict_texts, read_inputs

    if output_format not in ("documents", "labelstudio", "plover"):
        raise typer.BadParameter(f"{output_format!r}; expected documents, labelstudio or plover", param_hint="--format")

    def step() -> str:
        inputs = read_inputs(files or [], stdin=None if files else sys.stdin.read())
        return predict_texts(inputs, model=model, dataset_dir=dataset, cache_dir=paths.ROOT / ".cache",
                             output_format=output_format, progress=lambda m: errconsole.print(m, markup=False))

    text = run(step)
    if out is None:
        sys.stdout.write(text)
    else:
        from indogeoie import io

        run(lambda: io.write_text(out, text))
        console.print(f"wrote {out}", markup=False)
