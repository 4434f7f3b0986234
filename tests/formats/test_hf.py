"""The Hugging Face configs: rows of each config from one document, ids, and the card's features entries."""

from __future__ import annotations

import json
import subprocess
import sys

from indogeoie.formats.hf import (
    CONFIGS,
    data_file,
    dataset_info_entries,
    dataset_info_entries_later,
    dataset_rows,
    kb_id,
)
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


def test_the_features_entries_computed_in_another_process_are_the_same() -> None:
    # A fresh interpreter has not loaded the datasets library, so the entries come from a forked process.
    code = ("import json, sys; from indogeoie.formats.hf import dataset_info_entries_later as later; "
            "entries = later('9.9.9'); assert 'datasets' not in sys.modules; print(json.dumps(entries()))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(output) == dataset_info_entries("9.9.9")
    assert [e["config_name"] for e in dataset_info_entries("9.9.9")] == list(CONFIGS)
    assert dataset_info_entries_later("9.9.9")() == dataset_info_entries("9.9.9")
