"""What every results file records: dataset version and checksums, seeds, scoring and package versions."""

from __future__ import annotations

import platform
from importlib import metadata
from typing import Any

from indogeoie.benchmark.bootstrap import BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED
from indogeoie.benchmark.data import BenchmarkData
from indogeoie.dataset.release import DATASET_VERSION
from indogeoie.schema import SCHEMA_VERSION

SEED = 13
PACKAGES = ("datasets", "seqeval", "spacy", "sklearn-crfsuite", "python-crfsuite", "scikit-learn",
            "numpy", "label-studio-sdk", "torch", "transformers")


def _versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return versions


def provenance(corpus: BenchmarkData) -> dict[str, Any]:
    return {"dataset_version": DATASET_VERSION, "schema_version": SCHEMA_VERSION,
            "dataset_manifest_sha256": corpus.fingerprint, "dataset_checksums": corpus.checksums,
            "seeds": {"train": SEED, "bootstrap": BOOTSTRAP_SEED},
            "bootstrap": {"replicates": BOOTSTRAP_REPLICATES, "interval": "95% percentile",
                          "resampled": "sentences of the evaluated set, with replacement"},
            "scoring": {"headline": "seqeval mode='strict', scheme=IOB2, micro F1",
                        "beside": "seqeval default mode (conlleval-compatible)",
                        "arguments": "F1 over (doc, trigger span, role, argument span) tuples"},
            "package_versions": _versions()}
