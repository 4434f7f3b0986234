"""``indogeoie studio``: annotate in a real Label Studio."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from indogeoie import paths
from indogeoie.cli.common import JSON_ERRORS, app, console, errconsole, run
from indogeoie.errors import IndoGeoIEError

if TYPE_CHECKING:
    from indogeoie.studio.sync import Server


studio_app = typer.Typer(help="Annotate in a real Label Studio: up, push, pull, down.", no_args_is_help=True)
app.add_typer(studio_app, name="studio")


def _studio_server(data_dir: Path) -> "Server":
    from indogeoie.studio.sync import running_server

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
    from indogeoie.studio.sync import Credentials, client, credentials, project, start

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
    from indogeoie.studio.sync import stop

    console.print("stopped" if stop(data_dir=data_dir) else "no server was running", markup=False)


@studio_app.command("push")
def studio_push(
    with_: Annotated[str, typer.Option("--with", help="gold, predictions:<model> or none.")] = "gold",
    docs: Annotated[Optional[list[str]], typer.Option("--docs", help="Only these doc_ids.")] = None,
    data_dir: Annotated[Path, typer.Option(help="Label Studio's data directory.")] = paths.LABEL_STUDIO_DATA,
) -> None:
    """Import the corpus into the project: gold as annotations, or a baseline's predictions."""
    from indogeoie.annotation.validate import validated
    from indogeoie.corpus.documents import load_corpus
    from indogeoie.formats.labelstudio_tasks import task_meta
    from indogeoie.formats.predictions import predicted_documents
    from indogeoie.records import AnnotatedDocument
    from indogeoie.studio.sync import client, push

    if with_ not in ("gold", "none") and not with_.startswith("predictions:"):
        raise typer.BadParameter(f"{with_!r}; expected gold, predictions:<model> or none", param_hint="--with")

    def step() -> object:
        articles = list(load_corpus(paths.ANNOTATIONS).values())
        known = {a.doc_id for a in articles}
        for doc_id in docs or []:
            if doc_id not in known:
                raise IndoGeoIEError(f"--docs: unknown doc_id {doc_id!r}; known: {sorted(known)}")
        chosen = [a for a in articles if not docs or a.doc_id in docs]
        meta = {a.doc_id: task_meta(a) for a in chosen}
        if with_ == "gold":
            gold = {d.doc_id: d for d in validated([paths.GOLD]).documents}
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
    from indogeoie.corpus.documents import load_corpus
    from indogeoie.studio.sync import client, export_json, project, pull

    def step() -> object:
        ls = client(_studio_server(data_dir))
        export = export_json(ls, project(ls).id)
        articles = load_corpus(paths.ANNOTATIONS)
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
