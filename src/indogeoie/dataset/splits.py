"""The benchmark split and the cross-validation folds, frozen in a file before annotation.

``annotations/splits.tsv`` gives every document of the corpus its split and
its fold::

    doc_id	split	fold	assigned
    000_4285796cfa4b3b39	train	2	freeze
    005_c1ed21ddf8219262	test	0	freeze
    163_0123456789abcdef	validation	4	added

The file is the truth: the build reads it and never recomputes it.
:func:`freeze_splits` made the rows marked ``freeze``, once, before any
IndoSum article was annotated; a test re-runs it on those documents and must
get the same rows. A document added later gets a row by :func:`assign_added`,
which depends on nothing but its doc_id and the seed, so that adding an
article never moves another.

How the freeze works, with seed :data:`SPLIT_SEED`:

* the seed articles are train: the guidelines quote them throughout;
* the IndoSum articles are ordered by outlet, then date, then a seeded hash,
  and dealt in blocks of 20 into a seeded shuffle of 6 test, 3 validation and
  11 train places (systematic sampling from a sorted list, which stratifies by
  outlet and date at once);
* every document is dealt the same way, ordered by source, outlet, date and
  hash, into blocks of the 5 folds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from indogeoie.errors import IndoGeoIEError, Problem

SPLITS = ("train", "validation", "test")
N_FOLDS = 5
SPLIT_SEED = 20261122
#: Places in one block of the freeze, by split: 30% test, 15% validation, 55% train.
BLOCK = {"test": 6, "validation": 3, "train": 11}
HEADER = ("doc_id", "split", "fold", "assigned")
ASSIGNED = ("freeze", "added")
#: The source whose articles are always train (the guidelines quote them).
TRAIN_ONLY_SOURCE = "seed"


@dataclass(frozen=True)
class SplitDocument:
    """What the split needs to know of a document."""

    doc_id: str
    source: str
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class Assignment:
    """A document's split and fold, and how it got them."""

    doc_id: str
    split: str
    fold: int
    assigned: str


def _hash(seed: int, *parts: object) -> str:
    return hashlib.sha256(":".join(str(p) for p in (seed, *parts)).encode()).hexdigest()


def _order(documents: Sequence[SplitDocument], seed: int) -> list[SplitDocument]:
    return sorted(documents, key=lambda d: (d.source, d.outlet or "", d.published or "9999",
                                            _hash(seed, d.doc_id)))


def _deal(documents: list[SplitDocument], places: list[str], seed: int, salt: str) -> dict[str, str]:
    """Deal ordered documents into blocks, each a seeded shuffle of ``places``."""
    dealt = {}
    for start in range(0, len(documents), len(places)):
        block = start // len(places)
        order = sorted(range(len(places)), key=lambda i: _hash(seed, salt, block, i))
        shuffled = [places[i] for i in order]
        for document, place in zip(documents[start:start + len(places)], shuffled, strict=False):
            dealt[document.doc_id] = place
    return dealt


def freeze_splits(documents: Sequence[SplitDocument], *, seed: int = SPLIT_SEED) -> list[Assignment]:
    """Split and folds for ``documents`` (all of them at once), sorted by doc_id.

    Args:
        documents: every document of the corpus.
        seed: the seed; the same documents and seed always give the same rows.
    """
    places = [split for split, count in BLOCK.items() for _ in range(count)]
    others = _order([d for d in documents if d.source != TRAIN_ONLY_SOURCE], seed)
    split_of = _deal(others, places, seed, "split")
    fold_of = _deal(_order(list(documents), seed), [str(k) for k in range(N_FOLDS)], seed, "fold")
    return [Assignment(d.doc_id, split_of.get(d.doc_id, "train"), int(fold_of[d.doc_id]), "freeze")
            for d in sorted(documents, key=lambda d: d.doc_id)]


def assign_added(document: SplitDocument, *, seed: int = SPLIT_SEED) -> Assignment:
    """The split and fold of a document added after the freeze, from its doc_id alone.

    >>> assign_added(SplitDocument("200_00000000000000aa", "indosum", None, None)).assigned
    'added'
    """
    if document.source == TRAIN_ONLY_SOURCE:
        split = "train"
    else:
        position = int(_hash(seed, "added", document.doc_id), 16) % sum(BLOCK.values())
        split = next(s for s, upto in _cumulative() if position < upto)
    fold = int(_hash(seed, "added-fold", document.doc_id), 16) % N_FOLDS
    return Assignment(document.doc_id, split, fold, "added")


def _cumulative() -> list[tuple[str, int]]:
    total, bounds = 0, []
    for split, count in BLOCK.items():
        total += count
        bounds.append((split, total))
    return bounds


def splits_tsv(assignments: Sequence[Assignment]) -> str:
    """The split file's text, rows in doc_id order."""
    rows = ["\t".join(HEADER)]
    rows += [f"{a.doc_id}\t{a.split}\t{a.fold}\t{a.assigned}" for a in sorted(assignments, key=lambda a: a.doc_id)]
    return "\n".join(rows) + "\n"


def read_splits(path: Path) -> dict[str, Assignment]:
    """Read the split file; raise with every malformed row located by line.

    Args:
        path: ``annotations/splits.tsv``.
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise IndoGeoIEError(Problem(f"cannot read the split file: {error}", file=str(path))) from None
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise IndoGeoIEError(Problem(f"the first line must be the header {list(HEADER)}", file=f"{path}:1"))
    problems, rows = [], {}
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        where = f"{path}:{number}"
        if len(fields) != len(HEADER):
            problems.append(Problem(f"expected {len(HEADER)} tab-separated fields, found {len(fields)}", where))
            continue
        doc_id, split, fold, assigned = fields
        if split not in SPLITS:
            problems.append(Problem(f"split {split!r}; expected one of {list(SPLITS)}", where, doc_id))
        elif fold not in {str(k) for k in range(N_FOLDS)}:
            problems.append(Problem(f"fold {fold!r}; expected 0 to {N_FOLDS - 1}", where, doc_id))
        elif assigned not in ASSIGNED:
            problems.append(Problem(f"assigned {assigned!r}; expected one of {list(ASSIGNED)}", where, doc_id))
        elif doc_id in rows:
            problems.append(Problem("doc_id listed twice", where, doc_id))
        else:
            rows[doc_id] = Assignment(doc_id, split, int(fold), assigned)
    if problems:
        raise IndoGeoIEError(problems)
    return rows


def checkout_assign() -> str:
    """The split file with every corpus document that has no row yet given one by :func:`assign_added`."""
    from indogeoie import paths
    from indogeoie.corpus.documents import load_corpus

    rows = read_splits(paths.SPLITS) if paths.SPLITS.exists() else {}
    for doc_id, document in load_corpus(paths.ANNOTATIONS).items():
        if doc_id not in rows:
            meta = document.meta
            rows[doc_id] = assign_added(SplitDocument(doc_id, meta.source, meta.outlet, meta.published))
    return splits_tsv(list(rows.values()))
