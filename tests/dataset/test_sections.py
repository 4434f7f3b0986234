"""The generated sections of README.md and DATASHEET.md."""

from __future__ import annotations

import pytest

from indogeoie import paths
from indogeoie.dataset.sections import checkout_docs, fill, sections
from indogeoie.errors import IndoGeoIEError

TEXT = "Hand-written.\n<!-- BEGIN GENERATED corpus -->\nold\n<!-- END GENERATED corpus -->\nMore by hand.\n"


def test_only_the_inside_of_the_markers_is_rewritten() -> None:
    assert fill(TEXT, {"corpus": "new table\n"}, file="R.md") == TEXT.replace("old\n", "new table\n")


def test_an_unknown_section_is_located() -> None:
    with pytest.raises(IndoGeoIEError, match=r"R\.md: unknown generated section\(s\) \['corpus'\]"):
        fill(TEXT, {"leaderboard": ""}, file="R.md")


def test_the_committed_docs_are_current_and_show_the_built_counts() -> None:
    assert checkout_docs(check=True) == [], "run `indogeoie docs` (make update)"
    made = sections()
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("corpus", "leaderboard", "plover", "agreement"):
        assert made[name].strip() in readme
    assert made["corpus"].strip() in (paths.ROOT / "DATASHEET.md").read_text(encoding="utf-8")
