"""Tests for indogeoie.benchmark.provenance: what every results file records about how it was made."""

from __future__ import annotations

import platform
from importlib import metadata

import pytest

from indogeoie.benchmark import bootstrap, provenance
from indogeoie.benchmark.data import BenchmarkData
from indogeoie.dataset.release import DATASET_VERSION
from indogeoie.schema import SCHEMA_VERSION


def test_versions_fingerprint_and_bootstrap_are_recorded(tiny_benchmark: BenchmarkData) -> None:
    found = provenance.provenance(tiny_benchmark)
    assert (found["dataset_version"], found["schema_version"], found["dataset_manifest_sha256"]) == (
        DATASET_VERSION, SCHEMA_VERSION, "0" * 64)
    assert (found["bootstrap"]["replicates"], found["bootstrap"]["seed"]) == (bootstrap.REPLICATES, bootstrap.SEED)
    assert "mode='strict', scheme=IOB2" in found["scoring"]["entities"]


def test_package_versions_are_the_installed_ones_or_none(tiny_benchmark: BenchmarkData,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance, "PACKAGES", ("numpy", "seqeval", "no-such-distribution-indogeoie"))
    versions = provenance.provenance(tiny_benchmark)["package_versions"]
    assert versions == {"python": platform.python_version(), "numpy": metadata.version("numpy"),
                        "seqeval": metadata.version("seqeval"), "no-such-distribution-indogeoie": None}
