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


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def test_the_guidelines_and_adjudication_notes_quote_train_documents_only(corpus: dict) -> None:
    """Every quoted example occurs in a train document, or nowhere in the corpus; no note names a held-out doc."""
    import re

    from indogeoie.dataset.splits import read_splits

    splits = read_splits(paths.SPLITS)
    train = " ".join(_normal(d.text) for doc_id, d in corpus.items() if splits[doc_id].split == "train")
    held_out = {doc_id: _normal(d.text) for doc_id, d in corpus.items() if splits[doc_id].split != "train"}
    notes = [paths.GUIDELINES, *sorted(paths.AGREEMENT.glob("*/ADJUDICATION.md")),
             *sorted(paths.AGREEMENT.glob("*/decisions.tsv"))]
    leaks = []
    for note in notes:
        text = note.read_text(encoding="utf-8")
        for quoted in re.findall(r"`([^`\n]{4,})`", text):
            words = _normal(quoted.replace("...", " "))
            if any(c.isalpha() for c in words) and words not in train:
                leaks += [f"{note.name}: `{quoted}` occurs in held-out doc {d}" for d, t in held_out.items()
                          if words in t]
        leaks += [f"{note.name}: names held-out doc {d}" for d in held_out if d in text]
    assert not leaks, "\n".join(leaks[:20])
