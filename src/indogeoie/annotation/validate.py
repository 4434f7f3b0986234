"""Every check of an annotated document: the one validation that validate, build and studio pull run.

:func:`indogeoie.formats.labelstudio_export.read_export` already rejects what is
malformed in the JSON itself (offsets, span text, unknown names, relation ends,
duplicate ids, a trigger without a type or modality). :func:`validate_document`
adds what needs the text and its tokens: the text against the corpus, span
edges, token boundaries, spans across sentences, overlaps and role fillers.

>>> from indogeoie.records import AnnotatedDocument, Span
>>> doc = AnnotatedDocument("d1", "Irak, AS", (Span("e1", "GPE", 0, 5, "Irak,"),))
>>> [p.message for p in validate_document(doc, file="x.json", source=None)]
["span 'Irak,' ends with punctuation ','"]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from indogeoie.corpus.documents import SourceDocument
from indogeoie.errors import Problem
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.records import AnnotatedDocument, Span
from indogeoie.schema import ROLE_FILLERS
from indogeoie.text.alignment import edge_problem
from indogeoie.text.tokens import Token, TokenizedText, pretokenized, tokenize

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class ValidationReport:
    """Every problem found, the documents read, and notes (e.g. annotations not chosen)."""

    files: tuple[Path, ...]
    documents: tuple[AnnotatedDocument, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()
    file_of: dict[str, Path] = field(default_factory=dict)  # doc_id -> the export it came from

    @property
    def ok(self) -> bool:
        return not self.problems


def declared_sentences(document: AnnotatedDocument) -> list[tuple[int, int]] | None:
    """The sentence offsets that a task from a pre-tokenised source declares in ``meta.sentences``, if any."""
    sentences = document.meta.get("sentences")
    if isinstance(sentences, list) and all(
            isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s) for s in sentences):
        return [(s[0], s[1]) for s in sentences]
    return None


def document_tokens(document: AnnotatedDocument, source: SourceDocument | None,
                    nlp: Language | None = None) -> TokenizedText:
    """The tokens a document's spans must align to: its corpus source's, else those its task declares.

    A task from a pre-tokenised source carries its sentence offsets in
    ``meta.sentences``; any other text is tokenised by the project tokenizer
    (``nlp``, see :func:`indogeoie.text.tokens.tokenize`).
    """
    if source is not None:
        return source.tokenized()
    sentences = declared_sentences(document)
    if sentences is not None:
        return pretokenized(document.text, sentences)
    return tokenize(document.text, nlp)


def _tokens_near(tokens: Sequence[Token], span: Span) -> str:
    return " | ".join(t.text for t in tokens if t.end > span.start - 12 and t.start < span.end + 12)


def _text_problem(document: AnnotatedDocument, source: SourceDocument, file: str) -> Problem | None:
    if source.text == document.text:
        return None
    text, cleaned = document.text, source.text
    at = next((i for i, (a, b) in enumerate(zip(text, cleaned, strict=False)) if a != b), min(len(text), len(cleaned)))
    return Problem(f"data.text differs from the corpus text of this doc_id at offset {at}: {text[at:at + 20]!r} "
                   f"where the corpus has {cleaned[at:at + 20]!r}", file, document.doc_id, offsets=(at, at))


def _overlaps(document: AnnotatedDocument, file: str) -> list[Problem]:
    layered = sorted([("entity", s) for s in document.entities] + [("trigger", e.trigger) for e in document.events],
                     key=lambda item: (item[1].start, item[1].end))
    problems = []
    open_spans: list[tuple[str, Span]] = []
    for layer, span in layered:
        open_spans = [(lay, other) for lay, other in open_spans if other.end > span.start]
        for other_layer, other in open_spans:
            problems.append(Problem(f"{layer} span {span.text!r} overlaps {other_layer} span {other.id} "
                                    f"[{other.start}:{other.end}] {other.text!r}; spans must not overlap",
                                    file, document.doc_id, span.id, (span.start, span.end)))
        open_spans.append((layer, span))
    return problems


def validate_document(document: AnnotatedDocument, *, file: str, source: SourceDocument | None,
                      tokenized: TokenizedText | None = None) -> list[Problem]:
    """Every problem of one document that needs its text: corpus text, edges, tokens, sentences, overlaps, roles.

    Args:
        document: a document read from an export.
        file: its file, for messages.
        source: its corpus document (the text must equal it), or None for a text outside the corpus.
        tokenized: its tokens, when the caller has them already.
    """
    if source is not None:
        mismatch = _text_problem(document, source, file)
        if mismatch is not None:
            return [mismatch]  # offsets into another text say nothing more
    tokenized = tokenized or document_tokens(document, source)
    starts, ends = tokenized.token_starts(), tokenized.token_ends()
    problems: list[Problem] = []
    for span in (*document.entities, *(event.trigger for event in document.events)):
        where = (file, document.doc_id, span.id, (span.start, span.end))
        edge = edge_problem(span.text)
        if edge:
            problems.append(Problem(edge, *where))
        elif span.start not in starts or span.end not in ends:
            side = "start" if span.start not in starts else "end"
            problems.append(Problem(f"span {span.text!r} does not {side} on a token boundary (tokens here: "
                                    f"{_tokens_near(tokenized.tokens, span)})", *where))
        elif tokenized.sentences and tokenized.sentence_of(span.start) != tokenized.sentence_of(span.end - 1):
            problems.append(Problem(f"span {span.text!r} crosses a sentence boundary", *where))
    problems += _overlaps(document, file)
    entities = document.entity_by_id()
    for event in document.events:
        for argument in event.arguments:
            filler = entities.get(argument.ref_id)
            if filler is not None and filler.label not in ROLE_FILLERS[argument.role]:
                problems.append(Problem(
                    f"{argument.role} of {event.type} {event.trigger.text!r} is {filler.label} {filler.text!r}; "
                    f"a {argument.role} must be one of {list(ROLE_FILLERS[argument.role])}", file,
                    document.doc_id, f"{event.id}->{argument.ref_id}"))
    return problems


def export_files(paths: list[Path]) -> list[Path]:
    """Expand folders to the ``*.json`` files they hold, sorted."""
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return files


def read_exports(paths: list[Path]) -> ValidationReport:
    """Read exports (structure, names, offsets, ids), refusing a doc_id that repeats across files.

    A gold file holds annotated documents only: a task without an annotation
    that counts (none, all skipped, empty, or predictions only) is a problem
    here, never a document without labels. (``studio pull`` reads exports of
    work in progress with :func:`~indogeoie.formats.labelstudio_export.parse_export`,
    which lists such tasks instead.) The checks that need tokens are
    :func:`validate_document`'s.
    """
    files = export_files(paths)
    documents: list[AnnotatedDocument] = []
    problems: list[Problem] = []
    notes: list[str] = []
    seen: dict[str, Path] = {}
    if not files:
        problems.append(Problem("no *.json export found", " ".join(str(p) for p in paths)))
    for file in files:
        report = read_export(file)
        problems += report.problems
        problems += [Problem(f"{why}; a gold file holds annotated documents only", str(file), doc_id)
                     for doc_id, why in report.unannotated]
        notes += report.notes
        for document in report.documents:
            if document.doc_id in seen:
                problems.append(Problem(f"duplicate doc_id (also in {seen[document.doc_id]})", str(file),
                                        document.doc_id))
                continue
            seen[document.doc_id] = file
            documents.append(document)
    return ValidationReport(tuple(files), tuple(documents), tuple(problems), tuple(notes), seen)


def validate(*, paths: list[Path], corpus: dict[str, SourceDocument] | None) -> ValidationReport:
    """Validate Label Studio exports: every check, every problem listed.

    Args:
        paths: export files, or folders of ``*.json`` exports.
        corpus: the corpus documents to check texts against, or None (exports of texts outside the corpus).
    """
    report = read_exports(paths)
    problems = list(report.problems)
    for document in report.documents:
        file = str(report.file_of[document.doc_id])
        source = None
        if corpus is not None:
            source = corpus.get(document.doc_id)
            if source is None:
                problems.append(Problem("no document with this doc_id in the corpus", file, document.doc_id))
                continue
        problems += validate_document(document, file=file, source=source)
    return ValidationReport(report.files, report.documents, tuple(problems), report.notes, report.file_of)


def checkout_gold() -> tuple[dict[str, SourceDocument], ValidationReport]:
    """This checkout's corpus and its validated gold; raise with every problem."""
    from indogeoie import paths
    from indogeoie.corpus.documents import load_corpus
    from indogeoie.errors import IndoGeoIEError

    corpus = load_corpus(paths.ANNOTATIONS)
    report = validate(paths=[paths.GOLD], corpus=corpus)
    if report.problems:
        raise IndoGeoIEError(list(report.problems))
    return corpus, report


def validated(targets: list[Path], *, with_corpus: bool = True) -> ValidationReport:
    """Validate exports against the checkout's corpus (or without one); raise with every problem."""
    from indogeoie import paths
    from indogeoie.corpus.documents import load_corpus
    from indogeoie.errors import IndoGeoIEError

    report = validate(paths=targets, corpus=load_corpus(paths.ANNOTATIONS) if with_corpus else None)
    if report.problems:
        raise IndoGeoIEError(list(report.problems))
    return report
