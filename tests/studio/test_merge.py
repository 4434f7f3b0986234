"""The three-way decision, over every combination of sides."""

from __future__ import annotations

import pytest

from indogeoie.studio.merge import three_way


@pytest.mark.parametrize(("base", "ours", "theirs", "expected"), [
    ("a", "a", "a", "same"),
    (None, "a", "a", "same"),
    ("a", "a", "b", "theirs"),      # changed in Label Studio only
    (None, None, "b", "theirs"),    # a new document annotated in Label Studio
    ("a", "c", "a", "ours"),        # changed in git only
    ("a", None, "a", "ours"),       # removed from the gold in git
    ("a", "c", "b", "conflict"),    # changed on both sides
    (None, "c", "b", "conflict"),   # never synced, and the two differ: nobody can tell which is newer
    ("a", None, "b", "conflict"),
])
def test_three_way(base: str | None, ours: str | None, theirs: str | None, expected: str) -> None:
    assert three_way(base=base, ours=ours, theirs=theirs) == expected
