"""Where things live in a checkout. Every default path is declared here once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "annotations"
ARTICLES = ANNOTATIONS / "articles"
LABELSTUDIO = ANNOTATIONS / "labelstudio"
CONFIG_XML = LABELSTUDIO / "config.xml"
TASKS_JSON = LABELSTUDIO / "tasks.json"
GUIDELINES = ANNOTATIONS / "GUIDELINES.md"
GOLD = ANNOTATIONS / "gold"
AGREEMENT = ANNOTATIONS / "agreement"
STATS = ANNOTATIONS / "STATS.md"
DATASET = ROOT / "dataset"
RESULTS = ROOT / "results"
LABEL_STUDIO_DATA = ROOT / ".labelstudio"  # ignored by git
