"""Tests for indogeoie.dataset.release: the dataset version from the changelog, and the citation."""

from __future__ import annotations

import textwrap

import pytest

from indogeoie import paths
from indogeoie.dataset.release import DATASET_VERSION, changelog_text, citation, version_of
from indogeoie.errors import IndoGeoIEError


def test_the_version_is_the_first_semver_heading() -> None:
    changelog = textwrap.dedent("""\
        # Changelog

        ## Unreleased
        ### 3.0.0
        ## 2.1
        ## 2.1.0{trailing}

        ## 2.0.0
        """).format(trailing="  ")  # a heading may end in spaces
    assert version_of(changelog) == "2.1.0"


def test_a_changelog_without_a_version_names_its_file() -> None:
    with pytest.raises(IndoGeoIEError, match=r"^notes\.md: no '## <version>' heading \(semver, e\.g\. '## 2\.1\.0'\)$"):
        version_of("# Changelog\n\n## next\n", file="notes.md")


def test_the_dataset_version_is_the_committed_changelog_s() -> None:
    assert changelog_text() == paths.CHANGELOG_SOURCE.read_text(encoding="utf-8")
    assert DATASET_VERSION == version_of(changelog_text())
    assert f"\n## {DATASET_VERSION}\n" in changelog_text()


def test_the_citation_names_the_version() -> None:
    assert citation().splitlines()[4] == f"  note   = {{Dataset version {DATASET_VERSION}}}"
    assert "Dataset version 9.9.9" in citation("9.9.9") and citation("9.9.9").startswith("@misc{indogeoie2026,\n")
