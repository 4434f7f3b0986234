"""Shared fixtures: the real corpus, read once per test session."""

from __future__ import annotations

import os

# Nothing is downloaded at run time: the datasets library must work offline.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"

import pytest  # noqa: E402

from indogeoie import paths  # noqa: E402
from indogeoie.formats.articles import Article, read_articles  # noqa: E402


@pytest.fixture(scope="session")
def corpus() -> list[Article]:
    return read_articles(paths.ARTICLES)
