"""The sync state file: written whole, read strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from indogeoie.errors import IndoGeoIEError
from indogeoie.studio.project import SYNC_FILE, SyncState, read_state, write_state


def test_the_state_round_trips_and_starts_empty(tmp_path: Path) -> None:
    assert read_state(tmp_path) == SyncState()
    write_state(tmp_path, SyncState(7, {"b": "2", "a": "1"}))
    assert read_state(tmp_path) == SyncState(7, {"a": "1", "b": "2"})


@pytest.mark.parametrize(("content", "message"), [
    ('{"project_id": 7, "bases": ', "unreadable sync state"),
    ('{"project_id": "7", "bases": {}}', "expected"),
    ('{"project_id": 7, "bases": {"a": 1}}', "expected"),
    ("[]", "expected"),
])
def test_a_broken_state_is_located(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / SYNC_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match=rf"{SYNC_FILE}: {message}"):
        read_state(tmp_path)
