"""Tests for indogeoie.paths: every default path lies where the checkout keeps it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from indogeoie import paths

LAYOUT = {
    "ANNOTATIONS": "annotations", "ARTICLES": "annotations/articles", "INDOSUM": "annotations/sources/indosum",
    "SELECTION": "annotations/sources/indosum/selection.tsv", "SPLITS": "annotations/splits.tsv",
    "LABELSTUDIO": "annotations/labelstudio", "CONFIG_XML": "annotations/labelstudio/config.xml",
    "TASKS_JSON": "annotations/labelstudio/tasks.json", "GUIDELINES": "annotations/GUIDELINES.md",
    "GOLD": "annotations/gold", "GOLD_JSON": "annotations/gold/gold.json", "AGREEMENT": "annotations/agreement",
    "AUDIT_EXCEPTIONS": "annotations/audit_exceptions.tsv", "ACTORS": "annotations/actors",
    "STATS": "annotations/STATS.md", "CHANGELOG_SOURCE": "annotations/CHANGELOG.md", "DATASET": "dataset",
    "RESULTS": "results", "README": "README.md", "DATASHEET": "DATASHEET.md", "CACHE": ".cache",
    "LABEL_STUDIO_DATA": ".labelstudio", "PACKAGE": "src/indogeoie",
    "DATASET_INFO": "src/indogeoie/formats/dataset_info.json",
}


def test_the_root_is_the_checkout_that_holds_this_package() -> None:
    assert (paths.ROOT / "src" / "indogeoie" / "paths.py").samefile(paths.__file__)
    assert (paths.ROOT / "pyproject.toml").is_file()


def test_every_path_constant_is_listed_here() -> None:
    declared = {name for name, value in vars(paths).items() if isinstance(value, Path) and name != "ROOT"}
    assert declared == set(LAYOUT)


def test_each_path_is_where_the_checkout_keeps_it() -> None:
    assert {name: getattr(paths, name).relative_to(paths.ROOT).as_posix() for name in LAYOUT} == LAYOUT


def test_the_committed_paths_exist() -> None:
    assert [name for name in LAYOUT if name not in ("CACHE", "LABEL_STUDIO_DATA")
            and not getattr(paths, name).exists()] == []


def test_the_local_folders_are_ignored_by_git() -> None:
    inside = [str((paths.LABEL_STUDIO_DATA / "server.json").relative_to(paths.ROOT)),
              str((paths.CACHE / "models" / "x").relative_to(paths.ROOT))]
    done = subprocess.run(["git", "check-ignore", *inside], cwd=paths.ROOT, capture_output=True, text=True)
    assert done.stdout.split() == inside
