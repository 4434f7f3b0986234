"""Actor normalisation: each Actor and Recipient mention as a country code and a sector.

A mention is normalised by the first rule that covers it:

1. ``annotations/actors/overrides.tsv``: the reading in one document (``doc_id``, surface);
2. ``annotations/actors/aliases.tsv``: the reading of a surface form everywhere
   (metonyms, abbreviations, people, organisations: ``AS``, ``Gedung Putih``, ``Trump``);
3. a country's name in pycountry's ISO 3166-1 data, in Indonesian or English.

A row may say ``-`` for the country, with the reason none applies (a
transnational armed group, an actor of no state). Countries are ISO 3166-1
alpha-3 codes checked against pycountry; international bodies have the
project's own codes, listed in ``annotations/actors/igos.tsv``. Surfaces are
compared case-folded.

:func:`baseline_normaliser` is the same without the table's knowledge of
held-out mentions: for predictions on new text and the benchmark's row.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.schema import SECTORS

COUNTRY_DB = "ISO3166-1-alpha-3"
#: User-assigned codes in common use where ISO 3166-1 has none (Kosovo: used by the EU, the IMF and the World Bank).
EXTRA_CODES = {"XKX": "Kosovo"}
IGO_DB = "IndoGeoIE-IGO"
SECTOR_DB = "PLOVER-sector"
NONE = "-"


@dataclass(frozen=True)
class Normalised:
    """A mention's codes, or the reason it has none, and the rule that decided."""

    country: str | None  # ISO 3166-1 alpha-3 or an IGO code; None when no country applies
    sector: str | None
    reason: str  # why no country applies (empty when one does)
    rule: str  # "override", "alias" or "country-name"

    def kb(self) -> list[dict[str, str]]:
        """The kb schema's ``normalized`` list."""
        found = []
        if self.country is not None:
            found.append({"db_name": IGO_DB if self.country.startswith("IGO-") else COUNTRY_DB,
                          "db_id": self.country})
        if self.sector is not None:
            found.append({"db_name": SECTOR_DB, "db_id": self.sector})
        return found


@cache
def country_names() -> dict[str, str]:
    """Case-folded country names (pycountry; Indonesian and English) -> alpha-3."""
    import pycountry

    indonesian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None),
                     indonesian.gettext(country.name)):
            if name:
                names.setdefault(name.casefold(), country.alpha_3)
    return names


@cache
def _alpha3() -> frozenset[str]:
    import pycountry

    current = {c.alpha_3 for c in pycountry.countries}
    former = {c.alpha_3 for c in pycountry.historic_countries}  # ISO 3166-3, e.g. SUN for the Soviet Union
    return frozenset(current | former | set(EXTRA_CODES))


@dataclass(frozen=True)
class ActorTable:
    """The committed normalisation table."""

    aliases: dict[str, Normalised]
    overrides: dict[tuple[str, str], Normalised]
    igos: dict[str, str]  # code -> name

    def normalise(self, doc_id: str, surface: str) -> Normalised | None:
        key = surface.casefold()
        found = self.overrides.get((doc_id, key)) or self.aliases.get(key)
        if found is not None:
            return found
        code = country_names().get(key)
        return Normalised(code, None, "", "country-name") if code else None


def _rows(path: Path, header: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != header:
        raise IndoGeoIEError(Problem(f"line 1: expected the header {chr(9).join(header)!r}", str(path)))
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise IndoGeoIEError(Problem(f"line {number}: {len(cells)} columns, expected {len(header)}", str(path)))
        rows.append((number, dict(zip(header, (c.strip() for c in cells), strict=True))))
    return rows


def _entry(row: dict[str, str], igos: dict[str, str], where: str, rule: str) -> Normalised:
    country, sector, reason = row["country"], row["sector"], row["reason"]
    if country == NONE:
        if not reason:
            raise IndoGeoIEError(Problem("no country ('-') needs a reason", where))
    elif country not in _alpha3() and country not in igos:
        raise IndoGeoIEError(Problem(f"unknown code {country!r}: not an ISO 3166-1 alpha-3 code nor an IGO code "
                                     "of igos.tsv", where))
    if sector != NONE and sector not in SECTORS:
        raise IndoGeoIEError(Problem(f"unknown sector {sector!r}; expected one of {list(SECTORS)} or '-'", where))
    return Normalised(None if country == NONE else country, None if sector == NONE else sector, reason, rule)


def read_actor_table(folder: Path) -> ActorTable:
    """Read and check the table in ``folder`` (``aliases.tsv``, ``overrides.tsv``, ``igos.tsv``).

    Raises:
        IndoGeoIEError: an unknown code or sector, a duplicate key, a missing reason (file and line).
    """
    igos: dict[str, str] = {}
    for number, row in _rows(folder / "igos.tsv", ("code", "name", "description")):
        where = f"{folder / 'igos.tsv'}: line {number}"
        if not row["code"].startswith("IGO-") or row["code"] in igos:
            raise IndoGeoIEError(Problem(f"code {row['code']!r} must start with IGO- and appear once", where))
        igos[row["code"]] = row["name"]
    aliases: dict[str, Normalised] = {}
    for number, row in _rows(folder / "aliases.tsv", ("surface", "country", "sector", "reason")):
        where = f"{folder / 'aliases.tsv'}: line {number}"
        key = row["surface"].casefold()
        if key in aliases:
            raise IndoGeoIEError(Problem(f"duplicate surface {row['surface']!r}", where))
        aliases[key] = _entry(row, igos, where, "alias")
    overrides: dict[tuple[str, str], Normalised] = {}
    for number, row in _rows(folder / "overrides.tsv", ("doc_id", "surface", "country", "sector", "reason")):
        where = f"{folder / 'overrides.tsv'}: line {number}"
        pair = (row["doc_id"], row["surface"].casefold())
        if pair in overrides:
            raise IndoGeoIEError(Problem(f"duplicate override of {row['surface']!r} in doc {row['doc_id']}", where))
        overrides[pair] = _entry(row, igos, where, "override")
    return ActorTable(aliases, overrides, igos)


def baseline_normaliser(table: ActorTable, known_surfaces: set[str]) -> ActorTable:
    """The table restricted to ``known_surfaces`` (e.g. those of train), with no per-document override.

    What it does not know it tries by country name, then by a country name
    inside the mention (``Garda Revolusi Iran``).
    """
    aliases = {k: v for k, v in table.aliases.items() if k in known_surfaces}
    return _Baseline(aliases, {}, table.igos)


class _Baseline(ActorTable):
    def normalise(self, doc_id: str, surface: str) -> Normalised | None:
        found = super().normalise(doc_id, surface)
        if found is not None:
            return found
        words = surface.casefold().split()
        names = {**country_names(), **{k: v.country for k, v in self.aliases.items() if v.country}}
        for length in range(len(words), 0, -1):  # the longest country name inside the mention
            for start in range(len(words) - length + 1):
                code = names.get(" ".join(words[start:start + length]))
                if code:
                    return Normalised(code, None, "", "contained-name")
        return None


def checkout_actor_table() -> ActorTable:
    from indogeoie import paths

    return read_actor_table(paths.ACTORS)


__all__ = ["ActorTable", "Normalised", "baseline_normaliser", "checkout_actor_table", "country_names",
           "read_actor_table"]
