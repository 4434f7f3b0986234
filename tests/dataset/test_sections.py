"""The generated sections of README.md and DATASHEET.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from indogeoie import paths
from indogeoie.dataset.sections import checkout_docs, fill, modules_section, sections
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
    for name in ("corpus", "leaderboard", "plover", "agreement", "modules"):
        assert made[name].strip() in readme
    assert made["corpus"].strip() in (paths.ROOT / "DATASHEET.md").read_text(encoding="utf-8")


def test_the_module_table_has_each_module_and_its_docstring_summary(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "sub" / "b.py").write_text('"""Reads B | C files.\n\nMore."""\n')
    (tmp_path / "pkg" / "a.py").write_text("x = 1\n")
    assert modules_section(tmp_path, ("pkg",)) == ("| module | what it does |\n| --- | --- |\n"
                                                   "| `pkg/a.py` | (no docstring) |\n"
                                                   "| `pkg/sub/b.py` | Reads B \\| C files. |\n")
