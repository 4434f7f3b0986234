"""Commands of the benchmark: benchmark and score."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from indogeoie import paths
from indogeoie.cli.common import app, console, errconsole, run


@app.command()
def benchmark(
    models: Annotated[Optional[list[str]], typer.Option(
        "--models", help="Tagging baselines to run (default: all registered).")] = None,
    dataset: Annotated[Path, typer.Option(help="The built dataset folder.")] = paths.DATASET,
    results: Annotated[Path, typer.Option(help="Where results go.")] = paths.RESULTS,
) -> None:
    """Train and evaluate every baseline under both protocols; write results/ and the leaderboard."""
    import time

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from indogeoie.benchmark.registry import tagger_names
    from indogeoie.benchmark.leaderboard import update_readme
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
        runs, not_run = run(lambda: run_benchmark(
            dataset_dir=dataset, results_dir=results, cache_dir=paths.ROOT / ".cache",
            models=chosen, progress=lambda message: progress.update(task, description=message)))
    if results == paths.RESULTS:
        run(lambda: update_readme(paths.ROOT / "README.md", results))
    for model_run in runs:
        console.print(f"{model_run.name}: {model_run.results['wall_time_seconds']} s", markup=False)
    for name, reason in not_run.items():
        console.print(f"{name}: not run ({reason})", markup=False)
    console.print(f"wrote {results / 'LEADERBOARD.md'} in {time.perf_counter() - started:.1f} s", markup=False)


@app.command()
def score(
    predictions: Annotated[Path, typer.Option(help="Predictions (JSON Lines).")],
    config: Annotated[str, typer.Option(help="ner or events.")] = "ner",
    split: Annotated[str, typer.Option(help="train, validation or test.")] = "test",
    dataset: Annotated[Path, typer.Option(help="The built dataset folder.")] = paths.DATASET,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Score predictions against the dataset with seqeval (strict IOB2 headline, default mode beside)."""
    from indogeoie.benchmark.submissions import score_file

    if config not in ("ner", "events"):
        raise typer.BadParameter(f"{config!r}; expected ner or events", param_hint="--config")
    if split not in ("train", "validation", "test"):
        raise typer.BadParameter(f"{split!r}; expected train, validation or test", param_hint="--split")
    if not predictions.is_file():
        raise typer.BadParameter(f"{predictions} is not a file", param_hint="--predictions")
    report = run(lambda: score_file(predictions=predictions, config=config, split=split, dataset_dir=dataset,
                                    cache_dir=paths.ROOT / ".cache"), as_json=as_json)
    if as_json:
        import json

        console.print(json.dumps(report, indent=2), markup=False)
    else:
        from indogeoie.benchmark.submissions import render_table

        console.print(render_table(report))
