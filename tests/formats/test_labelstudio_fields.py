"""Tests for indogeoie.formats.labelstudio_fields: which annotation of a task counts, and which strings are kept."""

from __future__ import annotations

from typing import Any

import pytest

from indogeoie.formats.labelstudio_fields import choose_annotation, control_problem, int_or, text_problem


def ids(chosen: tuple[dict[str, Any] | None, list[dict[str, Any]]]) -> tuple[object, list[object]]:
    best, others = chosen
    return (best["id"] if best else None), [a["id"] for a in others]


def test_ground_truth_wins_then_the_latest_update_then_the_highest_id() -> None:
    assert ids(choose_annotation([{"id": 1, "ground_truth": True, "updated_at": "2024-01-01"},
                                  {"id": 2, "updated_at": "2024-06-01"}])) == (1, [2])
    assert ids(choose_annotation([{"id": 3, "updated_at": "2024-06-01"}, {"id": 4, "updated_at": "2024-01-01"}])) \
        == (3, [4])
    assert ids(choose_annotation([{"id": 5}, {"id": 9}, {"id": 7}])) == (9, [5, 7])


def test_cancelled_annotations_and_non_objects_never_count() -> None:
    assert ids(choose_annotation([{"id": 1, "was_cancelled": True}, "x", {"id": 2, "was_cancelled": False}])) \
        == (2, [])
    assert choose_annotation([{"id": 1, "was_cancelled": True}]) == (None, [])


@pytest.mark.parametrize(("value", "expected"), [(7, 7), (True, -1), ("7", -1), (None, -1)])
def test_only_a_real_integer_is_an_id(value: object, expected: int) -> None:
    assert int_or(value) == expected


def test_lone_surrogates_and_control_characters_are_named_with_their_offset() -> None:
    assert text_problem("Irak\nAS") is None  # text may hold line breaks
    assert text_problem("AS\udc00") == "a lone surrogate (U+DC00) at offset 2; expected valid Unicode"
    assert control_problem("e1\x1b[31m") == "a control character (U+001B) at offset 2"
    assert control_problem("e\x7f") == "a control character (U+007F) at offset 1"
    assert control_problem("e\ud800") == "a lone surrogate (U+D800) at offset 1; expected valid Unicode"
    assert control_problem("e001") is None
