"""Tests for indogeoie.formats.predictions: sentence-level prediction files, read strictly, every problem located."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.predictions import (
    MAX_PROBLEMS,
    Problems,
    is_document_level,
    json_lines,
    read_tag_predictions,
    tag_rows,
)
from indogeoie.schema import NER_TAGS

GOLD = {"s1": ["O", "B-GPE"], "s2": ["O"]}


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "p.jsonl"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_lines_are_read_strictly_and_blank_lines_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, b'\xef\xbb\xbf{"id": "s1"}\n\n{"id": \n\xff\n[1]\n{"a": NaN}\n')
    found = [(number, row, problem.message if problem else None) for number, row, problem in json_lines(path)]
    assert found == [
        (1, None, "line 1: starts with a UTF-8 byte-order mark; expected plain UTF-8 JSON Lines"),
        (3, None, "line 3: invalid JSON: Expecting value at column 1"),
        (4, None, "line 4: not UTF-8 (byte 0 of the line)"),
        (5, [1], None),
        (6, None, "line 6: invalid JSON: NaN is not a JSON number")]


def test_tags_may_be_names_or_the_dataset_s_integer_ids(tmp_path: Path) -> None:
    path = write(tmp_path, '{"id": "s1", "tags": [0, 7]}\n{"id": "s2", "ner_tags": ["O"]}\n')
    assert read_tag_predictions(path, config="ner", gold=GOLD) == {"s1": ["O", "B-GPE"], "s2": ["O"]}


def test_every_bad_line_is_listed_with_its_line_and_example(tmp_path: Path) -> None:
    path = write(tmp_path, "\n".join(json.dumps(row) for row in [
        {"id": "s1", "tags": ["O", "B-CITY"]},
        {"id": "s9", "tags": []},
        {"id": "s2", "tags": ["O", "O"]},
        {"entities": []},
        {"id": "s1", "tags": ["O"], "ner_tags": ["O"]},
        {"id": "s2", "tags": [0, 99]},
        {"tags": ["O"]},
    ]) + "\n")
    with pytest.raises(IndoGeoIEError, match=rf"^{re.escape(str(path))}: line 1: example 's1': token 1: unknown tag "
                                             r"'B-CITY'; allowed: O, B-/I- with one of the ner types\n") as caught:
        read_tag_predictions(path, config="ner", gold=GOLD)
    assert [p.message for p in caught.value.problems][1:] == [
        "line 2: example 's9': unknown id; not an example of this split",
        "line 3: example 's2': 2 tags for 1 tokens (gold=1, pred=2)",
        "line 4: a document-level row (it has 'entities' or 'events'); this file mixes the two levels",
        "line 5: example 's1': expected exactly one of ['tags', 'ner_tags'], found ['tags', 'ner_tags']",
        f"line 6: example 's2': token 1: tag id 99 is not one of 0..{len(NER_TAGS) - 1}",
        "line 7: missing 'id' (a string example id)"]


def test_trigger_tags_belong_to_the_events_config(tmp_path: Path) -> None:
    path = write(tmp_path, '{"id": "s1", "trigger_tags": ["O", "B-AID"]}\n')
    with pytest.raises(IndoGeoIEError, match=r"line 1: example 's1': expected exactly one of \['tags', 'ner_tags'\], "
                                             r"found \[\]"):
        read_tag_predictions(path, config="ner", gold=GOLD)
    assert read_tag_predictions(path, config="events", gold={"s1": ["O", "O"]}) == {"s1": ["O", "B-AID"]}


def test_a_missing_example_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, '{"id": "s1", "tags": ["O", "O"]}\n')
    with pytest.raises(IndoGeoIEError, match=r"p\.jsonl: 1 example\(s\) of the split have no prediction: s2$"):
        read_tag_predictions(path, config="ner", gold=GOLD)


def test_problems_beyond_the_limit_are_counted_not_listed() -> None:
    problems = Problems()
    for number in range(MAX_PROBLEMS + 2):
        problems.add(Problem(f"line {number}: bad", "p.jsonl"))
    with pytest.raises(IndoGeoIEError) as caught:
        problems.raise_if_any("p.jsonl")
    assert len(caught.value.problems) == MAX_PROBLEMS + 1
    assert str(caught.value.problems[-1]) == f"p.jsonl: ... and 2 more problems (only the first {MAX_PROBLEMS} " \
                                              "are listed)"


def test_the_level_of_a_row_and_the_benchmark_s_rows() -> None:
    assert is_document_level({"doc_id": "d1", "events": []}) and not is_document_level({"entities": [], "tags": []})
    assert not is_document_level(["entities"])
    assert tag_rows(["s1"], ["d1"], [["O"]], [["B-AID"]]) == (
        '{"id": "s1", "doc_id": "d1", "ner_tags": ["O"], "trigger_tags": ["B-AID"]}\n')
