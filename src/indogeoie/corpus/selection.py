"""The selection: one decision, with its reason, for every candidate article of a source.

``annotations/sources/indosum/selection.tsv`` is tab-separated, one row per
candidate, and decided by reading each article::

    indosum_id	file	line	decision	doc_id	duplicate_of	reason
    1502355236-bahas-korut-...	dev.03.jsonl	12	select	087_3f0c...		Lavrov visits Jakarta: diplomacy
    1490068848-kjri-dorong-...	dev.01.jsonl	480	reject			Coffee trade promotion: business only
    1508885580-jenderal-...	dev.04.jsonl	633	duplicate		1508837395-...	Same story as ...

``file`` and ``line`` locate the record's first occurrence in the source.
A selected row carries the document's ``doc_id``; a duplicate names the
selected article it repeats. The selected set is rebuilt from this file alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from indogeoie.errors import IndoGeoIEError, Problem

HEADER = ("indosum_id", "file", "line", "decision", "doc_id", "duplicate_of", "reason")
DECISIONS = ("select", "reject", "duplicate")
#: ``NNN_`` then 16 hex digits: a running number and the start of the source record's sha256.
DOC_ID = re.compile(r"^\d{3}_[0-9a-f]{16}$")


@dataclass(frozen=True)
class Decision:
    """One candidate and what was decided about it."""

    indosum_id: str
    file: str
    line: int
    decision: str
    doc_id: str | None
    duplicate_of: str | None
    reason: str
    row: int  # line number in the selection file, for messages


def _row_problems(fields: list[str], where: str) -> list[str]:
    if len(fields) != len(HEADER):
        return [f"expected {len(HEADER)} tab-separated fields {list(HEADER)}, found {len(fields)}"]
    indosum_id, _file, line, decision, doc_id, duplicate_of, reason = fields
    problems = []
    if not indosum_id:
        problems.append("indosum_id is empty")
    if not line.isdigit() or int(line) < 1:
        problems.append(f"line {line!r} is not a positive line number")
    if decision not in DECISIONS:
        problems.append(f"decision {decision!r}; expected one of {list(DECISIONS)}")
    if decision == "select" and not DOC_ID.match(doc_id):
        problems.append(f"a selected article needs a doc_id like 005_0123456789abcdef, not {doc_id!r}")
    if decision != "select" and doc_id:
        problems.append(f"only a selected article has a doc_id; this one is {decision}")
    if (decision == "duplicate") != bool(duplicate_of):
        problems.append("duplicate_of names the kept article for a duplicate, and only for one")
    if not reason.strip():
        problems.append("every decision needs a one-line reason")
    return problems


def read_selection(path: Path) -> list[Decision]:
    """Read and check a selection file; raise with every problem located by line.

    Args:
        path: the ``selection.tsv`` file.
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise IndoGeoIEError(Problem(f"cannot read the selection: {error}", file=str(path))) from None
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise IndoGeoIEError(Problem(f"the first line must be the header {list(HEADER)}", file=f"{path}:1"))
    problems: list[Problem] = []
    decisions: list[Decision] = []
    first_row: dict[str, int] = {}
    doc_rows: dict[str, int] = {}
    for number, text in enumerate(lines[1:], start=2):
        fields = text.split("\t")
        where = f"{path}:{number}"
        found = _row_problems(fields, where)
        if found:
            problems += [Problem(message, file=where, doc_id=fields[0] or None) for message in found]
            continue
        indosum_id, file, line, decision, doc_id, duplicate_of, reason = fields
        if indosum_id in first_row:
            problems.append(Problem(f"{indosum_id!r} is decided twice (also line {first_row[indosum_id]})",
                                    file=where, doc_id=indosum_id))
            continue
        first_row[indosum_id] = number
        if doc_id in doc_rows:
            problems.append(Problem(f"doc_id {doc_id} is given twice (also line {doc_rows[doc_id]})",
                                    file=where, doc_id=indosum_id))
            continue
        if doc_id:
            doc_rows[doc_id] = number
        decisions.append(Decision(indosum_id, file, int(line), decision, doc_id or None, duplicate_of or None,
                                  reason, number))
    selected = {d.indosum_id for d in decisions if d.decision == "select"}
    for d in decisions:
        if d.duplicate_of is not None and d.duplicate_of not in selected:
            problems.append(Problem(f"duplicate_of {d.duplicate_of!r} is not a selected article",
                                    file=f"{path}:{d.row}", doc_id=d.indosum_id))
    if problems:
        raise IndoGeoIEError(problems)
    return decisions
