"""``studio pull``: bring Label Studio's annotations into the gold without losing anyone's work.

The export is Label Studio's own JSON (not a converter, which would drop
relations and every Labels tag but the first). Every task is read and checked
against the corpus first; one problem anywhere and nothing is written.

Then each annotated document is compared three ways
(:func:`indogeoie.studio.merge.three_way`): its labels as last pushed or
pulled (the base), in the gold file (ours) and in Label Studio (theirs). A
document changed only in Label Studio is taken; one changed only in git is
kept; one changed on both sides is a conflict, written only when the caller
resolves it with ``theirs`` or ``ours``. Tasks that nobody annotated, or
whose every annotation was skipped, are reported and never enter the gold.

Only the documents taken are rewritten, in the gold's canonical layout
(:mod:`indogeoie.formats.labelstudio_gold`), so a pull that changes four
regions changes four lines of the gold file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from indogeoie import io
from indogeoie.annotation.validate import validate_document
from indogeoie.corpus.documents import SourceDocument
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.labelstudio_export import ExportReport, parse_export, read_export
from indogeoie.formats.labelstudio_gold import gold_json, gold_task
from indogeoie.records import AnnotatedDocument, DocumentDiff, diff_documents, labels_fingerprint
from indogeoie.studio.merge import Outcome, three_way

Resolution = Literal["theirs", "ours"] | None


@dataclass(frozen=True)
class DocumentPull:
    """One annotated document of the export: what the comparison found and how it changes the gold."""

    doc_id: str
    outcome: Outcome
    diff: DocumentDiff  # from the gold (ours) to Label Studio (theirs)
    written: bool
    resolved: Resolution = None  # how a conflict was settled (None: it was not)


@dataclass(frozen=True)
class PullReport:
    """What a pull found and did."""

    documents: tuple[DocumentPull, ...]
    unannotated: tuple[tuple[str, str], ...]  # (doc_id, why)
    notes: tuple[str, ...]
    bases: dict[str, str]  # the base fingerprints after the pull
    written: Path | None
    backup: Path | None

    def conflicts(self) -> list[str]:
        return [d.doc_id for d in self.documents if d.outcome == "conflict" and d.resolved is None]


def checked_export(export: object, *, articles: dict[str, SourceDocument], source: str) -> ExportReport:
    """Read an export and check every document against the corpus.

    Raises:
        IndoGeoIEError: every problem found, located; the caller writes nothing.
    """
    report = parse_export(export, file=source)
    problems = list(report.problems)
    for document in report.documents:
        corpus_document = articles.get(document.doc_id)
        if corpus_document is None:
            problems.append(Problem("no document with this doc_id in the corpus", source, document.doc_id))
            continue
        problems += validate_document(document, file=source, source=corpus_document)
    if problems:
        raise IndoGeoIEError(problems)
    return report


def current_gold(gold_file: Path) -> tuple[list[dict[str, Any]], dict[str, AnnotatedDocument]]:
    """The gold file's tasks and documents (none when the file does not exist yet).

    Raises:
        IndoGeoIEError: the gold file is broken (truncated, hand-edited into invalid JSON, ...).
    """
    if not gold_file.exists():
        return [], {}
    report = read_export(gold_file)
    if report.problems:
        raise IndoGeoIEError([*report.problems, Problem("the current gold is broken; restore it (git checkout) "
                                                        "before pulling", str(gold_file))])
    tasks = json.loads(gold_file.read_text(encoding="utf-8"))
    return tasks, {d.doc_id: d for d in report.documents}


def _annotator(document: AnnotatedDocument, annotators: dict[int, str]) -> str:
    who = document.meta.get("completed_by")
    if isinstance(who, int) and who in annotators:
        return annotators[who]
    return str(who) if who not in (None, "") else "unknown"


def pull(*, export: object, gold_file: Path, articles: dict[str, SourceDocument], bases: dict[str, str],
         resolve: Resolution = None, dry_run: bool = False, annotators: dict[int, str] | None = None,
         source: str = "Label Studio export") -> PullReport:
    """Compare an export with the gold and write what Label Studio changed (see the module docstring).

    Args:
        export: the parsed JSON export (a list of tasks).
        gold_file: the gold file to update.
        articles: the corpus by doc_id, to check every task against.
        bases: per doc_id, the labels' fingerprint as last pushed or pulled.
        resolve: how to settle conflicts: ``theirs`` (Label Studio), ``ours`` (git) or None (leave them).
        dry_run: compare and report only; write nothing.
        annotators: Label Studio user ids to names, for the gold's ``completed_by``.
        source: how to name the export in messages.
    """
    report = checked_export(export, articles=articles, source=source)
    tasks, ours = current_gold(gold_file)
    new_bases = dict(bases)
    pulled, replacements = [], {}
    for theirs in report.documents:
        mine = ours.get(theirs.doc_id)
        fingerprint = labels_fingerprint(theirs)
        outcome = three_way(base=bases.get(theirs.doc_id), ours=labels_fingerprint(mine) if mine else None,
                            theirs=fingerprint)
        take = outcome == "theirs" or (outcome == "conflict" and resolve == "theirs")
        if outcome != "ours" and not (outcome == "conflict" and resolve is None):
            new_bases[theirs.doc_id] = fingerprint  # with --ours, the next push refreshes the task
        if take:
            replacements[theirs.doc_id] = gold_task(theirs, annotator=_annotator(theirs, annotators or {}))
        diff = diff_documents((mine,) if mine else (), (theirs,))[0]
        pulled.append(DocumentPull(theirs.doc_id, outcome, diff, take and not dry_run,
                                   resolve if outcome == "conflict" else None))
    written = backup = None
    if replacements and not dry_run:
        merged = [t for t in tasks if t["data"]["doc_id"] not in replacements] + list(replacements.values())
        if gold_file.exists():
            backup = gold_file.with_name(gold_file.name + ".bak")
            io.write_bytes(backup, gold_file.read_bytes())
        io.write_text(gold_file, gold_json(merged))
        written = gold_file
    return PullReport(tuple(pulled), report.unannotated, report.notes, bases if dry_run else new_bases,
                      written, backup)


def export_json(ls: Any, project_id: int) -> list[Any]:
    """Every task with every annotation, as Label Studio's own JSON export.

    Raises:
        IndoGeoIEError: the server's export is not JSON.
    """
    from indogeoie.formats.labelstudio_export import loads_strict

    raw = b"".join(ls.projects.exports.download_sync(project_id, export_type="JSON", download_all_tasks=True))
    try:
        data = loads_strict(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise IndoGeoIEError(Problem(f"Label Studio's export of project {project_id} is not JSON: {error}")) from None
    return data if isinstance(data, list) else [data]
