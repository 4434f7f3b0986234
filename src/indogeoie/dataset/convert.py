"""One document, checked and converted into the rows of every config, its CoNLL and its PLOVER records.

Each document is tokenised once. With many documents the conversion runs in
several processes; the results come back in the jobs' order, so the files are
the same as from one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from indogeoie.annotation.actors import ActorTable
from indogeoie.annotation.validate import declared_sentences, document_tokens, validate_document
from indogeoie.corpus.documents import SourceDocument
from indogeoie.dataset.card import SplitStats
from indogeoie.dataset.kb_check import document_ids, document_problems
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.conll import rows_to_conll
from indogeoie.formats.hf import CONFIGS, TAG_COLUMNS, dataset_rows, json_lines
from indogeoie.formats.metadata import DocumentMeta
from indogeoie.formats.plover import plover_jsonl, plover_records
from indogeoie.records import AnnotatedDocument
from indogeoie.schema import ACTOR_TYPES

if TYPE_CHECKING:
    from spacy.language import Language

#: The PLOVER event records of the whole dataset (each record names its split).
PLOVER_FILES = ("events.jsonl", "incomplete.jsonl")
#: Below this many documents one process is faster than starting workers.
PARALLEL_FROM = 200


@dataclass(frozen=True)
class Job:
    """One document to check and convert, with everything a worker needs."""

    document: AnnotatedDocument
    meta: DocumentMeta | None
    fold: int
    file: str
    source: SourceDocument | None
    normalized: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # entity id -> kb normalized
    actors: ActorTable | None = None  # for the PLOVER records
    split: str | None = None


@dataclass
class _DocumentOutput:
    """One document, checked and converted (made in a worker process)."""

    doc_id: str
    problems: list[Problem]
    lines: dict[str, bytes] = field(default_factory=dict)  # config -> JSON Lines
    conll: dict[str, bytes] = field(default_factory=dict)  # config -> CoNLL text
    counts: SplitStats = field(default_factory=SplitStats)
    plover: tuple[bytes, bytes] = (b"", b"")  # complete and incomplete PLOVER records
    kb_ids: list[str] = field(default_factory=list)  # the ids its documents row declares


def process(job: Job, nlp: Language | None = None) -> _DocumentOutput:
    """Tokenise one document once; check it; make its rows, CoNLL and counts.

    Args:
        job: the document and what goes with it.
        nlp: the tokenizer pipeline for a text outside the corpus (default: the project's).
    """
    document = job.document
    tokenized = job.source.tokenized() if job.source is not None else document_tokens(document, None, nlp)
    problems = validate_document(document, file=job.file, source=job.source, tokenized=tokenized)
    if problems:
        return _DocumentOutput(document.doc_id, problems)
    try:
        rows = dataset_rows(document, job.meta, job.fold, tokenized=tokenized, file=job.file,
                            normalized=job.normalized)
    except IndoGeoIEError as error:
        return _DocumentOutput(document.doc_id, error.problems)
    counts = SplitStats(documents=1, sentences=len(rows["ner"]), tokens=len(tokenized.tokens),
                        entities=Counter(e.label for e in document.entities),
                        events=Counter(e.type for e in document.events),
                        arguments=sum(len(e.arguments) for e in document.events))
    plover = (b"", b"")
    if job.actors is not None:
        records = plover_records(document, job.meta, tokenized, job.actors.normalise, split=job.split)
        complete, incomplete = plover_jsonl(records)
        plover = (complete.encode(), incomplete.encode())
    # The kb checks run here, where documents are checked in parallel, on the rows as they are
    # written: JSON Lines gives these rows (strings, integers, lists, objects) back exactly.
    (kb_row,) = rows["documents"]
    kb_problems = document_problems(job.split or "", kb_row, {c: rows[c] for c in TAG_COLUMNS}, file=job.file)
    if kb_problems:
        return _DocumentOutput(document.doc_id, kb_problems)
    return _DocumentOutput(
        doc_id=document.doc_id, problems=[], lines={config: json_lines(rows[config]) for config in CONFIGS},
        conll={config: rows_to_conll(rows[config], config=config).encode() for config in TAG_COLUMNS},
        counts=counts, plover=plover, kb_ids=document_ids(kb_row))


# The jobs and the pipeline live in each worker process, handed over once when it
# starts (a forked worker inherits them without pickling); the parent process keeps
# no such state.
_worker_state: tuple[list[Job], Language | None] = ([], None)


def _start_worker(jobs: list[Job], nlp: Language | None) -> None:
    global _worker_state
    _worker_state = (jobs, nlp)


def _process_index(index: int) -> _DocumentOutput:
    jobs, nlp = _worker_state
    return process(jobs[index], nlp)


def _pipeline_for(jobs: list[Job]) -> Language | None:
    """One pipeline for every text the project tokenizer must tokenise, with only the exceptions they need."""
    texts = [job.document.text for job in jobs
             if job.source is None and declared_sentences(job.document) is None]
    if not texts:
        return None
    from indogeoie.text.tokens import make_nlp_for

    return make_nlp_for(texts)


def worker_count(documents: int) -> int:
    """How many processes convert (and check) this many documents: one below :data:`PARALLEL_FROM`."""
    return 1 if documents < PARALLEL_FROM else min(os.cpu_count() or 1, 4)


def outputs(jobs: list[Job]) -> Iterator[_DocumentOutput]:
    nlp = _pipeline_for(jobs)  # loaded once, before any worker forks
    workers = worker_count(len(jobs))
    if workers < 2:
        yield from (process(job, nlp) for job in jobs)
        return
    context = multiprocessing.get_context("fork")
    # Frozen objects are left out of garbage collections. A collection in a worker would
    # otherwise walk every document and the tokenizer it inherited, writing to their pages
    # and so copying them (the use gc.freeze is documented for); in this process it would
    # walk them again and again while the results come in. They are collectable again
    # once the workers are done.
    gc.freeze()
    try:
        with context.Pool(workers, initializer=_start_worker, initargs=(jobs, nlp)) as pool:
            yield from pool.imap(_process_index, range(len(jobs)), chunksize=16)
    finally:
        gc.unfreeze()


def normalized_entities(document: AnnotatedDocument, actors: ActorTable | None) -> dict[str, list[dict[str, str]]]:
    """The kb ``normalized`` list of each entity the actor table covers."""
    if actors is None:
        return {}
    found = {}
    for entity in document.entities:
        if entity.label in ACTOR_TYPES:
            normalised = actors.normalise(document.doc_id, entity.text)
            if normalised is not None and normalised.kb():
                found[entity.id] = normalised.kb()
    return found
