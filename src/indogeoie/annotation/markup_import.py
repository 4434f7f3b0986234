"""Annotations written in the annotators' markup, checked and added to a gold file or an agreement study.

Each markup file (:mod:`indogeoie.formats.markup`) is read against the corpus
document of its doc_id, its region ids are written as the gold writes them
(``e7`` becomes ``e007``), and it passes :func:`indogeoie.annotation.validate.validate_document`
before anything is written. A file that fails stops the whole import. A
document already in the target is replaced only with ``replace``: nothing
overwrites a person's work without asking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import replace as replaced
from pathlib import Path

from indogeoie import io
from indogeoie.annotation.validate import validate_document
from indogeoie.corpus.documents import SourceDocument
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.formats.labelstudio_gold import annotator_of, gold_json, gold_task
from indogeoie.formats.markup import parse_markup
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

_ID = re.compile(r"^([et])0*([0-9]+)$")
#: A markup file is one article with its labels: tens of kilobytes.
MAX_MARKUP_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class MarkupImport:
    """What an import added and replaced."""

    target: Path
    added: tuple[str, ...]
    replaced: tuple[str, ...]


def _gold_id(region: str) -> str:
    match = _ID.match(region)
    assert match is not None  # the markup reader only accepts e<n> and t<n>
    return f"{match.group(1)}{int(match.group(2)):03d}"


def renumbered(document: AnnotatedDocument) -> AnnotatedDocument:
    """The document with region ids as the gold writes them: ``e`` or ``t`` and three digits or more."""
    def span(s: Span) -> Span:
        return replaced(s, id=_gold_id(s.id))

    events = tuple(Event(_gold_id(e.id), e.type, e.modality, span(e.trigger),
                         tuple(Argument(a.role, _gold_id(a.ref_id)) for a in e.arguments)) for e in document.events)
    return replaced(document, entities=tuple(span(e) for e in document.entities), events=events)


def read_markup_file(path: Path, *, corpus: dict[str, SourceDocument]) -> AnnotatedDocument:
    """One markup file, read against its corpus document and fully validated."""
    from indogeoie.formats.articles import read_regular_file

    try:
        markup = read_regular_file(path, limit=MAX_MARKUP_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise IndoGeoIEError(Problem("not UTF-8", file=str(path))) from None
    doc_id = next((line.split(":", 1)[1].strip() for line in markup.split("\n") if line.startswith("doc:")), "")
    source = corpus.get(doc_id)
    if source is None:
        raise IndoGeoIEError(Problem(f"the header names doc {doc_id!r}, which is not in the corpus", file=str(path)))
    sentences = [(s.start, s.end) for s in source.tokenized().sentences]
    document = renumbered(parse_markup(markup, text=source.text, sentences=sentences,
                                       spaced_tokens=source.sentences is not None, file=str(path)))
    problems = validate_document(document, file=str(path), source=source)
    if problems:
        raise IndoGeoIEError(problems)
    return document


def import_markup(*, files: list[Path], target: Path, corpus: dict[str, SourceDocument],
                  replace: bool = False) -> MarkupImport:
    """Add the documents of ``files`` to the gold-format file ``target``; write nothing if any fails.

    Args:
        files: markup files, one article each.
        target: a gold file or an agreement study's annotation file (created if missing).
        corpus: the corpus documents.
        replace: replace documents the target already holds.
    """
    documents, problems = [], []
    for path in sorted(files):
        try:
            documents.append(read_markup_file(path, corpus=corpus))
        except IndoGeoIEError as error:
            problems += error.problems
    seen: dict[str, int] = {}
    for document in documents:
        seen[document.doc_id] = seen.get(document.doc_id, 0) + 1
    problems += [Problem("two markup files annotate this document", doc_id=d) for d, n in seen.items() if n > 1]
    current: dict[str, AnnotatedDocument] = {}
    if target.exists():
        report = read_export(target)
        problems += report.problems
        current = {d.doc_id: d for d in report.documents}
    clashes = sorted(d.doc_id for d in documents if d.doc_id in current)
    if clashes and not replace:
        problems += [Problem("already annotated in the target; pass --replace to replace it", str(target), d)
                     for d in clashes]
    if problems:
        raise IndoGeoIEError(problems)
    merged = {**current, **{d.doc_id: d for d in documents}}
    tasks = [gold_task(d, annotator=annotator_of(d)) for d in merged.values()]
    io.write_text(target, gold_json(tasks))
    return MarkupImport(target, tuple(sorted(set(seen) - set(current))), tuple(clashes))


def export_markup(*, doc_ids: list[str], source: Path, out: Path, corpus: dict[str, SourceDocument]) -> list[Path]:
    """Write the annotated documents ``doc_ids`` of the gold-format file ``source`` as markup files in ``out``.

    Args:
        doc_ids: the documents to write (every document of ``source`` when empty).
        source: a gold file or an agreement study's file.
        out: the folder for ``<doc_id>.ann`` files.
        corpus: the corpus documents (their sentences lay the text out).
    """
    from indogeoie.formats.markup import write_markup

    report = read_export(source)
    if report.problems:
        raise IndoGeoIEError(list(report.problems))
    documents = {d.doc_id: d for d in report.documents}
    missing = [d for d in doc_ids if d not in documents]
    if missing:
        raise IndoGeoIEError([Problem("not annotated in this file", str(source), d) for d in missing])
    written = []
    for doc_id in doc_ids or sorted(documents):
        document = documents[doc_id]
        sentences = [(s.start, s.end) for s in corpus[doc_id].tokenized().sentences]
        path = out / f"{doc_id}.ann"
        if path.exists():
            raise IndoGeoIEError(Problem("already exists; markup export never overwrites a file", str(path)))
        io.write_text(path, write_markup(document, sentences=sentences, annotator=annotator_of(document)))
        written.append(path)
    return written
