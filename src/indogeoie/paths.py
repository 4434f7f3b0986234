"""Where things live in a checkout: the default of every path option, declared once."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parents[1]
ANNOTATIONS = ROOT / "annotations"
ARTICLES = ANNOTATIONS / "articles"
INDOSUM = ANNOTATIONS / "sources" / "indosum"
SELECTION = INDOSUM / "selection.tsv"
SPLITS = ANNOTATIONS / "splits.tsv"
LABELSTUDIO = ANNOTATIONS / "labelstudio"
CONFIG_XML = LABELSTUDIO / "config.xml"
TASKS_JSON = LABELSTUDIO / "tasks.json"
GUIDELINES = ANNOTATIONS / "GUIDELINES.md"
GOLD = ANNOTATIONS / "gold"
GOLD_JSON = GOLD / "gold.json"
AGREEMENT = ANNOTATIONS / "agreement"
AUDIT_EXCEPTIONS = ANNOTATIONS / "audit_exceptions.tsv"
ACTORS = ANNOTATIONS / "actors"
STATS = ANNOTATIONS / "STATS.md"
CHANGELOG_SOURCE = ANNOTATIONS / "CHANGELOG.md"
DATASET = ROOT / "dataset"
RESULTS = ROOT / "results"
README = ROOT / "README.md"
DATASHEET = ROOT / "DATASHEET.md"
CACHE = ROOT / ".cache"
LABEL_STUDIO_DATA = ROOT / ".labelstudio"  # ignored by git
DATASET_INFO = PACKAGE / "formats" / "dataset_info.json"  # the card's features entries (``indogeoie config``)
