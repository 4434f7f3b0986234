"""The dataset's version, changelog, citation and licences, each declared once.

The changelog's source is ``annotations/CHANGELOG.md``, written by hand: its
first ``## <version>`` heading is the dataset version. ``indogeoie build``
copies it into ``dataset/CHANGELOG.md`` and writes the version into the card
and each config, so nothing written by hand is overwritten by a build.

>>> version_of("# Changelog\\n\\n## 2.1.0\\n\\n* More articles.\\n\\n## 2.0.0\\n")
'2.1.0'
"""

from __future__ import annotations

import re

from indogeoie import paths
from indogeoie.errors import IndoGeoIEError, Problem

_VERSION = re.compile(r"^## (\d+\.\d+\.\d+)\s*$", re.MULTILINE)

ANNOTATION_LICENCE_SEED = "CC BY 4.0"
ANNOTATION_LICENCE_INDOSUM = "CC BY-SA 4.0"
CODE_LICENCE = "MIT"


def version_of(changelog: str, *, file: str = "CHANGELOG.md") -> str:
    """The version of the first ``## <semver>`` heading of a changelog."""
    match = _VERSION.search(changelog)
    if match is None:
        raise IndoGeoIEError(Problem("no '## <version>' heading (semver, e.g. '## 2.1.0')", file=file))
    return match.group(1)


def changelog_text() -> str:
    """The changelog's source text."""
    return paths.CHANGELOG_SOURCE.read_text(encoding="utf-8")


DATASET_VERSION = version_of(changelog_text(), file=str(paths.CHANGELOG_SOURCE))


def citation(version: str = DATASET_VERSION) -> str:
    """The BibTeX entry for this dataset version."""
    return ("@misc{indogeoie2026,\n"
            "  title  = {{IndoGeoIE}: Entities and {PLOVER} Political Events in Indonesian Geopolitical News},\n"
            "  author = {{IndoGeoIE team}},\n"
            "  year   = {2026},\n"
            f"  note   = {{Dataset version {version}}}\n"
            "}")
