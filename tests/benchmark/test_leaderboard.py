"""Tests for indogeoie.benchmark.leaderboard: results/LEADERBOARD.md from two small result rows."""

from __future__ import annotations

from typing import Any

from indogeoie.benchmark.leaderboard import leaderboard_markdown, main_table
from indogeoie.dataset.release import DATASET_VERSION
from indogeoie.schema import SCHEMA_VERSION


def metric(value: float, low: float, high: float) -> dict[str, Any]:
    return {"value": value, "ci95": [low, high]}


def rows() -> list[dict[str, Any]]:
    entities = {"GPE": {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "gold": 1, "predicted": 2}}
    tagger = {"system": "tagger-a", "seeds": [13, 14, 15], "command": "indogeoie benchmark --models tagger-a",
              "settings": {"features": ["word"], "selected_on_validation": {"C=0.1": 0.5, "chosen": 0.1}},
              "provenance": {"bootstrap": {"replicates": 10000}},
              "seed_scores": {"ent_strict": {"mean": 0.5, "sd": 0.01}},
              "compared_with_next": {"test": {"ent_strict": {"significant": True}, "trig_c": {"significant": False}}},
              "reports": {split: {"metrics": {"ent_strict": metric(0.5, 0.4, 0.6), "trig_c": metric(0.25, 0.2, 0.3)},
                                  "per_type": {"entities": entities, "triggers": {}, "roles": {}}}
                          for split in ("test", "validation")}}
    rules = {"system": "rules", "seeds": [13], "command": "indogeoie benchmark", "settings": {"window": 3},
             "reports": {split: {"metrics": {"ent_strict": metric(0.3, 0.2, 0.4)}, "per_type": {}}
                         for split in ("test", "validation")}}
    return [tagger, rules]


def test_a_cell_is_the_score_its_interval_and_the_mark_against_the_row_below() -> None:
    assert main_table(rows(), "test")[2:] == [
        "| tagger-a | 0.500 * <sub>0.400–0.600</sub> | – | – | 0.250 <sub>0.200–0.300</sub> | – | – | – | – | – | – |",
        "| rules | 0.300 <sub>0.200–0.400</sub> | – | – | – | – | – | – | – | – | – |"]
    assert main_table(rows(), "validation")[2] == (  # the comparison is on test only
        "| tagger-a | 0.500 <sub>0.400–0.600</sub> | – | – | 0.250 <sub>0.200–0.300</sub> | – | – | – | – | – | – |")


def test_the_page_names_the_versions_the_seeds_the_settings_and_what_was_not_run() -> None:
    page = leaderboard_markdown(rows(), {"transformer": "no GPU"}).split("\n")
    assert f"IndoGeoIE {DATASET_VERSION} (schema {SCHEMA_VERSION})." in page[2]
    assert "(10000 replicates)" in page[4]
    assert "* tagger-a (seeds [13, 14, 15]): Entities F1 (strict) 0.500 ± 0.010" in page
    assert "| tagger-a | 13, 14, 15 | chosen on validation: chosen 0.1 | `indogeoie benchmark --models tagger-a` |" \
        in page
    assert "| rules | 13 | window=3 | `indogeoie benchmark` |" in page
    assert "| transformer | – | not run: no GPU | `indogeoie benchmark --models transformer` |" in page


def test_the_per_type_tables_are_those_of_the_best_entity_tagger() -> None:
    page = leaderboard_markdown(rows(), {})
    assert "## Per type: tagger-a (test)" in page
    assert "| GPE | 0.500 | 1.000 | 0.667 | 1 | 2 |" in page
    assert page.endswith("Plot: `results/metrics.png` (every metric of every system, with its interval).\n")
