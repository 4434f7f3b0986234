"""Label Studio round trips against a real server (marker ``labelstudio``; make test runs them)."""

from __future__ import annotations

import copy
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from indogeoie import paths
from indogeoie import io
from indogeoie.formats.articles import read_articles
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.formats.labelstudio_tasks import import_task
from indogeoie.formats.predictions import predicted_documents
from indogeoie.records import AnnotatedDocument
from indogeoie.studio.sync import Server, client, credentials, export_json, project, pull, push, start, stop

pytestmark = pytest.mark.labelstudio


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("labelstudio")
    previous = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    for key in ("LABEL_STUDIO_USERNAME", "LABEL_STUDIO_PASSWORD", "LABEL_STUDIO_USER_TOKEN"):
        os.environ.pop(key, None)
    started = start(data_dir=data_dir, port=free_port(), log=lambda message: None)
    try:
        yield started
    finally:
        stop(data_dir=data_dir)
        if previous is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = previous


ARTICLES = {a.doc_id: a for a in read_articles(paths.ARTICLES)}
GOLD = {d.doc_id: d for d in read_export(paths.GOLD / "gold.json").documents}


def gold_documents() -> list[AnnotatedDocument]:
    return [AnnotatedDocument(d, ARTICLES[d].text, GOLD[d].entities, GOLD[d].events, import_task(ARTICLES[d])["meta"])
            for d in sorted(GOLD)]


def texts() -> dict[str, str]:
    return {d: a.text for d, a in ARTICLES.items()}


def test_server_listens_on_loopback_and_keeps_the_token_out_of_the_log(server: Server) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    token = credentials(server.data_dir).token
    assert token not in (server.data_dir / "server.log").read_text(errors="replace")
    assert not str(paths.ROOT) in str(os.environ["XDG_CONFIG_HOME"])


def test_push_gold_and_pull_it_back_identically(server: Server, tmp_path: Path) -> None:
    ls = client(server)
    first = push(ls, documents=gold_documents(), mode="gold")
    assert sorted(first.created) == sorted(GOLD) and sorted(first.annotated) == sorted(GOLD)
    second = push(ls, documents=gold_documents(), mode="gold")
    assert second.created == () and second.annotated == ()  # idempotent: matched on doc_id
    assert len(list(ls.tasks.list(project=first.project_id))) == len(GOLD)
    report = pull(export=export_json(ls, first.project_id), out_file=tmp_path / "gold.json", articles=texts())
    pulled = {d.doc_id: d for d in read_export(tmp_path / "gold.json").documents}
    assert pulled.keys() == GOLD.keys()
    for doc_id, document in GOLD.items():
        assert pulled[doc_id].entities == document.entities  # regions: ids, labels, offsets, text
        assert pulled[doc_id].events == document.events  # triggers, modality choices, relations
    assert report.backup is None


def test_push_crf_predictions_shows_them_on_the_tasks(server: Server) -> None:
    ls = client(server)
    documents = [AnnotatedDocument(d, ARTICLES[d].text, meta=import_task(ARTICLES[d])["meta"]) for d in sorted(GOLD)]
    predicted = predicted_documents(paths.RESULTS / "predictions" / "crf", texts=texts())
    report = push(ls, documents=documents, mode="predictions", model_version="crf", predictions=predicted)
    assert sorted(report.predicted) == sorted(GOLD)
    again = push(ls, documents=documents, mode="predictions", model_version="crf", predictions=predicted)
    assert again.predicted == ()
    target = project(ls)
    assert target.model_version == "crf"
    for task in ls.tasks.list(project=target.id, fields="all"):
        versions = [p["model_version"] if isinstance(p, dict) else p.model_version for p in task.predictions]
        assert versions == ["crf"]
        result = task.predictions[0]["result"] if isinstance(task.predictions[0], dict) else task.predictions[0].result
        expected = predicted[task.data["doc_id"]]
        assert sum(1 for r in result if r.get("from_name") == "entity") == len(expected.entities)


def _annotation(ls: Any, doc_id: str) -> tuple[int, list[dict[str, Any]]]:
    target = project(ls)
    task = next(t for t in ls.tasks.list(project=target.id, fields="all") if t.data["doc_id"] == doc_id)
    annotation = task.annotations[0]
    return (annotation["id"], copy.deepcopy(annotation["result"])) if isinstance(annotation, dict) else (
        annotation.id, copy.deepcopy(annotation.result))


@pytest.fixture()
def gold_copy(tmp_path: Path) -> Path:
    """A copy of the committed gold for a pull to replace."""
    out = tmp_path / "gold.json"
    out.write_bytes((paths.GOLD / "gold.json").read_bytes())
    return out


def test_one_change_through_the_api_is_exactly_the_change_pulled(server: Server, gold_copy: Path) -> None:
    ls = client(server)
    out = gold_copy
    doc_id = "004_8ad9ae01f34e4272"
    annotation_id, result = _annotation(ls, doc_id)
    region = next(r for r in result if r["id"] == "e001")
    original_label = region["value"]["labels"][0]
    region["value"]["labels"] = ["NORP"]
    ls.annotations.update(id=annotation_id, result=result)
    try:
        report = pull(export=export_json(ls, project(ls).id), out_file=out, articles=texts())
        changed = [d for d in report.diffs if d.changed]
        assert [(d.doc_id, d.added, d.removed, d.modified) for d in changed] == [(doc_id, (), (), ("e001",))]
        pulled = {d.doc_id: d for d in read_export(out).documents}
        assert pulled[doc_id].entity_by_id()["e001"].label == "NORP"
        assert [e for e in pulled[doc_id].entities if e.id != "e001"] == [
            e for e in GOLD[doc_id].entities if e.id != "e001"]
        assert report.backup is not None and report.backup.read_bytes() == (paths.GOLD / "gold.json").read_bytes()
    finally:
        region["value"]["labels"] = [original_label]
        ls.annotations.update(id=annotation_id, result=result)


def test_a_pull_that_fails_half_way_keeps_the_previous_gold(server: Server, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ls = client(server)
    out = tmp_path / "gold.json"
    previous = json.loads((paths.GOLD / "gold.json").read_text(encoding="utf-8"))
    previous[0]["annotations"][0]["result"] = previous[0]["annotations"][0]["result"][1:]  # so the pull differs
    out.write_text(json.dumps(previous))
    before = out.read_bytes()
    export = export_json(ls, project(ls).id)

    def crash(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(io.os, "fsync", crash)
    with pytest.raises(OSError, match="disk full"):
        pull(export=export, out_file=out, articles=texts())
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_pull_that_fails_validation_writes_nothing(server: Server, gold_copy: Path) -> None:
    ls = client(server)
    out = gold_copy
    doc_id = "003_956eb75497441bb7"
    annotation_id, result = _annotation(ls, doc_id)
    broken = copy.deepcopy(result)
    region = next(r for r in broken if r.get("id") == "e002")
    region["value"]["end"] += 3  # the span now ends inside the next word and its text no longer matches
    ls.annotations.update(id=annotation_id, result=broken)
    try:
        with pytest.raises(IndoGeoIEError, match=rf"doc {doc_id}: region e002 .*span text"):
            pull(export=export_json(ls, project(ls).id), out_file=out, articles=texts())
        assert out.read_bytes() == (paths.GOLD / "gold.json").read_bytes()
        assert not out.with_name("gold.json.bak").exists()
    finally:
        ls.annotations.update(id=annotation_id, result=result)
