"""The card's features entries: the committed file is what the datasets library gives, and a stale one is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from indogeoie import paths
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.hf import CONFIGS
from indogeoie.formats.hf_features import dataset_info_entries, dataset_info_json, stored_dataset_info


def test_the_committed_features_entries_are_what_the_datasets_library_gives() -> None:
    assert paths.DATASET_INFO.read_text(encoding="utf-8") == dataset_info_json()
    assert stored_dataset_info(paths.DATASET_INFO) == dataset_info_entries()
    assert [e["config_name"] for e in dataset_info_entries()] == list(CONFIGS)


def test_features_entries_from_before_a_schema_change_are_refused(tmp_path: Path) -> None:
    stale = tmp_path / "dataset_info.json"
    stale.write_text(dataset_info_json().replace('"B-GPE"', '"B-COUNTRY"'), encoding="utf-8")
    with pytest.raises(IndoGeoIEError) as error:
        stored_dataset_info(stale)
    (problem,) = error.value.problems
    assert problem.file == str(stale)
    assert "class label names differ from the schema's; run `indogeoie config`" in problem.message


def test_unreadable_features_entries_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "dataset_info.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match="cannot read the card's features entries"):
        stored_dataset_info(broken)
    broken.write_text("[]", encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match="expected one entry per config"):
        stored_dataset_info(broken)


def test_a_malformed_class_label_is_refused_not_raised(tmp_path: Path) -> None:
    broken = tmp_path / "dataset_info.json"
    broken.write_text(dataset_info_json().replace('"names": {', '"names": {"x": "O", ', 1), encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match="class label names differ from the schema's"):
        stored_dataset_info(broken)
