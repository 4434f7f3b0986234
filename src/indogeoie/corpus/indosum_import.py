"""Import the selected IndoSum articles into the project, with their provenance.

A maintainer's step, run once per change of the selection: it needs a copy of
the IndoSum files (the project does not ship them whole). It reads
``selection.tsv``, checks every row against the source files, and writes into
``annotations/sources/indosum/``:

* ``records.jsonl``: each selected article's source record, byte for byte, one
  per line, in doc_id order;
* ``metadata.json``: the provenance of each, keyed by doc_id::

    {"087_3f0c...": {"doc_id": "087_3f0c...", "source": "indosum", "licence": "CC-BY-SA-4.0",
      "outlet": "cnn indonesia", "url": "http://...", "published": "2017-08-09",
      "published_inferred": false, "published_reason": "date in the URL", "language": "ind",
      "sha256": "<sha256 of the record line>",
      "provenance": {"corpus": "IndoSum", "citation": "...", "repository": "...", "commit": "...",
                     "file": "indosum/dev.03.jsonl", "line": 12, "record_id": "1502355236-...",
                     "also_in": ["indosum/dev.05.jsonl:301"]}}}

Users read those two files; nothing here is needed to build or test the dataset.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from indogeoie import io
from indogeoie.corpus.selection import Decision, read_selection
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats import indosum
from indogeoie.formats.metadata import DocumentMeta, metadata_json
from indogeoie.schema import LANGUAGE_ISO639_3

RECORDS_FILE = "records.jsonl"
METADATA_FILE = "metadata.json"
SOURCE_NAME = "indosum"
REASON_URL_DATE = "the date in the article's URL"
REASON_NO_DATE = "unknown: the URL carries no date and IndoSum records have no date field"


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote (or, with ``check``, would change)."""

    selected: int
    rejected: int
    duplicates: int
    changed: tuple[Path, ...]


def record_sha256(line: bytes) -> str:
    """The sha256 of a source record: its JSON line's bytes, without the newline."""
    return hashlib.sha256(line).hexdigest()


def provenance_metadata(record: indosum.IndoSumRecord, line: bytes, *, doc_id: str, file: str,
                        line_number: int, also_in: list[str]) -> DocumentMeta:
    """The metadata record of one imported article."""
    published = indosum.published_from_url(record.url)
    return DocumentMeta(
        doc_id=doc_id,
        sha256=record_sha256(line),
        source=SOURCE_NAME,
        licence=indosum.LICENCE,
        outlet=record.outlet,
        published=published,
        published_inferred=False,
        published_reason=REASON_URL_DATE if published else REASON_NO_DATE,
        url=record.url,
        language=LANGUAGE_ISO639_3,
        provenance={
            "corpus": indosum.CORPUS_NAME,
            "citation": indosum.CITATION_SHORT,
            "repository": indosum.REPOSITORY,
            "commit": indosum.COMMIT,
            "file": f"{indosum.FOLDER}/{file}",
            "line": line_number,
            "record_id": record.id,
            "also_in": also_in,
        },
    )


def _source_lines(source_dir: Path, file_sha256: dict[str, str]) -> dict[str, list[bytes]]:
    files: dict[str, list[bytes]] = {}
    problems = []
    for name, expected in file_sha256.items():
        path = source_dir / name
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(Problem(f"cannot read the IndoSum file: {error.strerror}", file=str(path)))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != expected:
            problems.append(Problem(f"sha256 {digest} differs from {expected}, the copy of commit "
                                    f"{indosum.COMMIT[:12]} the selection was made on", file=str(path)))
            continue
        files[name] = data.split(b"\n")[:-1] if data.endswith(b"\n") else data.split(b"\n")
    if problems:
        raise IndoGeoIEError(problems)
    return files


def _locate(decision: Decision, files: dict[str, list[bytes]], ids: dict[tuple[str, int], str],
            selection_path: Path) -> Problem | None:
    where = f"{selection_path}:{decision.row}"
    if decision.file not in files:
        return Problem(f"file {decision.file!r} is not an IndoSum file of this import; expected one of "
                       f"{sorted(files)}", file=where, doc_id=decision.indosum_id)
    found = ids.get((decision.file, decision.line))
    if found is None:
        return Problem(f"{decision.file} has no line {decision.line}", file=where, doc_id=decision.indosum_id)
    if found != decision.indosum_id:
        return Problem(f"{decision.file}:{decision.line} holds {found!r}, not this id; the id is absent "
                       "from that line of the source", file=where, doc_id=decision.indosum_id)
    return None


def import_outputs(*, selection_path: Path, source_dir: Path,
                   file_sha256: dict[str, str] = indosum.FILE_SHA256) -> tuple[list[Decision], dict[str, bytes]]:
    """Check the selection against the source; return the decisions and the two files' contents.

    Args:
        selection_path: ``selection.tsv``.
        source_dir: the folder of IndoSum files.
        file_sha256: the expected sha256 of each source file (the copy the selection was made on).
    """
    decisions = read_selection(selection_path)
    files = _source_lines(source_dir, file_sha256)
    ids: dict[tuple[str, int], str] = {}
    occurrences: dict[str, list[tuple[str, int]]] = defaultdict(list)
    records: dict[tuple[str, int], indosum.IndoSumRecord] = {}
    for name, lines in files.items():
        for number, line in enumerate(lines, start=1):
            record = indosum.parse_record(line, file=str(source_dir / name), line_number=number)
            ids[(name, number)] = record.id
            occurrences[record.id].append((name, number))
            records[(name, number)] = record
    problems = [p for d in decisions if (p := _locate(d, files, ids, selection_path)) is not None]
    if problems:
        raise IndoGeoIEError(problems)
    metadata: dict[str, DocumentMeta] = {}
    lines_out: dict[str, bytes] = {}
    for decision in decisions:
        if decision.decision != "select":
            continue
        assert decision.doc_id is not None
        line = files[decision.file][decision.line - 1]
        digest = record_sha256(line)
        if decision.doc_id.split("_", 1)[1] != digest[:16]:
            problems.append(Problem(f"doc_id {decision.doc_id} must end with the first 16 hex digits of the "
                                    f"record's sha256, {digest[:16]}", file=f"{selection_path}:{decision.row}",
                                    doc_id=decision.indosum_id))
            continue
        also_in = [f"{indosum.FOLDER}/{name}:{number}" + ("" if files[name][number - 1] == line else " (differs)")
                   for name, number in occurrences[decision.indosum_id] if (name, number) != (decision.file,
                                                                                           decision.line)]
        metadata[decision.doc_id] = provenance_metadata(
            records[(decision.file, decision.line)], line, doc_id=decision.doc_id, file=decision.file,
            line_number=decision.line, also_in=also_in)
        lines_out[decision.doc_id] = line
    if problems:
        raise IndoGeoIEError(problems)
    order = sorted(lines_out)
    return decisions, {
        RECORDS_FILE: b"".join(lines_out[d] + b"\n" for d in order),
        METADATA_FILE: metadata_json(metadata).encode(),
    }


def import_indosum(*, selection_path: Path, source_dir: Path, out_dir: Path, check: bool = False,
                   file_sha256: dict[str, str] = indosum.FILE_SHA256) -> ImportReport:
    """Rebuild the selected IndoSum records and their metadata from the selection file.

    Args:
        selection_path: ``selection.tsv``.
        source_dir: a folder with the IndoSum ``dev.0N.jsonl`` files of the recorded commit.
        out_dir: where ``records.jsonl`` and ``metadata.json`` go.
        check: write nothing; report the files that would change.
        file_sha256: the expected sha256 of each source file.
    """
    decisions, outputs = import_outputs(selection_path=selection_path, source_dir=source_dir,
                                        file_sha256=file_sha256)
    changed = io.stale_files({out_dir / name: content for name, content in outputs.items()}, check=check)
    count = {kind: sum(1 for d in decisions if d.decision == kind) for kind in ("select", "reject", "duplicate")}
    return ImportReport(count["select"], count["reject"], count["duplicate"], tuple(changed))
