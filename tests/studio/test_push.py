"""Tests for indogeoie.studio.push against the shared Label Studio server (marker ``labelstudio``)."""

from __future__ import annotations

from typing import Any

import pytest

from indogeoie import paths
from indogeoie.corpus.documents import SourceDocument
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.records import labels_fingerprint
from indogeoie.studio import project as project_module
from indogeoie.studio.project import SyncState, corpus_project
from indogeoie.studio.push import push
from indogeoie.studio.server import Server, client

pytestmark = pytest.mark.labelstudio

GOLD = {d.doc_id: d for d in read_export(paths.GOLD_JSON).documents}
DOCS = sorted(GOLD)[:2]


def _dict(item: Any) -> dict[str, Any]:
    return item if isinstance(item, dict) else item.model_dump()


# Pushes that change the gold and pull it back are in test_roundtrip.py.
def test_a_second_push_duplicates_nothing_and_a_model_version_is_added_once(
        server: Server, corpus: dict[str, SourceDocument], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_module, "CORPUS_MARKER", "indogeoie-corpus: test-push-module")
    ls = client(server)
    state = SyncState()
    project_id = int(corpus_project(ls, state, dataset_version="2.0.0").id)
    articles = [corpus[d] for d in DOCS]
    gold = {d: GOLD[d] for d in DOCS}
    first = push(ls, project_id, state, articles=articles, gold=gold)
    assert (first.created, first.already_there, first.annotated) == (DOCS, [], DOCS)
    assert state.bases == {d: labels_fingerprint(GOLD[d]) for d in DOCS}
    predicted = {DOCS[0]: GOLD[DOCS[0]]}
    second = push(ls, project_id, state, articles=articles, gold=gold, predictions=predicted,
                  model_version="gold-as-model")
    assert (second.created, second.already_there, second.annotated, second.refreshed, second.left_for_pull,
            second.conflicts) == ([], DOCS, [], [], [], [])
    assert second.predicted == [DOCS[0]] and second.dropped_regions == 0  # the gold keeps the span rules
    third = push(ls, project_id, state, articles=articles, predictions=predicted, model_version="gold-as-model")
    assert third.predicted == []
    tasks = {t.data["doc_id"]: t for t in ls.tasks.list(project=project_id, fields="all")}
    assert sorted(tasks) == DOCS
    assert [len(tasks[d].annotations) for d in DOCS] == [1, 1]
    assert [_dict(p)["model_version"] for p in tasks[DOCS[0]].predictions] == ["gold-as-model"]
    assert tasks[DOCS[1]].predictions == []
