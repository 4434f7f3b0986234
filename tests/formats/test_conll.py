"""Tests for indogeoie.formats.conll: CoNLL-2003-style files written from rows and read back against the split."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.conll import conll_to_sentences, read_conll, rows_to_conll
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS

GPE = NER_TAGS.index("B-GPE")
ROWS: list[dict[str, Any]] = [
    {"doc_id": "d1", "tokens": ["AS", "menyerang"], "ner_tags": [GPE, 0], "trigger_tags": [0, 1]},
    {"doc_id": "d1", "tokens": ["Irak"], "ner_tags": [GPE], "trigger_tags": [0]},
    {"doc_id": "d2", "tokens": ["Iran"], "ner_tags": [GPE], "trigger_tags": [0]}]
CONLL = textwrap.dedent("""\
    -DOCSTART- -X- -X- O

    AS -X- _ B-GPE
    menyerang -X- _ O

    Irak -X- _ B-GPE

    -DOCSTART- -X- -X- O

    Iran -X- _ B-GPE

    """)
SENTENCES = [("s1", "d1", ["AS", "menyerang"]), ("s2", "d1", ["Irak"]), ("s3", "d2", ["Iran"])]


def test_rows_become_four_columns_with_a_docstart_per_document() -> None:
    assert rows_to_conll(ROWS, config="ner") == CONLL
    assert rows_to_conll(ROWS[:1], config="events").split("\n")[2:4] == ["AS -X- _ O",
                                                                        f"menyerang -X- _ {TRIGGER_TAGS[1]}"]
    assert rows_to_conll([], config="ner") == ""


def test_the_text_reads_back_into_sentences() -> None:
    assert conll_to_sentences(CONLL) == [(["AS", "menyerang"], ["B-GPE", "O"]), (["Irak"], ["B-GPE"]),
                                         (["Iran"], ["B-GPE"])]


def test_a_file_of_names_or_of_ids_with_any_line_ends_is_read(tmp_path: Path) -> None:
    path = tmp_path / "p.conll"
    path.write_text(CONLL, encoding="utf-8")
    expected = {"s1": ["B-GPE", "O"], "s2": ["B-GPE"], "s3": ["B-GPE"]}
    assert read_conll(path, sentences=SENTENCES, names=NER_TAGS) == expected
    ids = CONLL.replace("AS -X- _ B-GPE\nmenyerang -X- _ O", f"AS -X- _ {GPE}\nmenyerang -X- _ 0")
    path.write_bytes(ids.replace("\n", "\r\n").encode("utf-8"))
    assert read_conll(path, sentences=SENTENCES, names=NER_TAGS) == expected


def test_each_bad_sentence_is_located(tmp_path: Path) -> None:
    path = tmp_path / "p.conll"
    path.write_text(CONLL.replace("menyerang -X- _ O", "menyerbu -X- _ O").replace("Irak -X- _ B-GPE",
                    "Irak -X- _ B-CITY").replace("Iran -X- _ B-GPE", "Iran -X- _ 99"), encoding="utf-8")
    with pytest.raises(IndoGeoIEError) as caught:
        read_conll(path, sentences=SENTENCES, names=NER_TAGS)
    assert [p.message for p in caught.value.problems] == [
        "line 3: sentence s1: token 1 is 'menyerbu', the dataset has 'menyerang'",
        "line 6: sentence s2: unknown tag 'B-CITY'",
        f"line 10: sentence s3: tag id out of range 0..{len(NER_TAGS) - 1}"]


def test_missing_docstarts_and_sentences_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "p.conll"
    path.write_text(CONLL.replace("-DOCSTART- -X- -X- O\n\nIran", "Iran").replace("\nIrak -X- _ B-GPE\n", ""),
                    encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match=rf"^{re.escape(str(path))}: 1 -DOCSTART- lines for the split's 2 "
                                             r"documents\n") as caught:
        read_conll(path, sentences=SENTENCES, names=NER_TAGS)
    assert [p.message for p in caught.value.problems][1:] == [
        "2 sentences for the split's 3; a blank line ends each sentence, in the order of `indogeoie export conll`",
        "line 6: sentence s2: token 0 is 'Iran', the dataset has 'Irak'"]


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.conll"
    path.write_bytes(b"AS -X- _ O\xff\n")
    with pytest.raises(IndoGeoIEError, match=r"p\.conll: not UTF-8: byte offset 10$"):
        read_conll(path, sentences=SENTENCES, names=NER_TAGS)
