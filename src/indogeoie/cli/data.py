"""Commands over the corpus, the annotations and the dataset.

ingest, config, validate, agreement, stats, build, export conll, splits and
indosum import: each checks its arguments and calls one library function.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from indogeoie import paths
from indogeoie.cli.common import JSON_ERRORS, app, console, errconsole, report_files, run

CHECK = typer.Option(help="Write nothing; exit 1 if a committed output differs from a fresh run.")


def _exists(path: Path, hint: str) -> None:
    if not path.exists():
        raise typer.BadParameter(f"{path} does not exist", param_hint=hint)


@app.command()
def ingest(
    annotations: Annotated[Path, typer.Option(
        help="The annotations folder (articles/, sources/).")] = paths.ANNOTATIONS,
    tasks: Annotated[Path, typer.Option(help="Label Studio import tasks to write.")] = paths.TASKS_JSON,
    check: Annotated[bool, CHECK] = False,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Check every source document and write the Label Studio tasks (and records for new raw articles)."""
    from indogeoie.corpus.ingest import ingest as ingest_corpus

    if not annotations.is_dir():
        raise typer.BadParameter(f"{annotations} is not a folder", param_hint="--annotations")
    report = run(lambda: ingest_corpus(annotations_dir=annotations, tasks_path=tasks, check=check), as_json=as_json)
    console.print(f"{len(report.documents)} documents, {sum(len(d.text) for d in report.documents):,} characters"
                  + (f"; new articles without metadata: {', '.join(report.new_articles)}" if report.new_articles
                     else ""), markup=False)
    report_files(report.stale, check)


@app.command()
def config(
    output: Annotated[Path, typer.Option(help="Where to write config.xml.")] = paths.CONFIG_XML,
    guidelines: Annotated[Path, typer.Option(help="Guidelines whose tables to refresh.")] = paths.GUIDELINES,
    dataset_info: Annotated[Path, typer.Option(
        help="Where to write the dataset card's features entries (read by the build).")] = paths.DATASET_INFO,
    check: Annotated[bool, CHECK] = False,
) -> None:
    """Write the Label Studio config, the guidelines' label tables and the card's features from the schema."""
    from indogeoie.annotation.guidelines import config_outputs
    from indogeoie.io import stale_files

    outputs = run(lambda: config_outputs(config_xml=output, guidelines=guidelines, dataset_info=dataset_info))
    report_files(run(lambda: stale_files(outputs, check=check)), check)


@app.command()
def validate(
    targets: Annotated[list[Path] | None, typer.Argument(
        metavar="[PATH]...", help="Export files or folders (default: annotations/gold).")] = None,
    corpus: Annotated[bool, typer.Option(help="Check each text against the corpus document of its doc_id.")] = True,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Check Label Studio exports against the schema, the tokens and the corpus (and the actor table)."""
    from indogeoie.annotation.actors import checkout_actor_table
    from indogeoie.annotation.validate import validated

    for target in targets or []:
        _exists(target, "PATH")
    report = run(lambda: validated(targets or [paths.GOLD], with_corpus=corpus), as_json=as_json)
    if not targets:  # the checkout's gold: its actor table is part of it
        run(checkout_actor_table, as_json=as_json)
    for note in report.notes:
        errconsole.print(f"note: {note}", markup=False)
    n_ent = sum(len(d.entities) for d in report.documents)
    n_ev = sum(len(d.events) for d in report.documents)
    console.print(f"ok: {len(report.files)} file(s), {len(report.documents)} documents, {n_ent} entities, "
                  f"{n_ev} events", markup=False)


@app.command()
def agreement(
    first: Annotated[Path, typer.Argument(help="First annotation, or one export holding two annotators' work.")],
    second: Annotated[Path | None, typer.Argument(help="Second annotation of the same documents.")] = None,
    annotators: Annotated[list[str] | None, typer.Option(
        "--annotators", help="With one export of more than two annotators: the two to compare.")] = None,
) -> None:
    """Inter-annotator agreement: entity, trigger and argument F1, modality agreement.

    Give two exports, or one Label Studio export (`studio pull` keeps only the
    annotation that counts, so export the project itself) whose tasks carry an
    annotation by each of two annotators.
    """
    from indogeoie.annotation.agreement import agreement_of_export, agreement_of_files

    _exists(first, "FIRST")
    if second is not None:
        _exists(second, "SECOND")
        console.print(run(lambda: agreement_of_files(first, second)), markup=False)
        return
    if annotators is not None and len(annotators) != 2:
        raise typer.BadParameter("give exactly two", param_hint="--annotators")
    pair = (annotators[0], annotators[1]) if annotators else None
    console.print(run(lambda: agreement_of_export(first, annotators=pair)), markup=False)


@app.command()
def stats(
    output: Annotated[Path, typer.Option(help="Where to write the statistics.")] = paths.STATS,
    check: Annotated[bool, CHECK] = False,
) -> None:
    """Write annotations/STATS.md: counts per source and split, pending documents, agreement."""
    from indogeoie.annotation.stats import checkout_stats
    from indogeoie.io import stale_files

    report_files(run(lambda: stale_files({output: checkout_stats()}, check=check)), check)


@app.command()
def build(
    from_: Annotated[list[Path] | None, typer.Option(
        "--from", help="Label Studio export(s) of any texts (default: annotations/gold with the corpus).")] = None,
    out: Annotated[Path, typer.Option(help="The dataset folder to write.")] = paths.DATASET,
    check: Annotated[bool, typer.Option(help="Write nothing; exit 1 if the folder differs from a fresh build.")]
    = False,
    force: Annotated[bool, typer.Option(help="Replace files added or edited by hand in the folder.")] = False,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Build the Hugging Face-style dataset (card, JSONL, CoNLL, changelog, manifest)."""
    from indogeoie.dataset.inputs import checkout_build, export_build

    for export in from_ or []:
        _exists(export, "--from")
    if from_:
        result = run(lambda: export_build(exports=from_, out=out, check=check, force=force), as_json=as_json)
    else:
        result = run(lambda: checkout_build(out=out, check=check, force=force), as_json=as_json)
    if check:
        for rel in result.changed:
            errconsole.print(f"out of date: {out / rel} differs from a fresh build", markup=False)
        if result.changed:
            raise typer.Exit(1)
    summary = ", ".join(f"{split} {s.documents} docs/{s.sentences} sentences" for split, s in result.stats.items())
    verb = "ok:" if check else ("wrote" if result.changed else "unchanged:")
    console.print(f"{verb} {out} ({len(result.files)} files; {summary}; {len(result.pending)} pending; "
                  f"fingerprint {result.fingerprint[:12]})", markup=False)


@app.command()
def docs(check: Annotated[bool, CHECK] = False) -> None:
    """Rewrite the generated sections of README.md and DATASHEET.md (counts, leaderboard, agreement, PLOVER)."""
    from indogeoie.dataset.sections import checkout_docs

    report_files(run(lambda: checkout_docs(check=check)), check)


export_app = typer.Typer(help="Export the dataset in other formats.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("conll")
def export_conll(
    out: Annotated[Path, typer.Option(help="Folder for <config>/<split>.conll files.")] = paths.DATASET / "conll",
) -> None:
    """CoNLL-2003-style files for the ner and events configs, one per split (-DOCSTART- per document)."""
    from indogeoie.dataset.inputs import checkout_build

    result = run(lambda: checkout_build(check=True, conll_out=out))
    for rel in result.files:
        if rel.startswith("conll/"):
            console.print(f"wrote {out / rel.removeprefix('conll/')}", markup=False)


@export_app.command("plover")
def export_plover(
    out: Annotated[Path, typer.Option(help="Folder for events.jsonl and incomplete.jsonl.")] = paths.DATASET / "plover",
) -> None:
    """PLOVER 2.0 event records of the gold, one per event, with normalised actors.

    Complete records go to events.jsonl; a record that lacks a required field
    (a date, a coded actor, a recipient where the event type needs one) goes to
    incomplete.jsonl with the list of what is missing.
    """
    from indogeoie.dataset.inputs import checkout_build

    result = run(lambda: checkout_build(check=True, plover_out=out))
    for rel in result.files:
        if rel.startswith("plover/"):
            target = out / rel.removeprefix("plover/")
            lines = sum(1 for _ in target.open(encoding="utf-8"))
            console.print(f"wrote {target} ({lines} records)", markup=False)


splits_app = typer.Typer(help="The frozen train/validation/test split and folds.", no_args_is_help=True)
app.add_typer(splits_app, name="splits")


@splits_app.command("assign")
def splits_assign(
    check: Annotated[bool, CHECK] = False,
) -> None:
    """Give every corpus document without a split its split and fold (the added-document rule); never move one."""
    from indogeoie.dataset.splits import checkout_assign
    from indogeoie.io import stale_files

    report_files(run(lambda: stale_files({paths.SPLITS: checkout_assign()}, check=check)), check)


indosum_app = typer.Typer(help="The IndoSum source (maintainers, with a copy of IndoSum).", no_args_is_help=True)
app.add_typer(indosum_app, name="indosum")


@indosum_app.command("import")
def indosum_import(
    source: Annotated[Path, typer.Option(help="Folder with IndoSum's dev.0N.jsonl files.")],
    selection: Annotated[Path, typer.Option(help="The selection file.")] = paths.SELECTION,
    check: Annotated[bool, CHECK] = False,
) -> None:
    """Rebuild records.jsonl and metadata.json from the selection and the IndoSum files."""
    from indogeoie.corpus.indosum_import import import_indosum

    _exists(source, "--source")
    _exists(selection, "--selection")
    report = run(lambda: import_indosum(selection_path=selection, source_dir=source, out_dir=selection.parent,
                                        check=check))
    console.print(f"{report.selected} selected, {report.rejected} rejected, {report.duplicates} duplicates",
                  markup=False)
    report_files(list(report.changed), check)


markup_app = typer.Typer(help="Annotations written in the annotators' markup (outside Label Studio).",
                         no_args_is_help=True)
app.add_typer(markup_app, name="markup")


@markup_app.command("import")
def markup_import(
    files: Annotated[list[Path], typer.Argument(help="Markup files (.ann), one article each.")],
    into: Annotated[Path, typer.Option(help="The gold file or an agreement study's file to add them to.")]
    = paths.GOLD_JSON,
    replace: Annotated[bool, typer.Option(help="Replace documents the target already holds.")] = False,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Check markup files against the corpus and the guidelines' span rules, then add them (all or none)."""
    from indogeoie.annotation.markup_import import import_markup
    from indogeoie.corpus.documents import load_corpus

    for path in files:
        _exists(path, "FILES")
    report = run(lambda: import_markup(files=files, target=into, corpus=load_corpus(paths.ANNOTATIONS),
                                       replace=replace), as_json=as_json)
    console.print(f"{into}: {len(report.added)} added, {len(report.replaced)} replaced", markup=False)


@markup_app.command("export")
def markup_export(
    doc_ids: Annotated[list[str] | None, typer.Argument(help="Documents to write (default: all of --source).")]
    = None,
    source: Annotated[Path, typer.Option(help="The gold file or an agreement study's file.")] = paths.GOLD_JSON,
    out: Annotated[Path, typer.Option(help="Folder for the <doc_id>.ann files.")] = Path("markup"),
) -> None:
    """Write annotated documents as markup files, to correct them outside Label Studio and import them back."""
    from indogeoie.annotation.markup_import import export_markup
    from indogeoie.corpus.documents import load_corpus

    _exists(source, "--source")
    for path in run(lambda: export_markup(doc_ids=doc_ids or [], source=source, out=out,
                                          corpus=load_corpus(paths.ANNOTATIONS))):
        console.print(f"wrote {path}", markup=False)


@app.command()
def audit(
    show_accepted: Annotated[bool, typer.Option(help="Also list the findings accepted in the exceptions.")] = False,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Consistency checks across the gold; exit 1 while a finding is neither fixed nor accepted."""
    from indogeoie.annotation.audit import checkout_audit

    report = run(checkout_audit, as_json=as_json)
    for finding in report.open:
        console.print(f"{finding.check}\t{finding.key}\t{finding.detail}", markup=False)
    if show_accepted:
        for finding in report.accepted:
            console.print(f"accepted: {finding.check}\t{finding.key}\t{finding.detail}", markup=False)
    for check, key in report.stale:
        errconsole.print(f"error: {paths.AUDIT_EXCEPTIONS}: exception {check} {key!r} matches no finding; "
                         "remove it", markup=False)
    from indogeoie.annotation.audit import CHECKS

    summary = {check: sum(1 for f in report.open if f.check == check) for check in CHECKS}
    errconsole.print(f"{len(report.open)} open finding(s) {summary}, {len(report.accepted)} accepted", markup=False)
    if report.open or report.stale:
        raise typer.Exit(1)
