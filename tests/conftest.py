"""Shared fixtures: the real corpus, read once per test session."""

from __future__ import annotations

import pytest

from indogeoie import paths
from indogeoie.articles import Article, read_articles


@pytest.fixture(scope="session")
def corpus() -> list[Article]:
    return read_articles(paths.ARTICLES)
