"""``python -m indogeoie.cli``: the same command line as ``indogeoie``."""

from indogeoie.cli import main

main()
