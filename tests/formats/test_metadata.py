"""Metadata records: every wrong type, impossible date, NaN and duplicate key is refused and located."""

from __future__ import annotations

import json

import pytest

from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.metadata import is_calendar_date, load_metadata_text, parse_meta

GOOD = {"doc_id": "d1", "sha256": "ab", "source": "seed", "licence": "CC-BY-4.0"}


def test_a_minimal_record_is_read_with_unknowns_null() -> None:
    meta = parse_meta(GOOD, file="m.json", doc_id="d1")
    assert meta.outlet is None and meta.published is None and meta.provenance is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"published": "2021-13-45"}, r"published '2021-13-45' is not a calendar date"),
        ({"published": ["2020", "~"]}, r"published must be str or null, not list \['2020', '~'\]"),
        ({"published": 2021}, r"published must be str or null, not int 2021"),
        ({"published_inferred": "yes"}, r"published_inferred must be bool, not str 'yes'"),
        ({"published_inferred": True}, r"an inferred date needs published_reason"),
        ({"source": "blog"}, r"source 'blog'; expected one of \['seed', 'indosum'\]"),
        ({"colour": "blue"}, r"unknown metadata key 'colour'"),
        ({"doc_id": "d2"}, r"doc_id 'd2' differs from its key"),
        ({"provenance": {"line": float("nan")}}, r"NaN or infinity in metadata"),
    ],
)
def test_bad_records_are_located(change: dict[str, object], message: str) -> None:
    with pytest.raises(IndoGeoIEError, match=r"m\.json: doc d1: " + message):
        parse_meta({**GOOD, **change}, file="m.json", doc_id="d1")


def test_a_missing_field_is_named() -> None:
    with pytest.raises(IndoGeoIEError, match=r"missing metadata key 'licence'"):
        parse_meta({k: v for k, v in GOOD.items() if k != "licence"}, file="m.json", doc_id="d1")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"d1": {"doc_id": "d1", "doc_id": "d1"}}', r"invalid metadata JSON: the key 'doc_id' appears twice"),
        ('{"d1": NaN}', r"invalid metadata JSON: NaN is not a JSON number"),
        ("[" * 50_000 + "]" * 50_000, r"the metadata JSON is nested too deeply"),
        ('{"d1": ', r"invalid metadata JSON at line 1 column 8 \(character 7\)"),
        ("[]", r"metadata must be a JSON object keyed by doc_id"),
    ],
)
def test_bad_metadata_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(IndoGeoIEError, match=r"m\.json: " + message):
        load_metadata_text(text, file="m.json")


def test_records_round_trip_in_field_order() -> None:
    metas = load_metadata_text(json.dumps({"d1": GOOD}), file="m.json")
    assert list(json.loads(json.dumps({"d1": GOOD}))["d1"]) == list(GOOD)
    assert metas["d1"].licence == "CC-BY-4.0"


@pytest.mark.parametrize(("value", "ok"), [("2024-02-29", True), ("2023-02-29", False), ("2021-07", True),
                                           ("2021-07-14T07:31+07:00", True), ("2021-07-14T25:00", False),
                                           ("14/7/2021", False)])
def test_calendar_dates(value: str, ok: bool) -> None:
    assert is_calendar_date(value) is ok
