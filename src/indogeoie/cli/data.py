"""Commands over the annotations and the dataset: ingest, config, validate, agreement, stats, build, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from indogeoie import io, paths
from indogeoie.cli.common import JSON_ERRORS, app, console, errconsole, report_files, run
from indogeoie.errors import IndoGeoIEError

if TYPE_CHECKING:
    from indogeoie.annotation.validate import ValidationReport


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
    report_files(report.written, check)


@app.command()
def config(
    output: Annotated[Path, typer.Option(help="Where to write config.xml.")] = paths.CONFIG_XML,
    guidelines: Annotated[Path, typer.Option(help="Guidelines whose tables to refresh.")] = paths.GUIDELINES,
    check: Annotated[bool, typer.Option(help="Write nothing; exit 1 if outputs are stale.")] = False,
) -> None:
    """Write the Label Studio config and the guidelines' label tables from the schema."""
    from indogeoie.annotation.guidelines import render_guidelines
    from indogeoie.formats.labelstudio_config import labeling_config

    def step() -> list[Path]:
        wanted = {output: labeling_config()}
        if guidelines.exists():
            current = guidelines.read_text(encoding="utf-8")
            wanted[guidelines] = render_guidelines(current, source=str(guidelines))
        stale = [p for p, text in wanted.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        if not check:
            for path in stale:
                io.write_text(path, wanted[path])
        return stale

    report_files(run(step), check)


def _validated(paths_: list[Path], *, corpus: bool = True) -> "ValidationReport":
    """Validate exports; raise IndoGeoIEError with every problem when any is found."""
    from indogeoie.formats.articles import read_articles
    from indogeoie.annotation.validate import validate as validate_exports

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
    from indogeoie.annotation.agreement import agreement as compute, agreement_markdown

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
    from indogeoie.annotation.stats import stats_markdown

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
            io.write_text(output, text)
        return stale

    report_files(run(step), check)


@app.command()
def build(
    from_: Annotated[Optional[list[Path]], typer.Option(
        "--from", help="Label Studio export(s) of any articles (default: annotations/gold with the corpus).")] = None,
    out: Annotated[Path, typer.Option(help="The dataset folder to write.")] = paths.DATASET,
    check: Annotated[bool, typer.Option(help="Write nothing; exit 1 if the folder differs from a fresh build.")] = False,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Build the Hugging Face-style dataset (card, JSONL, CoNLL, changelog, manifest)."""
    from indogeoie.dataset.build import build as build_dataset

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
    from indogeoie.dataset.build import build as build_dataset

    def step() -> list[Path]:
        result, _ = build_dataset(exports=[paths.GOLD], out=paths.DATASET, articles_dir=paths.ARTICLES,
                                  agreement_dir=None, check=True, conll_out=out)
        return [out / rel.removeprefix("conll/") for rel in result.files if rel.startswith("conll/")]

    for path in run(step):
        console.print(f"wrote {path}", markup=False)
