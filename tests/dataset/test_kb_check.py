"""The kb checker: it passes on the built dataset and fails on a duplicated id and a dangling ref_id."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from indogeoie import paths
from indogeoie.dataset.kb_check import check_kb, document_ids, document_problems, identifier_problems
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS


def data_files(folder: Path) -> dict[str, dict[str, Path]]:
    return {config: {p.name.split("-")[0]: p for p in (folder / "data" / config).glob("*.jsonl")}
            for config in ("ner", "events", "documents")}


def rewrite_first_document(folder: Path, change: object) -> str:
    path = next((folder / "data" / "documents").glob("train-*.jsonl"))
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    change(rows)  # type: ignore[operator]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return rows[0]["doc_id"]


def test_the_built_dataset_passes() -> None:
    assert check_kb(data_files(paths.DATASET)) == []


def test_a_duplicated_id_fails(tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(paths.DATASET, folder)

    def duplicate(rows: list[dict]) -> None:
        rows[1]["entities"][0]["id"] = rows[0]["entities"][0]["id"]

    rewrite_first_document(folder, duplicate)
    problems = check_kb(data_files(folder))
    assert any("is used twice" in p.message for p in problems)


def test_a_dangling_ref_id_fails(tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(paths.DATASET, folder)

    def dangle(rows: list[dict]) -> None:
        event = next(e for e in rows[0]["events"] if e["arguments"])
        event["arguments"][0]["ref_id"] = "nowhere"

    doc_id = rewrite_first_document(folder, dangle)
    problems = check_kb(data_files(folder))
    assert any(p.doc_id == doc_id and "refers to 'nowhere', which is no entity" in p.message for p in problems)


def test_a_sentence_whose_tags_lost_its_entities_fails(tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(paths.DATASET, folder)
    path = next((folder / "data" / "ner").glob("train-*.jsonl"))
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    tagged = next(r for r in rows if any(r["ner_tags"]))
    tagged["ner_tags"] = [0] * len(tagged["ner_tags"])  # every tag O
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    problems = check_kb(data_files(folder))
    assert [p.doc_id for p in problems] == [tagged["doc_id"]]
    assert "the ner tags give 0 span(s) the documents config lacks ([]) and lack" in problems[0].message


def test_tags_that_disagree_with_the_documents_fail(tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(paths.DATASET, folder)

    def drop_entity(rows: list[dict]) -> None:
        rows[0]["entities"].pop()

    doc_id = rewrite_first_document(folder, drop_entity)
    problems = check_kb(data_files(folder))
    assert any(p.doc_id == doc_id and "the ner tags give 1 span(s) the documents config lacks" in p.message
               for p in problems)


DOCUMENT = {"id": "d1", "doc_id": "d1", "text": "AS menyerang Irak",
            "entities": [{"id": "d1-e1", "type": "GPE", "text": ["AS"], "offsets": [[0, 2]]},
                         {"id": "d1-e2", "type": "GPE", "text": ["Irak"], "offsets": [[13, 17]]}],
            "events": [{"id": "d1-t1", "type": "ASSAULT", "trigger": {"text": ["menyerang"], "offsets": [[3, 12]]},
                        "arguments": [{"role": "Actor", "ref_id": "d1-e1"}]}]}
SENTENCE = {"doc_id": "d1", "tokens": ["AS", "menyerang", "Irak"], "token_starts": [0, 3, 13],
            "token_ends": [2, 12, 17]}


def tags(names: tuple[str, ...], labels: list[str]) -> list[int]:
    return [names.index(label) for label in labels]


def test_one_document_that_agrees_with_its_tags_passes() -> None:
    tagged = {"ner": [{**SENTENCE, "ner_tags": tags(NER_TAGS, ["B-GPE", "O", "B-GPE"])}],
              "events": [{**SENTENCE, "trigger_tags": tags(TRIGGER_TAGS, ["O", "B-ASSAULT", "O"])}]}
    assert document_problems("train", DOCUMENT, tagged, file="x.json") == []
    assert document_ids(DOCUMENT) == ["d1", "d1-e1", "d1-e2", "d1-t1"]


def test_one_document_with_a_shifted_offset_and_a_lost_trigger_tag_fails() -> None:
    shifted = {**DOCUMENT, "entities": [{**DOCUMENT["entities"][0], "offsets": [[1, 3]]}, DOCUMENT["entities"][1]]}
    tagged = {"events": [{**SENTENCE, "trigger_tags": tags(TRIGGER_TAGS, ["O", "O", "O"])}]}
    messages = [p.message for p in document_problems("test", shifted, tagged, file="x.json")]
    assert messages == ["split test: entity text 'AS' differs from the text at its offsets 'S '",
                        "split test: the events tags give 0 span(s) the documents config lacks ([]) and lack 1 it "
                        "has ([(3, 12, 'ASSAULT')])"]


def test_an_id_used_in_two_documents_of_a_split_is_named_once() -> None:
    problems = identifier_problems("train", [("a-e1", "a"), ("b-e1", "b"), ("a-e1", "c")], file="x.json")
    assert [(p.doc_id, p.message) for p in problems] == [("c", "split train: id 'a-e1' is used twice (also in doc a)")]


def test_a_sentence_with_fewer_tags_than_tokens_is_reported_not_raised() -> None:
    tagged = {"ner": [{**SENTENCE, "id": "d1-000", "ner_tags": tags(NER_TAGS, ["B-GPE", "O"])}]}
    (problem,) = document_problems("train", DOCUMENT, tagged, file="x.json")
    assert problem.message == ("split train: ner rows: sentence 'd1-000': tokens, offsets and ner_tags differ in "
                               "length")
