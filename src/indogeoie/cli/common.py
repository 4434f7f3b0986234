"""What every command shares: the Typer app, the consoles, and turning errors into messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console

from indogeoie.errors import IndoGeoIEError, Problem

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


def report_files(written: tuple[Path, ...] | list[Path], check: bool) -> None:
    if check and written:
        for path in written:
            errconsole.print(f"out of date: {path} differs from a fresh run", markup=False)
        raise typer.Exit(1)
    for path in written:
        console.print(f"wrote {path}", markup=False)
