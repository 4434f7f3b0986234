"""The ``indogeoie`` command line: a thin layer over the package's functions.

Each command checks its arguments, calls one keyword-only function and turns an
:class:`~indogeoie.errors.IndoGeoIEError` into one line per problem on stderr
and exit status 1 (usage errors exit with 2, as Typer does).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from indogeoie import atomic, paths
from indogeoie.errors import IndoGeoIEError

app = typer.Typer(
    name="indogeoie",
    help="IndoGeoIE: entities and PLOVER events in Indonesian geopolitical news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

T = TypeVar("T")


def run(step: Callable[[], T]) -> T:
    """Run ``step``; report an IndoGeoIEError as located problems and exit 1."""
    try:
        return step()
    except IndoGeoIEError as error:
        for problem in error.problems:
            err.print(f"error: {problem}", markup=False)
        raise typer.Exit(1) from None
    except OSError as error:
        err.print(f"error: {error.filename or ''}: {error.strerror or error}", markup=False)
        raise typer.Exit(1) from None


def _report_files(written: tuple[Path, ...] | list[Path], check: bool) -> None:
    if check and written:
        for path in written:
            err.print(f"out of date: {path} differs from a fresh run", markup=False)
        raise typer.Exit(1)
    for path in written:
        out.print(f"wrote {path}", markup=False)


@app.command()
def ingest(
    articles: Annotated[Path, typer.Option(help="Folder of raw <doc_id>.txt articles.")] = paths.ARTICLES,
    tasks: Annotated[Path, typer.Option(help="Label Studio import tasks to write.")] = paths.TASKS_JSON,
    check: Annotated[bool, typer.Option(help="Write nothing; exit 1 if outputs are stale.")] = False,
) -> None:
    """Clean the raw articles and write their metadata and Label Studio tasks."""
    from indogeoie.corpus import ingest as ingest_articles

    if not articles.is_dir():
        raise typer.BadParameter(f"{articles} is not a folder", param_hint="--articles")
    report = run(lambda: ingest_articles(articles_dir=articles, tasks_path=tasks, check=check))
    out.print(f"{len(report.articles)} articles, {sum(len(a.text) for a in report.articles)} "
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


def main() -> None:  # pragma: no cover - console entry point
    sys.exit(app())
