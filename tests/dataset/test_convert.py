"""Tests for indogeoie.dataset.convert: one document checked and converted, and many converted in the jobs' order."""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest

from indogeoie.annotation.actors import ActorTable, Normalised
from indogeoie.corpus.documents import SourceDocument
from indogeoie.dataset import convert
from indogeoie.dataset.card import SplitStats
from indogeoie.dataset.convert import PARALLEL_FROM, Job, normalized_entities, outputs, process, worker_count
from indogeoie.formats.hf import CONFIGS, TAG_COLUMNS
from indogeoie.formats.metadata import DocumentMeta
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import NER_TAGS

# Pre-tokenised (tokens between spaces, sentences as given), so no tokenizer model is loaded.
TEXT = "AS menyerang Irak .\nIran diam ."
SENTENCES = [(0, 19), (20, 31)]
TABLE = ActorTable({"as": Normalised("USA", None, "", "alias"), "irak": Normalised("IRQ", None, "", "alias")}, {}, {})


def document(doc_id: str = "d1", text: str = TEXT) -> AnnotatedDocument:
    return AnnotatedDocument(
        doc_id, text, (Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak")),
        (Event("t1", "ASSAULT", "asserted", Span("t1", "ASSAULT", 3, 12, "menyerang"),
               (Argument("Actor", "e1"), Argument("Recipient", "e2"))),))


def source(doc_id: str = "d1", text: str = TEXT, published: str | None = "2020-01-03") -> SourceDocument:
    meta = DocumentMeta(doc_id=doc_id, sha256="0" * 64, source="indosum", licence="CC-BY-SA-4.0", published=published)
    return SourceDocument(meta, text, tuple(SENTENCES))


def job(doc: AnnotatedDocument, src: SourceDocument | None, *, fold: int = 3,
        actors: ActorTable | None = None) -> Job:
    return Job(doc, src.meta if src is not None else None, fold, "x.json", src, normalized_entities(doc, actors),
               actors, "train")


def rows(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_a_document_gives_the_rows_of_every_config_its_conll_counts_and_kb_ids() -> None:
    out = process(job(document(), source(), actors=TABLE))
    assert out.doc_id == "d1" and out.problems == []
    assert list(out.lines) == list(CONFIGS)
    ner = rows(out.lines["ner"])
    assert [r["id"] for r in ner] == ["d1-000", "d1-001"] and {r["fold"] for r in ner} == {3}
    assert [r["tokens"] for r in ner] == [["AS", "menyerang", "Irak", "."], ["Iran", "diam", "."]]
    assert [NER_TAGS[t] for t in ner[0]["ner_tags"]] == ["B-GPE", "O", "B-GPE", "O"]
    assert [len(r["events"]) for r in rows(out.lines["events"])] == [1, 0]
    (kb,) = rows(out.lines["documents"])
    assert kb["text"] == TEXT and kb["metadata"]["published"] == "2020-01-03"
    assert [e["normalized"] for e in kb["entities"]] == [[{"db_name": "ISO3166-1-alpha-3", "db_id": "USA"}],
                                                         [{"db_name": "ISO3166-1-alpha-3", "db_id": "IRQ"}]]
    assert list(out.conll) == list(TAG_COLUMNS)
    assert "\nAS -X- _ B-GPE\n" in out.conll["ner"].decode() and "\nIran -X- _ O\n" in out.conll["ner"].decode()
    assert "\nmenyerang -X- _ B-ASSAULT\n" in out.conll["events"].decode()
    assert out.counts == SplitStats(documents=1, sentences=2, tokens=7, entities=Counter({"GPE": 2}),
                                    events=Counter({"ASSAULT": 1}), arguments=2)
    assert out.kb_ids == ["d1", "d1-e1", "d1-e2", "d1-t1"]


def test_plover_records_come_with_an_actor_table_and_a_dateless_one_is_incomplete() -> None:
    complete, incomplete = process(job(document(), source(), actors=TABLE)).plover
    (record,) = rows(complete)
    assert incomplete == b"" and (record["id"], record["event"], record["date"]) == ("d1-t1", "ASSAULT", "2020-01-03")
    assert (record["actor"]["country"], record["recipient"]["country"]) == ("USA", "IRQ")
    complete, incomplete = process(job(document(), source(published=None), actors=TABLE)).plover
    assert complete == b"" and rows(incomplete)[0]["missing"] == ["date: the article's date is unknown"]
    assert process(job(document(), source())).plover == (b"", b"")


def test_a_text_outside_the_corpus_is_cut_where_its_task_declares_its_sentences() -> None:
    doc = AnnotatedDocument("o1", TEXT, (Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak")),
                            meta={"sentences": [[0, 12], [13, 19], [20, 31]]})
    out = process(job(doc, None))
    assert out.problems == []
    assert [r["tokens"] for r in rows(out.lines["ner"])] == [["AS", "menyerang"], ["Irak", "."], ["Iran", "diam", "."]]
    assert rows(out.lines["documents"])[0]["metadata"]["source"] is None  # no corpus metadata: all unknown
    assert out.counts.sentences == 3 and out.counts.events == Counter()


@pytest.mark.parametrize(("doc", "message"), [
    (AnnotatedDocument("d1", TEXT, (Span("e1", "GPE", 1, 2, "S"),)), "span 'S' does not start on a token boundary"),
    (AnnotatedDocument("d1", TEXT, (Span("e1", "GPE", 0, 3, "AS "),)), "span 'AS ' ends with whitespace"),
    (document(text=TEXT.replace("Iran", "Irak")), "data.text differs from the corpus text of this doc_id at offset 23"),
])
def test_a_document_that_fails_validation_gives_located_problems_and_no_rows(doc: AnnotatedDocument,
                                                                             message: str) -> None:
    out = process(job(doc, source(), actors=TABLE))
    assert out.problems and all((p.file, p.doc_id) == ("x.json", "d1") for p in out.problems)
    assert any(p.message.startswith(message) for p in out.problems), out.problems
    assert (out.lines, out.conll, out.counts, out.plover, out.kb_ids) == ({}, {}, SplitStats(), (b"", b""), [])


def test_one_process_converts_fewer_documents_than_parallel_from(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert worker_count(0) == worker_count(1) == worker_count(PARALLEL_FROM - 1) == 1
    assert worker_count(PARALLEL_FROM) == worker_count(10 * PARALLEL_FROM) == 4
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # unknown: one process
    assert worker_count(PARALLEL_FROM) == 1


def many_jobs(count: int) -> list[Job]:
    """Documents of different ids, folds and texts; every seventh fails validation (a span off the tokens)."""
    jobs = []
    for i in range(count):
        doc_id = f"d{i:02d}"
        text = TEXT.replace("diam", "diam" + "a" * i)
        doc = document(doc_id, text)
        if i % 7 == 3:
            doc = AnnotatedDocument(doc_id, text, (Span("e1", "GPE", 1, 2, "S"),))
        jobs.append(job(doc, source(doc_id, text, published=None if i % 2 else "2020-01-03"), fold=i % 5,
                        actors=TABLE))
    return jobs


@pytest.mark.parametrize("parallel", [False, True])
def test_outputs_are_those_of_process_on_each_job_in_the_jobs_order(monkeypatch: pytest.MonkeyPatch,
                                                                    parallel: bool) -> None:
    jobs = many_jobs(40)  # more than two chunks of 16, so the workers take turns
    if parallel:
        monkeypatch.setattr(convert, "PARALLEL_FROM", 2)
        monkeypatch.setattr(os, "cpu_count", lambda: 4)  # several workers even on a one-CPU machine
    assert (worker_count(len(jobs)) > 1) is parallel
    serial = [process(j) for j in jobs]
    converted = list(outputs(jobs))
    assert [o.doc_id for o in converted] == [j.document.doc_id for j in jobs]
    assert sum(bool(o.problems) for o in converted) == 6 and sum(o.counts.documents for o in converted) == 34
    assert [(o.lines, o.conll, o.plover) for o in converted] == [(o.lines, o.conll, o.plover) for o in serial]
    assert converted == serial
