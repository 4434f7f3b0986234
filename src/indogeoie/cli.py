"""The ``indogeoie`` command line: a thin layer over the package's functions.

Each command checks its arguments, calls one keyword-only function and turns an
:class:`~indogeoie.errors.IndoGeoIEError` into one line per problem on stderr
and exit status 1 (usage errors exit with 2, as Typer does).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TypeVar

import typer
from rich.console import Console

from indogeoie import atomic, paths
from indogeoie.errors import IndoGeoIEError, Problem

if TYPE_CHECKING:
    from indogeoie.studio import Server
    from indogeoie.validate import ValidationReport

app = typer.Typer(
    name="indogeoie",
    help="IndoGeoIE: entities and PLOVER events in Indonesian geopolitical news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False, soft_wrap=True)
errconsole = Console(stderr=True, highlight=False, soft_wrap=True)

T = TypeVar("T")


JSON_ERRORS = typer.Option("--json", help="Machine-readable output: errors as JSON on stderr.")


def run(step: Callable[[], T], *, as_json: bool = False) -> T:
    """Run ``step``; report an IndoGeoIEError as located problems and exit 1.

    With ``as_json``, the problems go to stderr as one JSON object:
    ``{"errors": [{"file", "doc_id", "region", "offsets", "message"}, ...]}``.
    """
    try:
        return step()
    except IndoGeoIEError as error:
        problems = error.problems
    except OSError as error:
        problems = [Problem(str(error.strerror or error), file=error.filename)]
    if as_json:
        import json

        errconsole.print(json.dumps({"errors": [p.as_dict() for p in problems]}, ensure_ascii=False), markup=False)
    else:
        for problem in problems:
            errconsole.print(f"error: {problem}", markup=False)
    raise typer.Exit(1)


def _report_files(written: tuple[Path, ...] | list[Path], check: bool) -> None:
    if check and written:
        for path in written:
            errconsole.print(f"out of date: {path} differs from a fresh run", markup=False)
        raise typer.Exit(1)
    for path in written:
        console.print(f"wrote {path}", markup=False)


@app.command()
def ingest(
    articles: Annotated[Path, typer.Option(help="Folder of raw <doc_id>.txt articles.")] = paths.ARTICLES,
    tasks: Annotated[Path, typer.Option(help="Label Studio import tasks to write.")] = paths.TASKS_JSON,
    check: Annotated[bool, typer.Option(help="Write nothing; exit 1 if outputs are stale.")] = False,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Clean the raw articles and write their metadata and Label Studio tasks."""
    from indogeoie.corpus.ingest import ingest as ingest_articles

    if not articles.is_dir():
        raise typer.BadParameter(f"{articles} is not a folder", param_hint="--articles")
    report = run(lambda: ingest_articles(articles_dir=articles, tasks_path=tasks, check=check), as_json=as_json)
    console.print(f"{len(report.articles)} articles, {sum(len(a.text) for a in report.articles)} "
              "characters after cleaning", markup=False)
    _report_files(report.written, check)


@app.command()
def config(
    output: Annotated[Path, typer.Option(help="Where to write config.xml.")] = paths.CONFIG_XML,
    guidelines: Annotated[Path, typer.Option(help="Guidelines whose tables to refresh.")] = paths.GUIDELINES,
    check: Annotated[bool, typer.Option(help="Write nothing; exit 1 if outputs are stale.")] = False,
) -> None:
    """Write the Label Studio config and the guidelines' label tables from the schema."""
    from indogeoie.guidelines import render_guidelines
    from indogeoie.labelstudio import labeling_config

    def step() -> list[Path]:
        wanted = {output: labeling_config()}
        if guidelines.exists():
            current = guidelines.read_text(encoding="utf-8")
            wanted[guidelines] = render_guidelines(current, source=str(guidelines))
        stale = [p for p, text in wanted.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        if not check:
            for path in stale:
                atomic.write_text(path, wanted[path])
        return stale

    _report_files(run(step), check)


def _validated(paths_: list[Path], *, corpus: bool = True) -> "ValidationReport":
    """Validate exports; raise IndoGeoIEError with every problem when any is found."""
    from indogeoie.articles import read_articles
    from indogeoie.validate import validate as validate_exports

    articles = {a.doc_id: a.text for a in read_articles(paths.ARTICLES)} if corpus else None
    report = validate_exports(paths=paths_, articles=articles)
    if report.problems:
        raise IndoGeoIEError(list(report.problems))
    return report


@app.command()
def validate(
    paths_: Annotated[Optional[list[Path]], typer.Argument(
        metavar="[PATH]...", help="Export files or folders (default: annotations/gold).")] = None,
    corpus: Annotated[bool, typer.Option(
        help="Check that each text equals the cleaned article of its doc_id.")] = True,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Check Label Studio exports against the schema, the tokens and the corpus."""
    targets = paths_ or [paths.GOLD]
    for target in targets:
        if not target.exists():
            raise typer.BadParameter(f"{target} does not exist", param_hint="PATH")
    report = run(lambda: _validated(targets, corpus=corpus), as_json=as_json)
    for note in report.notes:
        errconsole.print(f"note: {note}", markup=False)
    n_ent = sum(len(d.entities) for d in report.documents)
    n_ev = sum(len(d.events) for d in report.documents)
    console.print(f"ok: {len(report.files)} file(s), {len(report.documents)} documents, {n_ent} entities, "
              f"{n_ev} events", markup=False)


@app.command()
def agreement(
    first: Annotated[Path, typer.Argument(help="First annotation (Label Studio export).")],
    second: Annotated[Path, typer.Argument(help="Second annotation of the same documents.")],
) -> None:
    """Inter-annotator agreement: entity, trigger and argument F1, modality agreement."""
    from indogeoie.agreement import agreement as compute, agreement_markdown

    def step() -> str:
        a = _validated([first], corpus=False).documents
        b = _validated([second], corpus=False).documents
        return agreement_markdown(compute(a, b, files=(str(first), str(second))),
                                  names=(first.name, second.name))

    console.print(run(step), markup=False)


@app.command()
def stats(
    output: Annotated[Path, typer.Option(help="Where to write the statistics.")] = paths.STATS,
    check: Annotated[bool, typer.Option(help="Write nothing; exit 1 if STATS.md is stale.")] = False,
) -> None:
    """Write annotations/STATS.md: label counts of the gold and the agreement figures."""
    from indogeoie.stats import stats_markdown

    def step() -> list[Path]:
        gold = _validated([paths.GOLD]).documents
        pair = sorted(paths.AGREEMENT.glob("annotator-*.json"))
        if len(pair) != 2:
            raise IndoGeoIEError(f"{paths.AGREEMENT}: expected two annotator-*.json files, found {len(pair)}")
        a = _validated([pair[0]]).documents
        b = _validated([pair[1]]).documents
        text = stats_markdown(gold=gold, agreement_a=a, agreement_b=b, names=(pair[0].name, pair[1].name))
        stale = [] if output.exists() and output.read_text(encoding="utf-8") == text else [output]
        if stale and not check:
            atomic.write_text(output, text)
        return stale

    _report_files(run(step), check)


@app.command()
def build(
    from_: Annotated[Optional[list[Path]], typer.Option(
        "--from", help="Label Studio export(s) of any articles (default: annotations/gold with the corpus).")] = None,
    out: Annotated[Path, typer.Option(help="The dataset folder to write.")] = paths.DATASET,
    check: Annotated[bool, typer.Option(help="Write nothing; exit 1 if the folder differs from a fresh build.")] = False,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Build the Hugging Face-style dataset (card, JSONL, CoNLL, changelog, manifest)."""
    from indogeoie.build import build as build_dataset

    for export in from_ or []:
        if not export.exists():
            raise typer.BadParameter(f"{export} does not exist", param_hint="--from")
    corpus_mode = not from_
    result, changed = run(lambda: build_dataset(
        exports=from_ or [paths.GOLD], out=out, articles_dir=paths.ARTICLES if corpus_mode else None,
        agreement_dir=paths.AGREEMENT if corpus_mode else None, check=check), as_json=as_json)
    if check:
        if changed:
            for rel in changed:
                errconsole.print(f"out of date: {out / rel} differs from a fresh build", markup=False)
            raise typer.Exit(1)
        console.print(f"ok: {out} is what the annotations give (fingerprint {result.fingerprint[:12]})",
                  markup=False)
        return
    summary = ", ".join(f"{split} {s.documents} docs/{s.sentences} sentences"
                        for split, s in result.stats.items())
    verb = "wrote" if changed else "unchanged:"
    console.print(f"{verb} {out} ({len(result.files)} files; {summary}; fingerprint "
              f"{result.fingerprint[:12]})", markup=False)


export_app = typer.Typer(help="Export the dataset in other formats.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("conll")
def export_conll(
    out: Annotated[Path, typer.Option(help="Folder for <config>/<split>.conll files.")] = paths.DATASET / "conll",
) -> None:
    """CoNLL-2003-style files for the ner and events configs, one per split (-DOCSTART- per document)."""
    from indogeoie.build import build as build_dataset

    def step() -> list[Path]:
        result, _ = build_dataset(exports=[paths.GOLD], out=paths.DATASET, articles_dir=paths.ARTICLES,
                                  agreement_dir=None, check=True, conll_out=out)
        return [out / rel.removeprefix("conll/") for rel in result.files if rel.startswith("conll/")]

    for path in run(step):
        console.print(f"wrote {path}", markup=False)


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

    from baselines import REGISTRY
    from indogeoie.benchmark import run_benchmark, update_readme

    chosen = models or list(REGISTRY)
    unknown = [m for m in chosen if m not in REGISTRY]
    if unknown:
        raise typer.BadParameter(f"unknown model(s) {unknown}; registered: {list(REGISTRY)}", param_hint="--models")
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
    from indogeoie.score import score_file

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
        from indogeoie.score import render_table

        console.print(render_table(report))


studio_app = typer.Typer(help="Annotate in a real Label Studio: up, push, pull, down.", no_args_is_help=True)
app.add_typer(studio_app, name="studio")


def _studio_server(data_dir: Path) -> "Server":
    from indogeoie.studio import running_server

    server = running_server(data_dir)
    if server is None:
        raise IndoGeoIEError(f"no Label Studio started by indogeoie is running for {data_dir}; "
                             "run `indogeoie studio up` first")
    return server


@studio_app.command("up")
def studio_up(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8089,
    data_dir: Annotated[Path, typer.Option(help="Label Studio's data directory.")] = paths.LABEL_STUDIO_DATA,
) -> None:
    """Install (once) and start Label Studio on 127.0.0.1, create the project, print its URL."""
    from indogeoie.studio import Credentials, client, credentials, project, start

    def step() -> tuple[str, int, Credentials]:
        creds = credentials(data_dir)  # generated here, once, when neither the environment nor the file has them
        server = start(data_dir=data_dir, port=port, log=lambda m: errconsole.print(m, markup=False))
        target = project(client(server))
        return server.url, target.id, creds

    url, project_id, creds = run(step)
    console.print(f"Label Studio: {url}/projects/{project_id}", markup=False)
    console.print(f"user: {creds.username}", markup=False)
    if creds.generated_password:
        console.print(f"password (generated, shown once; saved outside the repository): {creds.password}",
                      markup=False)


@studio_app.command("down")
def studio_down(
    data_dir: Annotated[Path, typer.Option(help="Label Studio's data directory.")] = paths.LABEL_STUDIO_DATA,
) -> None:
    """Stop the Label Studio that `studio up` started (by its process id)."""
    from indogeoie.studio import stop

    console.print("stopped" if stop(data_dir=data_dir) else "no server was running", markup=False)


@studio_app.command("push")
def studio_push(
    with_: Annotated[str, typer.Option("--with", help="gold, predictions:<model> or none.")] = "gold",
    docs: Annotated[Optional[list[str]], typer.Option("--docs", help="Only these doc_ids.")] = None,
    data_dir: Annotated[Path, typer.Option(help="Label Studio's data directory.")] = paths.LABEL_STUDIO_DATA,
) -> None:
    """Import the corpus into the project: gold as annotations, or a baseline's predictions."""
    from indogeoie.articles import read_articles
    from indogeoie.labelstudio import import_task
    from indogeoie.predictions import predicted_documents
    from indogeoie.records import AnnotatedDocument
    from indogeoie.studio import client, push

    if with_ not in ("gold", "none") and not with_.startswith("predictions:"):
        raise typer.BadParameter(f"{with_!r}; expected gold, predictions:<model> or none", param_hint="--with")

    def step() -> object:
        articles = read_articles(paths.ARTICLES)
        known = {a.doc_id for a in articles}
        for doc_id in docs or []:
            if doc_id not in known:
                raise IndoGeoIEError(f"--docs: unknown doc_id {doc_id!r}; known: {sorted(known)}")
        chosen = [a for a in articles if not docs or a.doc_id in docs]
        meta = {a.doc_id: import_task(a)["meta"] for a in chosen}
        if with_ == "gold":
            gold = {d.doc_id: d for d in _validated([paths.GOLD]).documents}
            documents = [AnnotatedDocument(a.doc_id, a.text, gold[a.doc_id].entities, gold[a.doc_id].events,
                                           meta[a.doc_id]) if a.doc_id in gold
                         else AnnotatedDocument(a.doc_id, a.text, meta=meta[a.doc_id]) for a in chosen]
            return push(client(_studio_server(data_dir)), documents=documents, mode="gold")
        documents = [AnnotatedDocument(a.doc_id, a.text, meta=meta[a.doc_id]) for a in chosen]
        if with_ == "none":
            return push(client(_studio_server(data_dir)), documents=documents, mode="none")
        model = with_.split(":", 1)[1]
        predicted = predicted_documents(paths.RESULTS / "predictions" / model, texts={a.doc_id: a.text for a in chosen})
        return push(client(_studio_server(data_dir)), documents=documents, mode="predictions",
                    model_version=model, predictions=predicted)

    report = run(step)
    console.print(f"project {report.project_id}: {len(report.created)} tasks created, "  # type: ignore[attr-defined]
                  f"{len(report.already_there)} already there; "  # type: ignore[attr-defined]
                  f"{len(report.annotated)} annotated, {len(report.predicted)} with new predictions",  # type: ignore[attr-defined]
                  markup=False)


@studio_app.command("pull")
def studio_pull(
    out: Annotated[Path, typer.Option(help="Gold folder (its gold.json is replaced).")] = paths.GOLD,
    data_dir: Annotated[Path, typer.Option(help="Label Studio's data directory.")] = paths.LABEL_STUDIO_DATA,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Export every annotation, validate it, show the changes, then write atomically (keeping a backup)."""
    from indogeoie.articles import read_articles
    from indogeoie.studio import client, export_json, project, pull

    def step() -> object:
        ls = client(_studio_server(data_dir))
        export = export_json(ls, project(ls).id)
        articles = {a.doc_id: a.text for a in read_articles(paths.ARTICLES)}
        return pull(export=export, out_file=out / "gold.json", articles=articles)

    report = run(step, as_json=as_json)
    for note in report.notes:  # type: ignore[attr-defined]
        errconsole.print(f"note: {note}", markup=False)
    for diff in report.diffs:  # type: ignore[attr-defined]
        if diff.changed:
            console.print(f"{diff.doc_id}: {len(diff.added)} added, {len(diff.removed)} removed, "
                          f"{len(diff.modified)} changed", markup=False)
            for line in diff.details:
                console.print(f"  {line}", markup=False)
    if report.written is None:  # type: ignore[attr-defined]
        console.print("no changes; nothing written", markup=False)
    else:
        console.print(f"wrote {report.written} (previous kept as {report.backup})", markup=False)  # type: ignore[attr-defined]


def main() -> None:  # pragma: no cover - console entry point
    sys.exit(app())
