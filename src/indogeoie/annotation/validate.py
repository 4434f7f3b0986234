"""Checks of annotated documents against the schema, the tokens and the corpus.

:func:`indogeoie.formats.labelstudio_export.read_export` already rejects what is malformed in
the JSON itself (offsets, span text, unknown names, relation ends, duplicate
ids, a trigger without a type or modality). This module adds the checks that
need the text: span edges, token boundaries, overlaps, role fillers, and the
text of each document against the cleaned article of its doc_id.

>>> from indogeoie.records import AnnotatedDocument, Span
>>> doc = AnnotatedDocument("d1", "Irak, AS", (Span("e1", "GPE", 0, 5, "Irak,"),))
>>> [p.message for p in check_document(doc, file="x.json")]
["span 'Irak,' ends with punctuation ','"]
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from indogeoie.errors import Problem
from indogeoie.formats.labelstudio_export import read_export
from indogeoie.records import AnnotatedDocument, Span
from indogeoie.schema import ROLE_FILLERS
from indogeoie.text.tokens import TokenizedText, tokenize

_BRACKETS = {")": "(", "]": "[", "”": "“", "’": "‘"}


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


def _edge_problem(span: Span) -> str | None:
    text = span.text
    for side, char in (("starts", text[0]), ("ends", text[-1])):
        if char.isspace():
            return f"span {text!r} {side} with whitespace"
        if unicodedata.category(char).startswith("P"):
            if side == "ends" and char in _BRACKETS and _BRACKETS[char] in text:
                continue  # "Rabu (24/1/2024)": the bracket closes inside the span
            if side == "ends" and char == "." and any(c.isalpha() for c in text.split()[-1]):
                continue  # an abbreviation token such as "C." keeps its period
            return f"span {text!r} {side} with punctuation {char!r}"
    return None


def check_document(document: AnnotatedDocument, *, file: str,
                   tokenized: TokenizedText | None = None) -> list[Problem]:
    """Problems in one document that need its text: edges, tokens, overlaps, role fillers.

    Args:
        document: a document read from an export.
        file: its file, for messages.
        tokenized: its tokens, when the caller has them already.
    """
    problems: list[Problem] = []

    def problem(message: str, span: Span | None = None, region: str | None = None) -> None:
        problems.append(Problem(message, file, document.doc_id, span.id if span else region,
                                (span.start, span.end) if span else None))

    tokenized = tokenized or tokenize(document.text)
    starts, ends = tokenized.token_starts(), tokenized.token_ends()
    triggers = [event.trigger for event in document.events]
    for span in (*document.entities, *triggers):
        edge = _edge_problem(span)
        if edge:
            problem(edge, span)
        elif span.start not in starts or span.end not in ends:
            side = "start" if span.start not in starts else "end"
            problem(f"span {span.text!r} does not {side} on a token boundary "
                    f"(tokens here: {_tokens_near(tokenized.tokens, span)})", span)
    problems += _overlaps(document, file)
    entities = document.entity_by_id()
    for event in document.events:
        for argument in event.arguments:
            filler = entities.get(argument.ref_id)
            if filler is not None and filler.label not in ROLE_FILLERS[argument.role]:
                problem(f"{argument.role} of {event.type} {event.trigger.text!r} is {filler.label} "
                        f"{filler.text!r}; a {argument.role} must be one of {list(ROLE_FILLERS[argument.role])}",
                        region=f"{event.id}->{argument.ref_id}")
    return problems


def _tokens_near(tokens: tuple, span: Span) -> str:
    near = [t.text for t in tokens if t.end > span.start - 12 and t.start < span.end + 12]
    return " | ".join(near)


def _overlaps(document: AnnotatedDocument, file: str) -> list[Problem]:
    layered = sorted(
        [("entity", s) for s in document.entities] + [("trigger", e.trigger) for e in document.events],
        key=lambda item: (item[1].start, item[1].end),
    )
    problems = []
    open_spans: list[tuple[str, Span]] = []
    for layer, span in layered:
        open_spans = [(lay, other) for lay, other in open_spans if other.end > span.start]
        for other_layer, other in open_spans:
            problems.append(Problem(
                f"{layer} span {span.text!r} overlaps {other_layer} span {other.id} "
                f"[{other.start}:{other.end}] {other.text!r}; spans must not overlap",
                file, document.doc_id, span.id, (span.start, span.end)))
        open_spans.append((layer, span))
    return problems


def check_against_articles(documents: tuple[AnnotatedDocument, ...], articles: dict[str, str],
                           *, file: str) -> list[Problem]:
    """Each document's text must equal the cleaned article of its doc_id."""
    problems = []
    for document in documents:
        cleaned = articles.get(document.doc_id)
        if cleaned is None:
            problems.append(Problem(f"no article with this doc_id in the corpus (known: "
                                    f"{sorted(articles)})", file, document.doc_id))
        elif cleaned != document.text:
            at = next((i for i, (a, b) in enumerate(zip(document.text, cleaned)) if a != b),
                      min(len(document.text), len(cleaned)))
            problems.append(Problem(
                f"data.text differs from the cleaned article at offset {at}: "
                f"{document.text[at:at + 20]!r} where the article has {cleaned[at:at + 20]!r}",
                file, document.doc_id, offsets=(at, at)))
    return problems


def export_files(paths: list[Path]) -> list[Path]:
    """Expand folders to the ``*.json`` files they hold, sorted."""
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return files


def read_exports(paths: list[Path]) -> ValidationReport:
    """Read exports (structure, names, offsets, ids), dropping documents whose doc_id repeats across files.

    The checks that need tokens are left to :func:`check_document`.
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
        notes += report.notes
        for document in report.documents:
            if document.doc_id in seen:
                problems.append(Problem(f"duplicate doc_id (also in {seen[document.doc_id]})",
                                        str(file), document.doc_id))
                continue
            seen[document.doc_id] = file
            documents.append(document)
    return ValidationReport(tuple(files), tuple(documents), tuple(problems), tuple(notes), seen)


def validate(*, paths: list[Path], articles: dict[str, str] | None) -> ValidationReport:
    """Validate Label Studio exports: every check, every problem listed.

    Args:
        paths: export files, or folders of ``*.json`` exports.
        articles: cleaned text by doc_id to compare against, or None to skip that check
            (for exports of articles outside the corpus).
    """
    report = read_exports(paths)
    problems = list(report.problems)
    for document in report.documents:
        file = str(report.file_of[document.doc_id])
        problems += check_document(document, file=file)
        if articles is not None:
            problems += check_against_articles((document,), articles, file=file)
    return ValidationReport(report.files, report.documents, tuple(problems), report.notes, report.file_of)
