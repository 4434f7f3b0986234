"""The round trip against a real Label Studio 1.23.2 (marker ``labelstudio``; ``make test`` runs it).

One server, the ``server`` fixture of tests/studio/conftest.py, serves every
test of tests/studio. Each test works in a project of its own (a sync state
of its own, on a few committed articles) and a gold file of its own, so that
the tests do not depend on each other's order.
"""

from __future__ import annotations

import copy
import difflib
import json
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from indogeoie import paths
from indogeoie.annotation.validate import validate_document
from indogeoie.corpus.documents import SourceDocument
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.formats.labelstudio_gold import gold_json, gold_task
from indogeoie.records import AnnotatedDocument, Span
from indogeoie.studio import project as project_module
from indogeoie.studio.project import SyncState, corpus_project
from indogeoie.studio.pull import export_json, pull
from indogeoie.studio.push import push
from indogeoie.studio.server import Server, client, credentials

pytestmark = pytest.mark.labelstudio

GOLD = {d.doc_id: d for d in read_export(paths.GOLD_JSON).documents}
DOCS = sorted(GOLD)[:4]  # the seed articles: train documents


class Desk:
    """One test's project in the shared server, its sync state and its gold file."""

    def __init__(self, server: Server, corpus: dict[str, SourceDocument], tmp_path: Path, name: str) -> None:
        self.server = server
        self.ls = client(server)
        self.corpus = corpus
        self.state = SyncState()
        marker = f"indogeoie-corpus: test-{name}"
        self._marker = pytest.MonkeyPatch()
        self._marker.setattr(project_module, "CORPUS_MARKER", marker)
        self.project_id = int(corpus_project(self.ls, self.state, dataset_version="2.0.0").id)
        self.gold_file = tmp_path / "gold.json"

    def write_gold(self, documents: list[AnnotatedDocument]) -> None:
        self.gold_file.write_text(gold_json([gold_task(d, annotator="annotator-a") for d in documents]))

    def gold(self) -> dict[str, AnnotatedDocument]:
        return {d.doc_id: d for d in read_export(self.gold_file).documents}

    def push(self, **kwargs: Any) -> Any:
        articles = [self.corpus[d] for d in DOCS]
        return push(self.ls, self.project_id, self.state, articles=articles, **kwargs)

    def pull(self, **kwargs: Any) -> Any:
        report = pull(export=export_json(self.ls, self.project_id), gold_file=self.gold_file, articles=self.corpus,
                      bases=self.state.bases, **kwargs)
        self.state.bases = report.bases
        return report

    def task(self, doc_id: str) -> Any:
        return next(t for t in self.ls.tasks.list(project=self.project_id, fields="all") if t.data["doc_id"] == doc_id)

    def annotation(self, doc_id: str) -> tuple[int, list[dict[str, Any]]]:
        annotation = self.task(doc_id).annotations[0]
        annotation = annotation if isinstance(annotation, dict) else annotation.model_dump()
        return int(annotation["id"]), copy.deepcopy(annotation["result"])

    def close(self) -> None:
        self._marker.undo()


@pytest.fixture()
def desk(request: pytest.FixtureRequest, server: Server, corpus: dict[str, SourceDocument],
         tmp_path: Path) -> Iterator[Desk]:
    made = Desk(server, corpus, tmp_path, request.node.name)
    yield made
    made.close()


def relabel(result: list[dict[str, Any]], region: str, label: str) -> None:
    next(r for r in result if r.get("id") == region and r["type"] == "labels")["value"]["labels"] = [label]


def entity_ids(document: AnnotatedDocument, count: int) -> list[str]:
    """Entities that are no event's argument and not NORP, so relabelling them NORP or ORG breaks no role rule."""
    arguments = {a.ref_id for event in document.events for a in event.arguments}
    return [e.id for e in document.entities if e.label != "NORP" and e.id not in arguments][:count]


def test_an_article_without_gold_is_offered_by_next_annotated_and_pulled(desk: Desk) -> None:
    new = DOCS[-1]
    desk.write_gold([GOLD[d] for d in DOCS if d != new])
    report = desk.push(gold=desk.gold())
    assert new in report.created and new not in report.annotated
    assert desk.task(new).annotations == []  # nothing invented
    request = urllib.request.Request(f"{desk.server.url}/api/projects/{desk.project_id}/next",
                                     headers={"Authorization": f"Token {credentials(desk.server.data_dir).token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        offered = json.loads(response.read())
    assert offered["data"]["doc_id"] == new
    before = desk.pull()
    assert (new, "no annotation yet") in before.unannotated and new not in desk.gold()
    desk.ls.annotations.create(id=offered["id"], result=desk_result(GOLD[new]), was_cancelled=False)
    report = desk.pull()
    assert [(d.doc_id, d.outcome) for d in report.documents if d.outcome != "same"] == [(new, "theirs")]
    assert desk.gold()[new].entities == GOLD[new].entities and desk.gold()[new].events == GOLD[new].events


def desk_result(document: AnnotatedDocument) -> list[dict[str, Any]]:
    return gold_task(document, annotator="x")["annotations"][0]["result"]


def test_a_version_bump_keeps_the_project_and_the_work_done_before_it(desk: Desk) -> None:
    desk.write_gold([GOLD[d] for d in DOCS])
    desk.push(gold=desk.gold())
    doc_id = DOCS[0]
    annotation_id, result = desk.annotation(doc_id)
    region = entity_ids(GOLD[doc_id], 1)[0]
    relabel(result, region, "NORP")
    desk.ls.annotations.update(id=annotation_id, result=result)
    bumped = corpus_project(desk.ls, desk.state, dataset_version="2.1.0")
    assert int(bumped.id) == desk.project_id and "2.1.0" in bumped.description
    lost = SyncState()  # the state file lost too: the project is found by its marker, not its title
    assert int(corpus_project(desk.ls, lost, dataset_version="2.1.0").id) == desk.project_id
    desk.pull()
    assert desk.gold()[doc_id].entity_by_id()[region].label == "NORP"


def test_a_gold_change_from_git_survives_a_pull_and_the_next_push_refreshes_the_task(desk: Desk) -> None:
    desk.write_gold([GOLD[d] for d in DOCS])
    desk.push(gold=desk.gold())
    doc_id = DOCS[1]
    region = entity_ids(GOLD[doc_id], 1)[0]
    changed = replace(GOLD[doc_id], entities=tuple(replace(e, label="NORP") if e.id == region else e
                                                   for e in GOLD[doc_id].entities))
    desk.write_gold([changed if d == doc_id else GOLD[d] for d in DOCS])  # a commit that arrived through git
    before = desk.gold_file.read_bytes()
    report = desk.pull()
    assert [(d.doc_id, d.outcome) for d in report.documents if d.outcome != "same"] == [(doc_id, "ours")]
    assert desk.gold_file.read_bytes() == before
    pushed = desk.push(gold=desk.gold())
    assert pushed.refreshed == [doc_id]
    _, result = desk.annotation(doc_id)
    assert next(r for r in result if r.get("id") == region)["value"]["labels"] == ["NORP"]


def test_a_conflict_is_reported_and_not_written_and_dry_run_writes_nothing(desk: Desk) -> None:
    desk.write_gold([GOLD[d] for d in DOCS])
    desk.push(gold=desk.gold())
    doc_id = DOCS[2]
    region = entity_ids(GOLD[doc_id], 1)[0]
    annotation_id, result = desk.annotation(doc_id)
    relabel(result, region, "NORP")
    desk.ls.annotations.update(id=annotation_id, result=result)
    bases = dict(desk.state.bases)
    before = desk.gold_file.read_bytes()
    dry = desk.pull(dry_run=True)
    assert [(d.doc_id, d.outcome, d.written) for d in dry.documents if d.outcome != "same"] == [
        (doc_id, "theirs", False)]
    assert desk.gold_file.read_bytes() == before and dry.bases == bases
    assert any("NORP" in line for line in dry.documents[DOCS.index(doc_id)].diff.details)
    ours = replace(GOLD[doc_id], entities=tuple(replace(e, label="ORG") if e.id == region else e
                                                for e in GOLD[doc_id].entities))
    desk.write_gold([ours if d == doc_id else GOLD[d] for d in DOCS])
    before = desk.gold_file.read_bytes()
    report = desk.pull()
    assert report.conflicts() == [doc_id] and desk.gold_file.read_bytes() == before
    desk.pull(resolve="theirs")
    assert desk.gold()[doc_id].entity_by_id()[region].label == "NORP"


def test_four_region_edits_change_only_those_regions_lines(desk: Desk) -> None:
    desk.write_gold([GOLD[d] for d in DOCS])
    desk.push(gold=desk.gold())
    edits = [(DOCS[0], r) for r in entity_ids(GOLD[DOCS[0]], 2)] + [(DOCS[3], r) for r in entity_ids(GOLD[DOCS[3]], 2)]
    for doc_id in (DOCS[0], DOCS[3]):
        annotation_id, result = desk.annotation(doc_id)
        for _, region in (e for e in edits if e[0] == doc_id):
            relabel(result, region, "NORP")
        desk.ls.annotations.update(id=annotation_id, result=result)
    before = desk.gold_file.read_text().splitlines()
    desk.pull()
    after = desk.gold_file.read_text().splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    region_lines = [line for line in changed if '"completed_by"' not in line]
    assert len(region_lines) == 8  # four lines out, four in
    assert sorted(json.loads(line[1:].strip().rstrip(","))["id"] for line in region_lines if line[0] == "+") == \
        sorted(region for _, region in edits)
    assert len(changed) - len(region_lines) == 4  # the two documents' annotator lines, out and in


def test_an_accepted_prediction_pulls_cleanly(desk: Desk) -> None:
    new = DOCS[0]
    desk.write_gold([])
    gold = GOLD[new]
    text = gold.text
    # A model's spans that break the span rules: one takes the punctuation after it, one crosses its neighbour.
    sloppy = []
    for entity in gold.entities[:6]:
        end = entity.end + 1 if entity.end < len(text) and not text[entity.end].isalnum() else entity.end
        sloppy.append(Span(entity.id, entity.label, entity.start, end, text[entity.start:end]))
    first = gold.entities[0]
    sloppy.append(Span("e999", "ORG", first.start, first.end, first.text))  # overlaps e001 exactly
    predicted = AnnotatedDocument(new, text, tuple(sloppy), gold.events[:3])
    report = desk.push(predictions={new: predicted}, model_version="sloppy-model")
    assert report.predicted == [new] and report.dropped_regions >= 1
    task = desk.task(new)
    prediction = task.predictions[0]
    result = (prediction if isinstance(prediction, dict) else prediction.model_dump())["result"]
    desk.ls.annotations.create(id=task.id, result=result, was_cancelled=False)  # what "accept" does in the UI
    pulled = desk.pull()
    assert [(d.doc_id, d.outcome) for d in pulled.documents] == [(new, "theirs")]
    document = desk.gold()[new]
    assert document.entities and not validate_document(document, file="gold", source=desk.corpus[new])
