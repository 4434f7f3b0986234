"""The selection file: a decision and a reason for every candidate, and every malformed row located."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from indogeoie import paths
from indogeoie.corpus.selection import HEADER, read_selection
from indogeoie.errors import IndoGeoIEError

HEAD = "\t".join(HEADER)


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "selection.tsv"
    path.write_text(HEAD + "\n" + textwrap.dedent(rows).lstrip("\n").replace("|", "\t"), encoding="utf-8")
    return path


def test_a_small_selection_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, """
        1-a|dev.01.jsonl|3|select|005_0123456789abcdef||International politics
        1-b|dev.01.jsonl|4|reject|||Sport
        1-c|dev.02.jsonl|9|duplicate||1-a|Same story as 1-a
    """)
    decisions = read_selection(path)
    assert [(d.indosum_id, d.decision, d.doc_id, d.duplicate_of) for d in decisions] == [
        ("1-a", "select", "005_0123456789abcdef", None), ("1-b", "reject", None, None),
        ("1-c", "duplicate", None, "1-a")]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("1-a|dev.01.jsonl|3|select|005_0123456789abcdef||ok\n1-a|dev.01.jsonl|5|reject|||no\n",
         r"selection\.tsv:3: doc 1-a: '1-a' is decided twice \(also line 2\)"),
        ("1-a|dev.01.jsonl|3|keep|||ok\n", r"selection\.tsv:2: doc 1-a: decision 'keep'; expected one of"),
        ("1-a|dev.01.jsonl|3|select|5_abc||ok\n", r"selection\.tsv:2: doc 1-a: a selected article needs a doc_id"),
        ("1-a|dev.01.jsonl|x|reject|||ok\n", r"selection\.tsv:2: doc 1-a: line 'x' is not a positive line number"),
        ("1-a|dev.01.jsonl|3|reject|||\n", r"selection\.tsv:2: doc 1-a: every decision needs a one-line reason"),
        ("1-a|dev.01.jsonl|3|duplicate||1-z|copy\n",
         r"selection\.tsv:2: doc 1-a: duplicate_of '1-z' is not a selected article"),
        ("1-a|dev.01.jsonl|3\n", r"selection\.tsv:2: doc 1-a: expected 7 tab-separated fields"),
    ],
)
def test_malformed_rows_are_located(tmp_path: Path, rows: str, message: str) -> None:
    with pytest.raises(IndoGeoIEError, match=message):
        read_selection(write(tmp_path, rows))


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "selection.tsv"
    path.write_text("id\tdecision\n", encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match=r"selection\.tsv:1: the first line must be the header"):
        read_selection(path)


def test_the_committed_selection_decides_every_candidate_once(corpus: dict) -> None:
    decisions = read_selection(paths.SELECTION)
    assert len({d.indosum_id for d in decisions}) == len(decisions)
    selected = {d.doc_id for d in decisions if d.decision == "select"}
    indosum = {doc_id for doc_id, d in corpus.items() if d.meta.source == "indosum"}
    assert selected == indosum  # every selected article is in the corpus, and nothing else from IndoSum is
    assert all(d.reason.strip() for d in decisions)
