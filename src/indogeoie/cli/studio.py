"""``indogeoie studio``: annotate in a real Label Studio (up, push, pull, adduser, down)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from indogeoie import paths
from indogeoie.cli.common import JSON_ERRORS, app, console, errconsole, run
from indogeoie.errors import IndoGeoIEError, Problem

if TYPE_CHECKING:
    from indogeoie.studio.project import SyncState

studio_app = typer.Typer(help="Annotate in a real Label Studio: up, push, pull, adduser, down.",
                         no_args_is_help=True)
app.add_typer(studio_app, name="studio")

DATA_DIR = Annotated[Path, typer.Option(help="Label Studio's data directory.")]
T = TypeVar("T")


def _with_project(data_dir: Path, work: Callable[[Any, int, SyncState], T], *, save: bool = True) -> T:
    """Run ``work(client, project_id, state)`` against the running server; save the sync state after it."""
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    from indogeoie.dataset.release import DATASET_VERSION
    from indogeoie.studio.project import corpus_project, read_state, write_state
    from indogeoie.studio.server import client, running_server

    server = running_server(data_dir)
    if server is None:
        raise IndoGeoIEError(f"no Label Studio started by indogeoie is running for {data_dir}; "
                             "run `indogeoie studio up` first")
    state = read_state(data_dir)
    try:
        ls = client(server)
        project = corpus_project(ls, state, dataset_version=DATASET_VERSION)
        result = work(ls, int(project.id), state)
    except ApiError as error:
        raise IndoGeoIEError(Problem(f"Label Studio answered {error.status_code}: {error.body}")) from None
    except httpx.HTTPError as error:
        raise IndoGeoIEError(Problem(f"cannot reach Label Studio at {server.url}: {error}")) from None
    if save:
        write_state(data_dir, state)
    return result


@studio_app.command("up")
def studio_up(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8089,
    data_dir: DATA_DIR = paths.LABEL_STUDIO_DATA,
) -> None:
    """Install Label Studio (once), start it on 127.0.0.1, create or find the project, print its URL."""
    from indogeoie.studio.server import credentials, start

    creds = run(lambda: credentials(data_dir))  # generated once when neither the environment nor the file has them
    run(lambda: start(data_dir=data_dir, port=port, log=lambda m: errconsole.print(m, markup=False)))
    project_id = run(lambda: _with_project(data_dir, lambda ls, pid, state: pid))
    console.print(f"Label Studio: http://127.0.0.1:{port}/projects/{project_id}", markup=False)
    console.print(f"user: {creds.username}", markup=False)
    if creds.generated_password:
        console.print(f"password (generated, shown once; saved outside the repository): {creds.password}",
                      markup=False)


@studio_app.command("down")
def studio_down(data_dir: DATA_DIR = paths.LABEL_STUDIO_DATA) -> None:
    """Stop the Label Studio that `studio up` started."""
    from indogeoie.studio.server import stop

    console.print("stopped" if stop(data_dir=data_dir) else "no server was running", markup=False)


@studio_app.command("adduser")
def studio_adduser(
    email: Annotated[str, typer.Argument(help="The annotator's e-mail address (their login).")],
    data_dir: DATA_DIR = paths.LABEL_STUDIO_DATA,
) -> None:
    """Create an annotator account; the password comes from INDOGEOIE_NEW_USER_PASSWORD or is generated."""
    import secrets

    from indogeoie.studio.server import add_user

    password = os.environ.get("INDOGEOIE_NEW_USER_PASSWORD") or secrets.token_urlsafe(12)
    user_id, created = run(lambda: _with_project(data_dir, lambda ls, pid, state: add_user(
        ls, email=email, password=password), save=False))
    if not created:
        console.print(f"{email} already has an account (user {user_id})", markup=False)
        return
    console.print(f"created {email} (user {user_id})", markup=False)
    if "INDOGEOIE_NEW_USER_PASSWORD" not in os.environ:
        console.print(f"password (generated, shown once): {password}", markup=False)


@studio_app.command("push")
def studio_push(
    with_: Annotated[str, typer.Option("--with", help="gold, none, or predictions:<file> (written by "
                                                      "`indogeoie predict`).")] = "gold",
    docs: Annotated[list[str] | None, typer.Option("--docs", help="Only these doc_ids.")] = None,
    data_dir: DATA_DIR = paths.LABEL_STUDIO_DATA,
) -> None:
    """Create a task per article; sync the gold as annotations, or add a baseline's predictions."""
    from indogeoie.annotation.validate import validated
    from indogeoie.corpus.documents import load_corpus
    from indogeoie.formats.document_predictions import annotated_predictions
    from indogeoie.studio.push import PushReport, push

    if with_ not in ("gold", "none") and not with_.startswith("predictions:"):
        raise typer.BadParameter(f"{with_!r}; expected gold, none or predictions:<file>", param_hint="--with")

    def step() -> PushReport:
        corpus = load_corpus(paths.ANNOTATIONS)
        unknown = sorted(set(docs or []) - set(corpus))
        if unknown:
            raise IndoGeoIEError(f"--docs: unknown doc_ids {unknown}")
        chosen = [a for d, a in sorted(corpus.items()) if not docs or d in docs]
        gold = predicted = model = None
        if with_ == "gold":
            gold = {d.doc_id: d for d in validated([paths.GOLD]).documents}
        elif with_ != "none":
            source = Path(with_.split(":", 1)[1])
            model = source.stem
            predicted = annotated_predictions(source, texts={a.doc_id: a.text for a in chosen})
        return _with_project(data_dir, lambda ls, pid, state: push(
            ls, pid, state, articles=chosen, gold=gold, predictions=predicted, model_version=model))

    report = run(step)
    console.print(f"project {report.project_id}: {len(report.created)} tasks created, {len(report.already_there)} "
                  f"already there; {len(report.annotated)} annotated from the gold, {len(report.refreshed)} "
                  f"refreshed from git, {len(report.predicted)} with new predictions", markup=False)
    if report.dropped_regions:
        console.print(f"{report.dropped_regions} predicted regions could not be fitted to the span rules and "
                      "were dropped", markup=False)
    for doc_id in report.left_for_pull:
        errconsole.print(f"note: doc {doc_id}: changed or skipped in Label Studio; `studio pull` takes it",
                         markup=False)
    for doc_id in report.conflicts:
        errconsole.print(f"conflict: doc {doc_id}: changed in git and in Label Studio; the task was left as it is "
                         "(`studio pull --theirs` or `--ours` settles it)", markup=False)


@studio_app.command("pull")
def studio_pull(
    out: Annotated[Path, typer.Option(help="Gold folder (its gold.json is updated).")] = paths.GOLD,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")] = False,
    theirs: Annotated[bool, typer.Option("--theirs", help="Settle conflicts with Label Studio's version.")] = False,
    ours: Annotated[bool, typer.Option("--ours", help="Settle conflicts with git's version.")] = False,
    data_dir: DATA_DIR = paths.LABEL_STUDIO_DATA,
    as_json: Annotated[bool, JSON_ERRORS] = False,
) -> None:
    """Take what changed in Label Studio into the gold: a three-way comparison, conflicts never written silently."""
    from indogeoie.corpus.documents import load_corpus
    from indogeoie.studio.pull import PullReport, export_json, pull

    if theirs and ours:
        raise typer.BadParameter("choose one of --theirs and --ours", param_hint="--theirs/--ours")
    resolve = "theirs" if theirs else "ours" if ours else None

    def work(ls: Any, project_id: int, state: SyncState) -> PullReport:
        export = export_json(ls, project_id)
        annotators = {int(u.id): str(u.email or u.username) for u in ls.users.list()}
        report = pull(export=export, gold_file=out / "gold.json", articles=load_corpus(paths.ANNOTATIONS),
                      bases=state.bases, resolve=resolve, dry_run=dry_run, annotators=annotators)  # type: ignore[arg-type]
        state.bases = report.bases
        return report

    report = run(lambda: _with_project(data_dir, work, save=not dry_run), as_json=as_json)
    _print_pull(report, dry_run=dry_run)
    if report.conflicts():
        raise typer.Exit(1)


def _print_pull(report: Any, *, dry_run: bool) -> None:
    for note in report.notes:
        errconsole.print(f"note: {note}", markup=False)
    for doc_id, why in report.unannotated:
        console.print(f"{doc_id}: not in the gold ({why})", markup=False)
    for document in report.documents:
        if document.outcome == "same":
            continue
        diff = document.diff
        verb = {"theirs": "take", "ours": "keep git's version of", "conflict": "CONFLICT in"}[document.outcome]
        console.print(f"{verb} {document.doc_id}: {len(diff.added)} added, {len(diff.removed)} removed, "
                      f"{len(diff.modified)} changed (git -> Label Studio)", markup=False)
        for line in diff.details:
            console.print(f"  {line}", markup=False)
    conflicts = report.conflicts()
    if conflicts:
        errconsole.print(f"error: {len(conflicts)} conflicting documents were not written: {', '.join(conflicts)}; "
                         "rerun with --theirs (Label Studio wins) or --ours (git wins)", markup=False)
    if dry_run:
        console.print("dry run: nothing written", markup=False)
    elif report.written is None:
        console.print("no changes from Label Studio; nothing written", markup=False)
    else:
        console.print(f"wrote {report.written} (previous kept as {report.backup})", markup=False)
