"""``python -m indogeoie``: the same as the ``indogeoie`` command."""

from indogeoie.cli import app

app(prog_name="indogeoie")
