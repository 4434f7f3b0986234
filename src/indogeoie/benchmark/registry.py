"""Tagging baselines, found by name through the ``indogeoie.baselines`` entry-point group.

A baseline registers itself in its distribution's metadata, as pytest and
spaCy plugins do::

    [project.entry-points."indogeoie.baselines"]
    mymodel = "my_package.tagger:MyTagger"

after which ``indogeoie benchmark --models mymodel`` runs it. A class is only
imported and instantiated when it is asked for.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from indogeoie.benchmark.types import Tagger
from indogeoie.errors import IndoGeoIEError, Problem

GROUP = "indogeoie.baselines"


def tagger_names() -> list[str]:
    """The registered baselines, in the order the installed distributions' entry points list them."""
    return [entry.name for entry in entry_points(group=GROUP)]


def load_tagger(name: str) -> Tagger:
    """Import and instantiate the baseline registered as ``name``.

    Args:
        name: its entry-point name.
    """
    for entry in entry_points(group=GROUP):
        if entry.name == name:
            tagger: Tagger = entry.load()()
            return tagger
    raise IndoGeoIEError(Problem(f"no baseline named {name!r}; registered in {GROUP!r}: {tagger_names()}"))
