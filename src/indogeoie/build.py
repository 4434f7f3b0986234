"""``indogeoie build``: annotations and article metadata to ``dataset/``.

The build validates first and writes nothing when validation fails. It writes
into a temporary folder that replaces the output folder only when everything
is written, and it refuses to replace a non-empty folder that it did not make
(one without its ``MANIFEST.sha256``). The same inputs give byte-identical
files: no timestamps, fixed ordering, JSON written with a fixed layout.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indogeoie import atomic, paths
from indogeoie.agreement import Agreement, agreement
from indogeoie.articles import ArticleMeta, load_metadata, read_articles
from indogeoie.card import card_markdown, changelog_markdown
from indogeoie.conll import rows_to_conll
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.hfdataset import (
    CONFIGS,
    SPLITS,
    SplitStats,
    data_file,
    document_rows,
    split_stats,
    temporal_split,
)
from indogeoie.records import AnnotatedDocument
from indogeoie.validate import validate

MANIFEST = "MANIFEST.sha256"
MANIFEST_HEADER = "# sha256 of every file, written by `indogeoie build`"


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote (or would write)."""

    out: Path
    files: dict[str, bytes]
    stats: dict[str, SplitStats]
    fingerprint: str


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows).encode()


def _meta_from_task(document: AnnotatedDocument) -> ArticleMeta | None:
    fields = set(ArticleMeta.__dataclass_fields__)
    meta = {k: v for k, v in document.meta.items() if k in fields}
    if "doc_id" not in meta or "sha256" not in meta:
        return None
    try:
        return ArticleMeta(**meta)
    except TypeError:
        return None


def dataset_files(documents: tuple[AnnotatedDocument, ...], metas: dict[str, ArticleMeta | None], *,
                  source: str, agreement_result: Agreement | None) -> BuildResult:
    """Every file of the dataset folder, as bytes, by relative path."""
    plan = temporal_split(metas)
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {
        split: {config: [] for config in CONFIGS} for split in SPLITS}
    for document in sorted(documents, key=lambda d: d.doc_id):
        split = plan.split_of[document.doc_id]
        produced = document_rows(document, metas.get(document.doc_id), plan.fold_of[document.doc_id],
                                 file=source)
        for config in CONFIGS:
            rows[split][config] += produced[config]
    data: dict[tuple[str, str], bytes] = {}
    present: dict[str, list[str]] = {config: [] for config in CONFIGS}
    conll: dict[str, bytes] = {}
    for split in SPLITS:
        if not rows[split]["documents"]:
            continue
        for config in CONFIGS:
            data[(config, split)] = _jsonl(rows[split][config])
            present[config].append(split)
        for config in ("ner", "events"):
            conll[f"conll/{config}/{split}.conll"] = rows_to_conll(rows[split][config], config=config).encode()
    changelog = changelog_markdown().encode()
    fingerprint = hashlib.sha256(b"".join(
        f"{config}/{split}\0{hashlib.sha256(blob).hexdigest()}\n".encode()
        for (config, split), blob in sorted(data.items())) + changelog).hexdigest()
    # The datasets library caches a local folder by its card's features and data file
    # patterns, not by file contents. Naming the files after the content makes a rebuilt
    # dataset load fresh instead of stale.
    data_paths = {key: data_file(key[0], key[1], fingerprint) for key in data}
    files: dict[str, bytes] = {data_paths[key]: blob for key, blob in data.items()}
    files.update(conll)
    files["CHANGELOG.md"] = changelog
    stats = {split: split_stats(rows[split]) for split in SPLITS if rows[split]["documents"]}
    files["README.md"] = card_markdown(stats=stats, plan=plan, splits_present=present, fingerprint=fingerprint,
                                       agreement=agreement_result, source=source).encode()
    files[MANIFEST] = (MANIFEST_HEADER + "\n" + "".join(
        f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items()))).encode()
    return BuildResult(Path(), files, stats, fingerprint)


def _is_our_dataset(folder: Path) -> bool:
    manifest = folder / MANIFEST
    return manifest.is_file() and manifest.read_text(encoding="utf-8").startswith(MANIFEST_HEADER)


def _tree(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def stale_files(out: Path, files: dict[str, bytes]) -> list[str]:
    """Relative paths that differ between ``out`` and ``files`` (missing, extra or changed)."""
    if not out.is_dir():
        return sorted(files)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for rel, data in files.items():
            (fresh / rel).parent.mkdir(parents=True, exist_ok=True)
            (fresh / rel).write_bytes(data)
        current, wanted = _tree(out), _tree(fresh)
        changed = [rel for rel in sorted(set(current) | set(wanted))
                   if rel not in current or rel not in wanted
                   or not filecmp.cmp(current[rel], wanted[rel], shallow=False)]
    return changed


def write_dataset(out: Path, files: dict[str, bytes]) -> None:
    """Replace ``out`` with ``files`` atomically; refuse a non-empty folder the build did not make."""
    if out.exists() and any(out.iterdir()) and not _is_our_dataset(out):
        raise IndoGeoIEError(Problem(f"refusing to overwrite a non-empty folder that is not a dataset "
                                     f"built by indogeoie (no {MANIFEST}); choose an empty --out",
                                     file=str(out)))
    with atomic.replace_dir(out) as tmp:
        for rel, data in sorted(files.items()):
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def build(*, exports: list[Path], out: Path, articles_dir: Path | None, agreement_dir: Path | None,
          check: bool = False) -> tuple[BuildResult, list[str]]:
    """Build the dataset from Label Studio exports.

    Args:
        exports: gold export files or folders.
        out: the dataset folder.
        articles_dir: the corpus (texts are checked against it and metadata taken from it),
            or None for an export of other articles, whose metadata comes from each task's ``meta``.
        agreement_dir: folder with the two ``annotator-*.json`` files, or None.
        check: write nothing; return the files that differ.

    Returns:
        the build result and the list of files that differ from (or were written to) ``out``.
    """
    corpus = {a.doc_id: a.text for a in read_articles(articles_dir)} if articles_dir else None
    report = validate(paths=exports, articles=corpus)
    if report.problems:
        raise IndoGeoIEError(list(report.problems))
    known = load_metadata(articles_dir) if articles_dir else {}
    metas = {d.doc_id: known.get(d.doc_id) or _meta_from_task(d) for d in report.documents}
    agreement_result = None
    if agreement_dir is not None:
        pair = sorted(agreement_dir.glob("annotator-*.json"))
        if len(pair) == 2:
            first, second = (validate(paths=[p], articles=corpus) for p in pair)
            if first.problems or second.problems:
                raise IndoGeoIEError(list(first.problems + second.problems))
            agreement_result = agreement(first.documents, second.documents)
    source = ", ".join(_display(p) for p in exports)
    result = dataset_files(report.documents, metas, source=source, agreement_result=agreement_result)
    result = BuildResult(out, result.files, result.stats, result.fingerprint)
    changed = stale_files(out, result.files)
    if not check and changed:
        write_dataset(out, result.files)
    return result, changed


def _display(path: Path) -> str:
    """A path as the card shows it: relative to the checkout, so the card is the same from any cwd."""
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return path.name
