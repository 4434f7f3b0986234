"""Importing selected IndoSum records: byte copies with provenance, and every broken reference located."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from indogeoie.corpus.indosum_import import import_indosum, record_sha256
from indogeoie.corpus.selection import HEADER
from indogeoie.errors import IndoGeoIEError

LINES = [
    b'{"id": "1501-damai", "paragraphs": [[["Jakarta", ",", "CNN", "-", "-", "RI", "berunding", "."]]], '
    b'"source": "cnn indonesia", "source_url": "http://www.cnnindonesia.com/internasional/20170809115846-1-2/x/"}',
    b'{"id": "1502-bola", "paragraphs": [[["Gol", "!"]]], "source": "suara", '
    b'"source_url": "http://www.suara.com/news/2017/08/10/1/x"}',
]


@pytest.fixture()
def source(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "indosum"
    folder.mkdir()
    data = b"\n".join(LINES) + b"\n"
    (folder / "dev.01.jsonl").write_bytes(data)
    (folder / "dev.02.jsonl").write_bytes(LINES[0] + b"\n")  # the folds overlap
    return folder, {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
                    for name in ("dev.01.jsonl", "dev.02.jsonl")}


def selection(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "out" / "selection.tsv"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\t".join(HEADER) + "\n" + "".join(r.replace("|", "\t") + "\n" for r in rows), encoding="utf-8")
    return path


def doc_id(number: int, line: bytes) -> str:
    return f"{number:03d}_{record_sha256(line)[:16]}"


def test_selected_records_are_copied_byte_for_byte_with_provenance(tmp_path: Path, source: tuple) -> None:
    folder, sums = source
    sel = selection(tmp_path, [f"1501-damai|dev.01.jsonl|1|select|{doc_id(5, LINES[0])}||diplomacy",
                               "1502-bola|dev.01.jsonl|2|reject|||sport"])
    report = import_indosum(selection_path=sel, source_dir=folder, out_dir=sel.parent, file_sha256=sums)
    assert (report.selected, report.rejected) == (1, 1)
    assert (sel.parent / "records.jsonl").read_bytes() == LINES[0] + b"\n"
    meta = json.loads((sel.parent / "metadata.json").read_text(encoding="utf-8"))[doc_id(5, LINES[0])]
    assert meta["sha256"] == record_sha256(LINES[0])
    assert (meta["source"], meta["licence"], meta["outlet"], meta["published"]) == (
        "indosum", "CC-BY-SA-4.0", "cnn indonesia", "2017-08-09")
    assert meta["provenance"]["file"] == "indosum/dev.01.jsonl" and meta["provenance"]["line"] == 1
    assert meta["provenance"]["also_in"] == ["indosum/dev.02.jsonl:1"]
    again = import_indosum(selection_path=sel, source_dir=folder, out_dir=sel.parent, file_sha256=sums, check=True)
    assert again.changed == ()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1599-hilang|dev.01.jsonl|1|reject|||x",
         r"selection\.tsv:2: doc 1599-hilang: dev\.01\.jsonl:1 holds '1501-damai', not this id"),
        ("1501-damai|dev.01.jsonl|9|reject|||x", r"selection\.tsv:2: doc 1501-damai: dev\.01\.jsonl has no line 9"),
        ("1501-damai|dev.09.jsonl|1|reject|||x", r"file 'dev\.09\.jsonl' is not an IndoSum file of this import"),
        ("1501-damai|dev.01.jsonl|1|select|005_ffffffffffffffff||x",
         r"doc_id 005_ffffffffffffffff must end with the first 16 hex digits of the record's sha256"),
    ],
)
def test_broken_references_are_located_and_nothing_is_written(tmp_path: Path, source: tuple, row: str,
                                                               message: str) -> None:
    folder, sums = source
    sel = selection(tmp_path, [row])
    with pytest.raises(IndoGeoIEError, match=message):
        import_indosum(selection_path=sel, source_dir=folder, out_dir=sel.parent, file_sha256=sums)
    assert not (sel.parent / "records.jsonl").exists()


def test_a_changed_source_file_is_refused(tmp_path: Path, source: tuple) -> None:
    folder, sums = source
    sel = selection(tmp_path, ["1502-bola|dev.01.jsonl|2|reject|||sport"])
    with pytest.raises(IndoGeoIEError, match=r"dev\.02\.jsonl: sha256 [0-9a-f]{64} differs from"):
        import_indosum(selection_path=sel, source_dir=folder, out_dir=sel.parent,
                       file_sha256={**sums, "dev.02.jsonl": "0" * 64})
