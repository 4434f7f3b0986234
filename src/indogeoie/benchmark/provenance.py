"""What every results file records: dataset version and fingerprint, seeds, metric definitions, versions."""

from __future__ import annotations

import platform
from importlib import metadata
from typing import Any

from indogeoie.benchmark import bootstrap
from indogeoie.benchmark.data import BenchmarkData
from indogeoie.dataset.release import DATASET_VERSION
from indogeoie.schema import SCHEMA_VERSION

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
    """The facts a reader needs to trust or reproduce a results file."""
    return {"dataset_version": DATASET_VERSION, "schema_version": SCHEMA_VERSION,
            "dataset_manifest_sha256": corpus.fingerprint,
            "bootstrap": {"replicates": bootstrap.REPLICATES, "seed": bootstrap.SEED, "interval": "95% percentile",
                          "resampled": "documents of the evaluated split, with replacement (cluster bootstrap)",
                          "paired": "both systems on the same replicates; two-sided p-value"},
            "scoring": {"entities": "seqeval mode='strict', scheme=IOB2, micro F1 (headline); seqeval default "
                                    "mode and strict macro F1 beside",
                        "events": "Trig-I, Trig-C, Arg-I, Arg-C (event type and role), Arg-C+ (trigger span too), "
                                  "modality accuracy on span-matched triggers; see README"},
            "package_versions": _versions()}
