"""The one Label Studio project of the corpus, and what the sync remembers about it.

The project is found by a stable identifier, never by its title: the id
recorded in the sync state file, checked against a marker line in the
project's description, or else the project whose description carries that
marker. A version bump therefore keeps the project and the work in it; its
title, description, labeling config and instructions are brought up to date
in place.

The sync state file (``sync.json`` in Label Studio's data directory) records
the project id and, per document, the fingerprint of its labels as last pushed
or pulled: the base of the three-way comparison in
:mod:`indogeoie.studio.pull`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indogeoie import io
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.labelstudio_config import instructions_html, labeling_config

CORPUS_MARKER = "indogeoie-corpus: indogeoie-v2"
PROJECT_TITLE = "IndoGeoIE"
SYNC_FILE = "sync.json"


@dataclass
class SyncState:
    """The project id and the per-document base fingerprints."""

    project_id: int | None = None
    bases: dict[str, str] = field(default_factory=dict)


def read_state(data_dir: Path) -> SyncState:
    """The sync state of ``data_dir`` (empty when there is none yet).

    Raises:
        IndoGeoIEError: the file exists but is not a sync state.
    """
    path = data_dir / SYNC_FILE
    if not path.exists():
        return SyncState()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise IndoGeoIEError(Problem(f"unreadable sync state ({error}); expected JSON written by indogeoie",
                                     str(path))) from None
    project_id, bases = (raw.get("project_id"), raw.get("bases")) if isinstance(raw, dict) else (None, None)
    if not (project_id is None or isinstance(project_id, int)) or not isinstance(bases, dict) \
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in bases.items()):
        raise IndoGeoIEError(Problem("expected {\"project_id\": int, \"bases\": {doc_id: fingerprint}}", str(path)))
    return SyncState(project_id, dict(bases))


def write_state(data_dir: Path, state: SyncState) -> None:
    """Save the sync state atomically."""
    record = {"project_id": state.project_id, "bases": dict(sorted(state.bases.items()))}
    io.write_text(data_dir / SYNC_FILE, json.dumps(record, indent=1) + "\n")


def _description(dataset_version: str) -> str:
    return (f"Entities and PLOVER 2.0 events in Indonesian news (IndoGeoIE dataset {dataset_version}). "
            f"Annotate by annotations/GUIDELINES.md.\n{CORPUS_MARKER}")


def _settings(dataset_version: str) -> dict[str, Any]:
    return {"title": PROJECT_TITLE, "description": _description(dataset_version), "label_config": labeling_config(),
            "expert_instruction": instructions_html(), "show_instruction": True, "show_skip_button": True}


def _ours(candidate: Any) -> bool:
    return CORPUS_MARKER in (getattr(candidate, "description", None) or "")


def corpus_project(ls: Any, state: SyncState, *, dataset_version: str) -> Any:
    """The corpus's project (created on first use), with its settings brought up to date; records its id."""
    from label_studio_sdk.core.api_error import ApiError

    found = None
    if state.project_id is not None:
        try:
            found = ls.projects.get(id=state.project_id)
        except ApiError:
            found = None
        if found is not None and not _ours(found):
            raise IndoGeoIEError(Problem(f"project {state.project_id} of the sync state is not the IndoGeoIE "
                                         f"project (its description lacks {CORPUS_MARKER!r})"))
    if found is None:
        matches = [p for p in ls.projects.list() if _ours(p)]
        if len(matches) > 1:
            raise IndoGeoIEError(Problem(f"{len(matches)} projects carry {CORPUS_MARKER!r} (ids "
                                         f"{sorted(p.id for p in matches)}); delete all but one"))
        found = matches[0] if matches else None
    settings = _settings(dataset_version)
    if found is None:
        found = ls.projects.create(**settings)
    elif any(getattr(found, key, None) != value for key, value in settings.items()):
        found = ls.projects.update(id=found.id, **settings)
    state.project_id = int(found.id)
    return found
