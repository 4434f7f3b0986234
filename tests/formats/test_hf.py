"""The Hugging Face configs: rows of each config from one document, ids, file names and the JSON Lines bytes."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from indogeoie.formats.hf import data_file, dataset_rows, json_lines, kb_id
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS
from indogeoie.text.tokens import tokenize

TEXT = "AS menyerang Irak.\nIran diam."
DOCUMENT = AnnotatedDocument(
    "d1", TEXT, (Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", len("AS menyerang "), len("AS menyerang Irak"),
                                                     "Irak")),
    (Event("t1", "ASSAULT", "asserted", Span("t1", "ASSAULT", 3, 12, "menyerang"),
           (Argument("Actor", "e1"), Argument("Recipient", "e2"))),))


def test_one_document_gives_a_row_per_sentence_and_one_kb_row() -> None:
    rows = dataset_rows(DOCUMENT, None, 3, tokenized=tokenize(TEXT))
    assert [r["tokens"] for r in rows["ner"]] == [["AS", "menyerang", "Irak", "."], ["Iran", "diam", "."]]
    assert [NER_TAGS[t] for t in rows["ner"][0]["ner_tags"]] == ["B-GPE", "O", "B-GPE", "O"]
    assert [TRIGGER_TAGS[t] for t in rows["events"][0]["trigger_tags"]] == ["O", "B-ASSAULT", "O", "O"]
    assert {r["fold"] for r in rows["ner"]} == {3}
    (kb,) = rows["documents"]
    assert [e["id"] for e in kb["entities"]] == [kb_id("d1", "e1"), kb_id("d1", "e2")] == ["d1-e1", "d1-e2"]
    assert kb["events"][0]["arguments"] == [{"role": "Actor", "ref_id": "d1-e1"},
                                            {"role": "Recipient", "ref_id": "d1-e2"}]


def test_data_files_are_named_after_the_fingerprint() -> None:
    assert data_file("ner", "test", "0123456789abcdef") == "data/ner/test-0123456789ab.jsonl"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@given(st.lists(st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=5), max_size=3))
def test_json_lines_are_the_bytes_of_compact_json_dumps(rows: list[dict]) -> None:
    expected = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows).encode()
    assert json_lines(rows) == expected
