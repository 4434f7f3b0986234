"""Tests for indogeoie.errors: a problem says where it is, on one line, and the error carries every problem."""

from __future__ import annotations

import pytest

from indogeoie.errors import IndoGeoIEError, Problem, one_line


@pytest.mark.parametrize(("problem", "text"), [
    (Problem("bad", "a.json", "d1", "t7", (3, 9)), "a.json: doc d1: region t7 [3:9]: bad"),
    (Problem("bad", "a.json", "d1", "t7"), "a.json: doc d1: region t7: bad"),
    (Problem("bad", "a.json", "d1", offsets=(3, 9)), "a.json: doc d1: [3:9]: bad"),
    (Problem("bad", file="a.json"), "a.json: bad"),
    (Problem("bad"), "bad"),
])
def test_a_problem_prints_the_parts_it_has(problem: Problem, text: str) -> None:
    assert str(problem) == text


def test_control_characters_are_escaped_in_every_part() -> None:
    assert one_line("a\tb\u2028c\x9b") == "a\\tb\\u2028c\\x9b"
    assert str(Problem("bad\nerror: forged", "x\r.json", region="e1\x1b")) == \
        "x\\r.json: region e1\\x1b: bad\\nerror: forged"


def test_as_dict_keeps_the_parts_raw() -> None:
    assert Problem("bad\n", "a.json", None, "e1", (0, 2)).as_dict() == {
        "file": "a.json", "doc_id": None, "region": "e1", "offsets": [0, 2], "message": "bad\n"}


def test_the_error_takes_a_message_a_problem_or_a_list() -> None:
    assert IndoGeoIEError("plain").problems == [Problem("plain")]
    assert IndoGeoIEError(Problem("one", "a.json")).problems == [Problem("one", "a.json")]
    with pytest.raises(IndoGeoIEError, match=r"^a\.json: first\nb\.json: doc d2: second$"):
        raise IndoGeoIEError([Problem("first", "a.json"), Problem("second", "b.json", "d2")])
