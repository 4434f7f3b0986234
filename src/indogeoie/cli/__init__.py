"""The ``indogeoie`` command line: a thin layer over the package's functions.

Each command checks its arguments, calls one keyword-only function and turns an
:class:`~indogeoie.errors.IndoGeoIEError` into one line per problem on stderr
and exit status 1 (usage errors exit with 2, as Typer does). One module per
command group registers its commands on the shared app.
"""

from __future__ import annotations

import sys

from indogeoie.cli import benchmark, data, studio  # noqa: F401  (they register their commands)
from indogeoie.cli.common import app

__all__ = ["app", "main"]


def main() -> None:  # pragma: no cover - console entry point
    sys.exit(app())
