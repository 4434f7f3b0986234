"""The frozen split: reproducible, stratified, seeds in train, and never moved by adding an article."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from indogeoie import paths
from indogeoie.dataset.splits import (
    BLOCK,
    N_FOLDS,
    SplitDocument,
    assign_added,
    freeze_splits,
    read_splits,
    splits_tsv,
)
from indogeoie.errors import IndoGeoIEError


def documents(n: int) -> list[SplitDocument]:
    outlets = ["cnn", "antara", "suara"]
    return ([SplitDocument(f"00{i}_seed", "seed", None, "2020-01") for i in range(3)]
            + [SplitDocument(f"{100 + i}_x", "indosum", outlets[i % 3], f"2017-{1 + i % 12:02d}-01")
               for i in range(n)])


def test_the_freeze_is_reproducible_and_depends_on_the_seed() -> None:
    docs = documents(60)
    assert freeze_splits(docs) == freeze_splits(list(reversed(docs)))
    assert freeze_splits(docs, seed=1) != freeze_splits(docs, seed=2)


def test_seeds_are_train_and_indosum_is_dealt_in_proportion() -> None:
    rows = {a.doc_id: a for a in freeze_splits(documents(60))}
    assert all(rows[f"00{i}_seed"].split == "train" for i in range(3))
    dealt = Counter(a.split for doc_id, a in rows.items() if not doc_id.endswith("seed"))
    assert dealt == {split: count * 3 for split, count in BLOCK.items()}  # 60 = three whole blocks of 20
    by_outlet = Counter((d.outlet, rows[d.doc_id].split) for d in documents(60) if d.source == "indosum")
    assert all(by_outlet[(outlet, "test")] >= 5 for outlet in ("cnn", "antara", "suara"))  # stratified


def test_folds_are_balanced_over_all_documents() -> None:
    folds = Counter(a.fold for a in freeze_splits(documents(60)))
    assert set(folds) == set(range(N_FOLDS)) and max(folds.values()) - min(folds.values()) <= 1


def test_an_added_document_depends_only_on_its_own_id() -> None:
    one = assign_added(SplitDocument("200_aaaa", "indosum", "cnn", None))
    assert one == assign_added(SplitDocument("200_aaaa", "indosum", "antara", "2018-01-01"))
    assert one.assigned == "added" and 0 <= one.fold < N_FOLDS
    assert assign_added(SplitDocument("201_seed", "seed", None, None)).split == "train"


def test_the_committed_split_is_the_freeze_of_its_frozen_documents(corpus: dict) -> None:
    rows = read_splits(paths.SPLITS)
    assert set(rows) == set(corpus)  # every corpus document has its split
    frozen = [SplitDocument(d, corpus[d].meta.source, corpus[d].meta.outlet, corpus[d].meta.published)
              for d, row in rows.items() if row.assigned == "freeze"]
    assert {a.doc_id: a for a in freeze_splits(frozen)} == {d: r for d, r in rows.items() if r.assigned == "freeze"}
    indosum = [r for d, r in rows.items() if corpus[d].meta.source == "indosum"]
    assert sum(r.split == "test" for r in indosum) >= 0.25 * len(indosum)
    assert sum(r.split == "validation" for r in indosum) >= 0.10 * len(indosum)
    assert all(r.split == "train" for d, r in rows.items() if corpus[d].meta.source == "seed")
    assert paths.SPLITS.read_text(encoding="utf-8") == splits_tsv(list(rows.values()))


@pytest.mark.parametrize(
    ("line", "message"),
    [("d1\ttest\t7\tfreeze", r"splits\.tsv:2: doc d1: fold '7'; expected 0 to 4"),
     ("d1\tdev\t1\tfreeze", r"splits\.tsv:2: doc d1: split 'dev'; expected one of"),
     ("d1\ttest\t1", r"splits\.tsv:2: expected 4 tab-separated fields, found 3"),
     ("d1\ttest\t1\tfreeze\nd1\ttrain\t1\tfreeze", r"splits\.tsv:3: doc d1: doc_id listed twice")],
)
def test_a_broken_split_file_is_located(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "splits.tsv"
    path.write_text("doc_id\tsplit\tfold\tassigned\n" + line + "\n", encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match=message):
        read_splits(path)
