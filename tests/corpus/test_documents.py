"""The corpus: both sources read, each IndoSum record checked against its provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indogeoie.corpus.documents import indosum_documents, load_corpus
from indogeoie.corpus.indosum_import import record_sha256
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.indosum import CITATION_SHORT, LICENCE, REPOSITORY, published_from_url


def test_every_document_has_source_licence_and_tokens(corpus: dict) -> None:
    assert {d.meta.source for d in corpus.values()} == {"seed", "indosum"}
    for doc_id, document in corpus.items():
        assert document.meta.licence
        tokenized = document.tokenized()
        assert tokenized.tokens and all(document.text[t.start:t.end] == t.text for t in tokenized.tokens)
        assert doc_id == document.meta.doc_id


def test_each_indosum_document_carries_its_provenance(corpus: dict, annotations_copy: Path) -> None:
    lines = (annotations_copy / "sources" / "indosum" / "records.jsonl").read_bytes().split(b"\n")[:-1]
    by_sha = {record_sha256(line): json.loads(line) for line in lines}
    indosum = [d for d in corpus.values() if d.meta.source == "indosum"]
    assert len(indosum) == len(lines)
    for document in indosum:
        record = by_sha[document.meta.sha256]
        provenance = document.meta.provenance
        assert document.doc_id.split("_", 1)[1] == document.meta.sha256[:16]
        assert provenance["record_id"] == record["id"] and provenance["repository"] == REPOSITORY
        assert provenance["citation"] == CITATION_SHORT and document.meta.licence == LICENCE
        assert (document.meta.outlet, document.meta.url) == (record["source"], record["source_url"])
        assert document.meta.published == published_from_url(record["source_url"])
        assert provenance["file"].startswith("indosum/dev.") and provenance["line"] >= 1


def test_a_record_edited_after_import_is_located(annotations_copy: Path) -> None:
    folder = annotations_copy / "sources" / "indosum"
    lines = (folder / "records.jsonl").read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b'"', b'"', 1) + b" "
    (folder / "records.jsonl").write_bytes(b"\n".join(lines))
    with pytest.raises(IndoGeoIEError, match=r"records\.jsonl:3: the record's sha256 [0-9a-f]{16}\.\.\. matches no "
                                             r"metadata record"):
        indosum_documents(folder)


def test_metadata_that_no_longer_matches_its_record_is_located(annotations_copy: Path) -> None:
    folder = annotations_copy / "sources" / "indosum"
    records = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    doc_id = sorted(records)[0]
    records[doc_id]["outlet"] = "the daily planet"
    (folder / "metadata.json").write_text(json.dumps(records, indent=2), encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match=rf"records\.jsonl:\d+: doc {doc_id}: metadata outlet is 'the daily "
                                             r"planet', but the record gives"):
        indosum_documents(folder)


def test_a_removed_record_is_located(annotations_copy: Path) -> None:
    folder = annotations_copy / "sources" / "indosum"
    lines = (folder / "records.jsonl").read_bytes().split(b"\n")
    (folder / "records.jsonl").write_bytes(b"\n".join(lines[1:]))
    with pytest.raises(IndoGeoIEError, match=r"metadata\.json: doc \d{3}_[0-9a-f]{16}: no stored record has this "
                                             r"document's sha256"):
        load_corpus(annotations_copy)
