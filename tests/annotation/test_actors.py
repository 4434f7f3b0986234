"""The actor table: reading it strictly, and the order of the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from indogeoie import paths
from indogeoie.annotation.actors import baseline_normaliser, checkout_actor_table, read_actor_table
from indogeoie.errors import IndoGeoIEError


def table(tmp_path: Path, aliases: str = "", overrides: str = "", igos: str = "") -> Path:
    (tmp_path / "aliases.tsv").write_text("surface\tcountry\tsector\treason\n" + aliases, encoding="utf-8")
    (tmp_path / "overrides.tsv").write_text("doc_id\tsurface\tcountry\tsector\treason\n" + overrides, encoding="utf-8")
    (tmp_path / "igos.tsv").write_text("code\tname\tdescription\n" + igos, encoding="utf-8")
    return tmp_path


def test_rules_apply_in_order_override_alias_country_name(tmp_path: Path) -> None:
    actors = read_actor_table(table(tmp_path, "georgia\tGEO\t-\t\nas\tUSA\t-\t\npbb\tIGO-UN\tIGO\t\n",
                                    "d2\tGeorgia\tUSA\t-\t\n", "IGO-UN\tPBB\tthe United Nations\n"))
    assert actors.normalise("d1", "Georgia").country == "GEO"
    assert actors.normalise("d2", "georgia").country == "USA"  # the override, case-folded
    assert actors.normalise("d1", "Amerika Serikat").rule == "country-name"  # pycountry's Indonesian name
    assert actors.normalise("d1", "PBB").kb() == [{"db_name": "IndoGeoIE-IGO", "db_id": "IGO-UN"},
                                                   {"db_name": "PLOVER-sector", "db_id": "IGO"}]
    assert actors.normalise("d1", "Garda Revolusi") is None


def test_no_country_is_recorded_with_its_reason(tmp_path: Path) -> None:
    actors = read_actor_table(table(tmp_path, "isis\t-\tREB\ta transnational armed group\n"))
    found = actors.normalise("d", "ISIS")
    assert found is not None and found.country is None and found.sector == "REB" and found.reason
    assert found.kb() == [{"db_name": "PLOVER-sector", "db_id": "REB"}]


@pytest.mark.parametrize(("aliases", "igos", "message"), [
    ("as\tUSX\t-\t\n", "", r"aliases\.tsv: line 2: unknown code 'USX'"),
    ("as\tUSA\t-\t\nAS\tUSA\t-\t\n", "", r"aliases\.tsv: line 3: duplicate surface 'AS'"),
    ("isis\t-\tREB\t\n", "", r"aliases\.tsv: line 2: no country \('-'\) needs a reason"),
    ("as\tUSA\tARMY\t\n", "", r"aliases\.tsv: line 2: unknown sector 'ARMY'"),
    ("as\tUSA\t-\n", "", r"aliases\.tsv: line 2: 3 columns, expected 4"),
    ("", "UN\tPBB\tx\n", r"igos\.tsv: line 2: code 'UN' must start with IGO-"),
])
def test_a_bad_row_stops_with_file_and_line(tmp_path: Path, aliases: str, igos: str, message: str) -> None:
    with pytest.raises(IndoGeoIEError, match=message):
        read_actor_table(table(tmp_path, aliases, igos=igos))


def test_the_baseline_knows_only_the_surfaces_it_is_given_and_finds_names_inside(tmp_path: Path) -> None:
    actors = read_actor_table(table(tmp_path, "teheran\tIRN\t-\t\nkorut\tPRK\t-\t\n"))
    baseline = baseline_normaliser(actors, {"teheran"})
    assert baseline.normalise("d", "Teheran").country == "IRN"
    assert baseline.normalise("d", "Korut") is None  # not given: unknown to the baseline
    assert baseline.normalise("d", "Garda Revolusi Iran").country == "IRN"  # a country name inside
    assert baseline.normalise("d", "Garda Revolusi Iran").rule == "contained-name"


def test_the_committed_table_reads_and_covers_every_gold_actor_and_recipient() -> None:
    from indogeoie.annotation.audit import checkout_audit

    assert checkout_actor_table().aliases
    report = checkout_audit()
    assert not [f for f in report.open if f.check == "actor-code"], "run `indogeoie audit`"
    assert paths.ACTORS.joinpath("igos.tsv").exists()
