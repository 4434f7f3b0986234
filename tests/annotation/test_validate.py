"""The validator: the gold passes, and each broken export fails with a located message."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from indogeoie import paths
from indogeoie.annotation.validate import validate
from indogeoie.corpus.documents import SourceDocument
from indogeoie.formats.metadata import DocumentMeta

TEXT = "Iran menyerang Irak pada 2020. AS  membantah."
#       0    5         15   20   25


def region(rid: str, control: str, start: int, end: int, label: str) -> dict[str, Any]:
    return {"id": rid, "type": "labels", "from_name": control, "to_name": "text",
            "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}}


def modality(rid: str, start: int, end: int, choice: str = "asserted") -> dict[str, Any]:
    return {"id": rid, "type": "choices", "from_name": "modality", "to_name": "text",
            "value": {"start": start, "end": end, "text": TEXT[start:end], "choices": [choice]}}


def relation(from_id: str, to_id: str, role: str) -> dict[str, Any]:
    return {"type": "relation", "from_id": from_id, "to_id": to_id, "direction": "right", "labels": [role]}


def valid_task(doc_id: str = "d1") -> dict[str, Any]:
    start_trigger = len("Iran ")
    return {"data": {"text": TEXT, "doc_id": doc_id}, "annotations": [{"id": 1, "result": [
        region("e1", "entity", 0, 4, "GPE"),
        region("t1", "trigger", start_trigger, start_trigger + len("menyerang"), "ASSAULT"),
        modality("t1", start_trigger, start_trigger + len("menyerang")),
        region("e2", "entity", len("Iran menyerang "), len("Iran menyerang Irak"), "GPE"),
        region("e3", "entity", len("Iran menyerang Irak pada "), len("Iran menyerang Irak pada 2020"), "DATE"),
        relation("t1", "e1", "Actor"),
        relation("t1", "e2", "Recipient"),
        relation("t1", "e3", "Time"),
    ]}]}


def result_of(task: dict[str, Any]) -> list[dict[str, Any]]:
    return task["annotations"][0]["result"]


def corpus_of(texts: dict[str, str]) -> dict[str, SourceDocument]:
    return {d: SourceDocument(DocumentMeta(d, "0" * 64, "seed", "x"), text) for d, text in texts.items()}


def run(tmp_path: Path, tasks: object, articles: dict[str, str] | None = None) -> list[str]:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    report = validate(paths=[path], corpus=corpus_of(articles) if articles is not None else None)
    return [str(p) for p in report.problems]


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    assert run(tmp_path, [valid_task()], {"d1": TEXT}) == []


def _set(index: int, key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(task: dict[str, Any]) -> None:
        result_of(task)[index]["value"][key] = value
    return change


def _append(item: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    return lambda task: result_of(task).append(item)


def _item(index: int, key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(task: dict[str, Any]) -> None:
        result_of(task)[index][key] = value
    return change


BROKEN = {
    "offsets out of range": (
        lambda t: result_of(t)[3]["value"].update(end=999),
        r"export\.json: doc d1: region e2 \[15:999\]: offsets out of range: the text has 45 characters"),
    "span text mismatch": (
        _set(0, "text", "Irak"),
        r"doc d1: region e1 \[0:4\]: span text 'Irak' differs from the text at these offsets 'Iran'"),
    "whitespace at an edge": (
        lambda t: result_of(t).__setitem__(0, region("e1", "entity", 0, 5, "GPE")),
        r"region e1 \[0:5\]: span 'Iran ' ends with whitespace"),
    "punctuation at an edge": (
        _append(region("e9", "entity", len("Iran menyerang Irak pada "), len("Iran menyerang Irak pada 2020."), "DATE")),
        r"region e9 \[25:30\]: span '2020\.' ends with punctuation '\.'"),
    "not on token boundaries": (
        lambda t: result_of(t).__setitem__(0, region("e1", "entity", 0, 3, "GPE")),
        r"region e1 \[0:3\]: span 'Ira' does not end on a token boundary \(tokens here: Iran \| menyerang"),
    "overlapping entity spans": (
        _append(region("e9", "entity", len("Iran menyerang "), len("Iran menyerang Irak pada 2020"), "EVENT")),
        r"region e9 \[15:29\]: entity span 'Irak pada 2020' overlaps entity span e2 \[15:19\] 'Irak'"),
    "unknown from_name": (
        _item(0, "from_name", "ner"),
        r"region e1: unknown from_name 'ner' for a labels region; expected \['entity', 'trigger'\]"),
    "unknown label": (
        _set(0, "labels", ["COUNTRY"]),
        r"region e1 \[0:4\]: unknown entity label 'COUNTRY' on 'Iran'; expected one of \['PER'"),
    "unknown role": (
        _item(-1, "labels", ["Victim"]),
        r"region t1->e3: relation role \['Victim'\] is not one role of \['Actor', 'Recipient'"),
    "unknown modality": (
        lambda t: result_of(t)[2]["value"].update(choices=["probable"]),
        r"region t1: unknown modality \['probable'\]; expected one of \['asserted', 'negated'"),
    "relation end missing": (
        _append(relation("t1", "e404", "Location")),
        r"region t1->e404: relation end \['e404'\] is missing from this annotation"),
    "relation not trigger to entity": (
        _append(relation("e1", "e2", "Actor")),
        r"region e1->e2: relation must go from a trigger to an entity, not entity 'Iran' to entity 'Irak'"),
    "relation drawn the wrong way round": (
        _append(relation("e2", "t1", "Location")),
        r"region e2->t1 \[5:14\]: relation Location is drawn from entity 'Irak' to trigger 'menyerang'; draw it "
        r"from the trigger to the entity"),
    "relation with an unknown direction": (
        lambda t: result_of(t)[-1].update(direction="up"),
        r"region t1->e3: relation direction 'up'; expected one of \['right', 'left', 'bi'\]"),
    "a label that is a list": (
        _set(0, "labels", [["GPE"]]),
        r"region e1 \[0:4\]: unknown entity label \['GPE'\] on 'Iran'"),
    "a from_name that is an object": (
        _item(0, "from_name", {"entity": 1}),
        r"region e1: unknown from_name \{'entity': 1\} for a labels region"),
    "a role that is a list": (
        _item(-1, "labels", [["Time"]]),
        r"region t1->e3: relation role \[\['Time'\]\] is not one role of"),
    "a region without an id": (
        lambda t: result_of(t)[0].pop("id"),
        r"doc d1: a labels item needs a non-empty string id, not None"),
    "a relation without ends": (
        lambda t: result_of(t)[-1].pop("from_id"),
        r"doc d1: a relation needs string from_id and to_id, not None and 'e3'"),
    "a region id with a newline": (
        _item(0, "id", "e1\nerror: forged"),
        r"region id 'e1\\nerror: forged' has a control character \(U\+000A\)"),
    "trigger without an event type": (
        _set(1, "labels", []),
        r"region t1 \[5:14\]: trigger without an event type 'menyerang'; expected one of \['AGREE'"),
    "trigger without a modality": (
        lambda t: result_of(t).pop(2),
        r"region t1 \[5:14\]: trigger 'menyerang' has no modality; expected one of \['asserted'"),
    "duplicate region id": (
        _append(region("e1", "entity", len("Iran menyerang Irak pada 2020. "),
                       len("Iran menyerang Irak pada 2020. AS"), "GPE")),
        r"doc d1: region e1: duplicate region id"),
    "role filled by the wrong entity type": (
        lambda t: result_of(t).__setitem__(7, relation("t1", "e3", "Location")),
        r"region t1->e3: Location of ASSAULT 'menyerang' is DATE '2020'; a Location must be one of "
        r"\['GPE', 'LOC', 'FAC'\]"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_export_gives_a_located_message(tmp_path: Path, case: str) -> None:
    change, message = BROKEN[case]
    task = copy.deepcopy(valid_task())
    change(task)
    problems = run(tmp_path, [task], {"d1": TEXT})
    assert problems, case
    assert any(__import__("re").search(message, p) for p in problems), problems


def test_duplicate_doc_id(tmp_path: Path) -> None:
    problems = run(tmp_path, [valid_task(), valid_task()], {"d1": TEXT})
    assert problems == [f"{tmp_path / 'export.json'}: doc d1: duplicate doc_id (also task #0)"]


def test_text_that_differs_from_the_corpus(tmp_path: Path) -> None:
    problems = run(tmp_path, [valid_task()], {"d1": TEXT.replace("AS", "US")})
    assert problems == [f"{tmp_path / 'export.json'}: doc d1: [31:31]: data.text differs from the corpus text of "
                        "this doc_id at offset 31: 'AS  membantah.' where the corpus has 'US  membantah.'"]


def test_unknown_doc_id(tmp_path: Path) -> None:
    problems = run(tmp_path, [valid_task("d9")], {"d1": TEXT})
    assert problems == [f"{tmp_path / 'export.json'}: doc d9: no document with this doc_id in the corpus"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t["annotations"][0].pop("result"), r"annotation id 1 has no 'result'"),
        (lambda t: t["annotations"][0].update(ground_truth="false"),
         r"annotation id 1: ground_truth must be true or false, not 'false'"),
        (lambda t: t["data"].update(doc_id="d1\x1b[31m"), r"data\.doc_id 'd1\\x1b\[31m' has a control character"),
        (lambda t: t["data"].update(text=TEXT + "\ud800"), r"data\.text has a lone surrogate \(U\+D800\) at offset 45"),
        (lambda t: t.update(meta={"published": ["2020", "~"]}), r"meta: published must be str or null, not list"),
        (lambda t: t.update(meta={"published": "2021-13-45"}), r"meta: published '2021-13-45' is not a calendar date"),
        (lambda t: t.update(meta={"sentences": [[0, "x"]]}), r"meta\.sentences must be a list of \[start, end\]"),
    ],
)
def test_hostile_tasks_are_rejected_with_a_located_message(tmp_path: Path, change: Callable[[dict[str, Any]], None],
                                                           message: str) -> None:
    task = copy.deepcopy(valid_task())
    change(task)
    problems = run(tmp_path, [task])
    assert any(__import__("re").search(message, p) for p in problems), problems


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"data": ', r"export\.json: invalid JSON at line 1 column 11 \(character 10\)"),
        ('[' + '\x00' * 70_000, r"export\.json: invalid JSON at line 1 column 2 \(character 1\)"),
        (' ' * 200 + '[]', None),
        ('[{"data": {"doc_id": "d1", "doc_id": "d2", "text": "x"}}]',
         r"export\.json: invalid JSON: the key 'doc_id' appears twice in one object"),
        ('[' * 50_000 + ']' * 50_000, r"export\.json: the JSON is nested too deeply to be an export"),
        ('[NaN]', r"export\.json: invalid JSON: NaN is not a JSON number"),
        ('{"data": {}}', r"export\.json: an export must be a JSON list of tasks, not an object"),
        ('', r"export\.json: the file is empty; expected a JSON list of tasks"),
        ('[{"annotations": []}]', r"doc \(task #0\): missing key 'data'"),
        ('[{"data": {"doc_id": "d1", "text": null}}]', r"doc d1: data.text must be a string, not null"),
    ],
)
def test_malformed_files(tmp_path: Path, content: str, message: str | None) -> None:
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    problems = [str(p) for p in validate(paths=[path], corpus=None).problems]
    if message is None:
        assert problems == []
        return
    assert len(problems) == 1 and __import__("re").search(message, problems[0]), problems


def test_every_problem_is_listed_not_only_the_first(tmp_path: Path) -> None:
    task = valid_task()
    _set(0, "labels", ["COUNTRY"])(task)
    _append(relation("t1", "e404", "Location"))(task)
    assert len(run(tmp_path, [task], {"d1": TEXT})) == 2


def test_the_gold_is_valid_and_whole(corpus: dict[str, SourceDocument]) -> None:
    report = validate(paths=[paths.GOLD], corpus=corpus)
    assert report.problems == ()
    assert {d.doc_id for d in report.documents} <= set(corpus)
    for document in report.documents:
        assert document.entities, document.doc_id  # whole articles only (an article may report no event)
        ids = [e.id for e in document.entities] + [e.id for e in document.events]
        assert len(ids) == len(set(ids))
        entities = document.entity_by_id()
        for event in document.events:
            assert document.text[event.trigger.start:event.trigger.end] == event.trigger.text
            assert all(a.ref_id in entities for a in event.arguments)
