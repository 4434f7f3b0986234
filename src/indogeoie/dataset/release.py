"""The dataset's version and its changelog, declared once.

Bump :data:`DATASET_VERSION` (semver) whenever the labels or the data files
change, and add an entry at the top of :data:`CHANGELOG`. ``indogeoie build``
writes both into the dataset card, each config's ``version:`` and
``dataset/CHANGELOG.md``.
"""

from __future__ import annotations

DATASET_VERSION = "1.0.0"

#: (version, changes), newest first.
CHANGELOG: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "1.0.0",
        (
            "First release: five Indonesian news articles (2020-2024) with gold entities "
            "(10 types), PLOVER 2.0 events (16 types), arguments (5 roles) and modality, "
            "annotated against annotations/GUIDELINES.md (schema 1.0.0).",
            "Configs ner, events and documents; a temporal train/validation/test split by "
            "document and leave-one-document-out folds (the fold column).",
        ),
    ),
)

CITATION = """@misc{indogeoie2026,
  title  = {{IndoGeoIE}: Entities and {PLOVER} Political Events in Indonesian Geopolitical News},
  author = {{IndoGeoIE team}},
  year   = {2026},
  note   = {Dataset version DATASET_VERSION}
}""".replace("DATASET_VERSION", DATASET_VERSION)

ANNOTATION_LICENSE = "CC BY 4.0"
CODE_LICENSE = "MIT"
