"""Tests for indogeoie.benchmark.event_data: actor normalisation and PLOVER record counts, and the dyad picture."""

from __future__ import annotations

import json
import struct
from pathlib import Path

from indogeoie.annotation.actors import ActorTable, Normalised
from indogeoie.benchmark.data import BenchmarkData
from indogeoie.benchmark.event_data import (
    baseline_for,
    dyad_picture,
    normalisation_counts,
    record_counts,
    record_items,
)
from indogeoie.schema import QUAD_OF


def alias(country: str) -> Normalised:
    return Normalised(country, None, "", "alias")


# On the tiny benchmark's test document d3 "Irak menyerang Iran ." the gold table codes Iran, in d3 only,
# as IRQ (an override); the baseline knows no override and codes it IRN by its country name.
GOLD_TABLE = ActorTable({"as": alias("USA"), "irak": alias("IRQ"), "iran": alias("IRN")},
                        {("d3", "iran"): Normalised("IRQ", None, "", "override")}, {})


def test_the_baseline_knows_the_train_actors_and_recipients_only(tiny_benchmark: BenchmarkData) -> None:
    baseline = baseline_for(tiny_benchmark, GOLD_TABLE)
    assert sorted(baseline.aliases) == ["as", "irak"] and baseline.overrides == {}


def test_normalisation_counts_right_codes_of_coded_mentions(tiny_benchmark: BenchmarkData) -> None:
    baseline = baseline_for(tiny_benchmark, GOLD_TABLE)
    assert normalisation_counts(tiny_benchmark, GOLD_TABLE, baseline, "test").tolist() == [[1, 2, 2]]
    assert normalisation_counts(tiny_benchmark, GOLD_TABLE, GOLD_TABLE, "test").tolist() == [[2, 2, 2]]


def test_a_record_is_the_type_and_the_two_countries(tiny_benchmark: BenchmarkData) -> None:
    baseline = baseline_for(tiny_benchmark, GOLD_TABLE)
    events = tiny_benchmark.events
    assert record_items(tiny_benchmark, events, GOLD_TABLE, "d3") == {("ASSAULT", "IRQ", "IRQ")}
    assert record_items(tiny_benchmark, events, baseline, "d3") == {("ASSAULT", "IRQ", "IRN")}
    assert record_counts(tiny_benchmark, events, GOLD_TABLE, baseline, "test").tolist() == [[0, 1, 1]]
    assert record_counts(tiny_benchmark, events, GOLD_TABLE, GOLD_TABLE, "validation").tolist() == [[1, 1, 1]]


def test_the_dyad_picture_counts_complete_records(tmp_path: Path) -> None:
    def record(event: str, actor: str, recipient: str | None, date: str) -> dict[str, object]:
        return {"event": event, "quad_code": QUAD_OF[event], "date": date, "actor": {"country": actor},
                "recipient": {"country": recipient} if recipient else None}

    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (
        record("ASSAULT", "USA", "IRQ", "2020-01-03"), record("ACCUSE", "IRQ", "USA", "2020-01-05"),
        record("AID", "USA", None, "2019-12-31"))), encoding="utf-8")
    png, numbers = dyad_picture(path)
    assert numbers == {"records": 3, "dyads": 2, "countries_shown": ["USA", "IRQ"],
                       "by_type": {"ACCUSE": 1, "AID": 1, "ASSAULT": 1}, "by_month": {"2019-12": 1, "2020-01": 2}}
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1650, 715)  # 15 x 6.5 inches at 110 dpi
