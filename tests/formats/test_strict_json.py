"""Tests for indogeoie.formats.strict_json: JSON without duplicate keys or NaN, and located messages for it."""

from __future__ import annotations

import pytest

from indogeoie.formats.strict_json import json_problem, loads_strict


def test_plain_json_reads_as_json() -> None:
    assert loads_strict('{"a": [1, 2.5, null, "x"], "b": {"c": true}}') == {"a": [1, 2.5, None, "x"],
                                                                            "b": {"c": True}}


@pytest.mark.parametrize(("text", "message"), [
    ('{"a": 1, "b": {"c": 1, "c": 2}}', "the key 'c' appears twice in one object"),
    ("[NaN]", "NaN is not a JSON number"),
    ("[-Infinity]", "-Infinity is not a JSON number"),
])
def test_what_python_would_accept_silently_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        loads_strict(text)


@pytest.mark.parametrize(("text", "message"), [
    ("[1,", "f.json: doc d1: invalid export at line 1 column 4 (character 3): Expecting value"),
    ('{"a": 1, "a": 1}', "f.json: doc d1: invalid export: the key 'a' appears twice in one object"),
    ("[" * 100_000 + "]" * 100_000, "f.json: doc d1: the export is nested too deeply"),
])
def test_each_error_becomes_a_located_problem(text: str, message: str) -> None:
    with pytest.raises((ValueError, RecursionError)) as caught:
        loads_strict(text)
    assert str(json_problem(caught.value, file="f.json", doc_id="d1", what="export")) == message
