from __future__ import annotations

import pytest

from indogeoie import paths, schema
from indogeoie.annotation.guidelines import render_guidelines
from indogeoie.errors import IndoGeoIEError


def test_committed_guidelines_tables_match_the_schema() -> None:
    text = paths.GUIDELINES.read_text(encoding="utf-8")
    assert render_guidelines(text) == text
    for name in (*schema.ENTITY_TYPES, *schema.EVENT_TYPES, *schema.ROLES, *schema.MODALITIES):
        assert f"| `{name}` |" in text


def test_a_changed_table_is_regenerated() -> None:
    text = paths.GUIDELINES.read_text(encoding="utf-8")
    stale = text.replace("| `PER` |", "| `PERSON` |")
    assert render_guidelines(stale) == text


def test_missing_markers_are_reported() -> None:
    with pytest.raises(IndoGeoIEError, match=r"G\.md: missing generated sections \['entity-types'"):
        render_guidelines("# no tables\n<!-- BEGIN GENERATED: roles -->\n<!-- END GENERATED: roles -->",
                          source="G.md")
