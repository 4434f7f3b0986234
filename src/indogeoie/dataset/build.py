"""``indogeoie build``: annotations and article metadata to ``dataset/``.

The build checks every document and writes nothing when a check fails. Each
document is tokenised once, then checked and turned into rows; with many
documents this runs in several processes, and the files are the same as from
one process (results come back in doc_id order). Rows are streamed into a
temporary folder that replaces the output folder only when everything is
written; a non-empty folder the build did not make (one without its
``MANIFEST.sha256``) is never replaced. The same inputs give byte-identical
files: no timestamps, fixed ordering, JSON written with a fixed layout.
"""

from __future__ import annotations

import filecmp
import gc
import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from indogeoie import paths
from indogeoie import io
from indogeoie.annotation.agreement import Agreement, agreement
from indogeoie.formats.articles import ArticleMeta, load_metadata, read_articles
from indogeoie.dataset.card import card_markdown, changelog_markdown
from indogeoie.formats.conll import rows_to_conll
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.hf import CONFIGS, SPLITS, SplitStats, data_file, document_rows, temporal_split
from indogeoie.records import AnnotatedDocument
from indogeoie.text.tokens import tokenize
from indogeoie.annotation.validate import check_against_articles, check_document, read_exports, validate

MANIFEST = "MANIFEST.sha256"
MANIFEST_HEADER = "# sha256 of every file, written by `indogeoie build`"
#: Below this many documents one process is faster than starting workers.
PARALLEL_FROM = 200


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote (or would write)."""

    out: Path
    files: tuple[str, ...]
    stats: dict[str, SplitStats]
    fingerprint: str


@dataclass
class _DocumentOutput:
    """One document, checked and converted (made in a worker process)."""

    doc_id: str
    problems: list[Problem]
    lines: dict[str, bytes] = field(default_factory=dict)  # config -> JSON Lines
    conll: dict[str, bytes] = field(default_factory=dict)  # config -> CoNLL text
    sentences: int = 0
    tokens: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    arguments: int = 0


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows).encode()


Job = tuple[AnnotatedDocument, ArticleMeta | None, int, str, str | None]
# The jobs of the build under way. Worker processes are forked after it is set, so they
# read it from memory they share with the parent instead of receiving pickled copies.
_JOBS: list[Job] = []


def _process_index(index: int) -> _DocumentOutput:
    return _process(_JOBS[index])


def _process(job: Job) -> _DocumentOutput:
    """Tokenise one document once; check it; make its rows, CoNLL and counts."""
    document, meta, fold, file, article_text = job
    tokenized = tokenize(document.text)
    problems = check_document(document, file=file, tokenized=tokenized)
    if article_text is not None:
        problems += check_against_articles((document,), {document.doc_id: article_text}, file=file)
    if problems:
        return _DocumentOutput(document.doc_id, problems)
    try:
        rows = document_rows(document, meta, fold, file=file, tokenized=tokenized)
    except IndoGeoIEError as error:
        return _DocumentOutput(document.doc_id, error.problems)
    return _DocumentOutput(
        doc_id=document.doc_id,
        problems=[],
        lines={config: _jsonl(rows[config]) for config in CONFIGS},
        conll={config: rows_to_conll(rows[config], config=config).encode() for config in ("ner", "events")},
        sentences=len(rows["ner"]),
        tokens=len(tokenized.tokens),
        entities=Counter(e.label for e in document.entities),
        events=Counter(e.type for e in document.events),
        arguments=sum(len(e.arguments) for e in document.events),
    )


def _outputs(jobs: list[Job]) -> Iterator[_DocumentOutput]:
    if len(jobs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        yield from map(_process, jobs)
        return
    global _JOBS
    tokenize("")  # load the pipeline once, before the workers fork
    _JOBS = jobs
    # Long-lived records move out of the collector's sight, so that no process walks them again.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(min(os.cpu_count() or 1, 4)) as pool:
            yield from pool.imap(_process_index, range(len(jobs)), chunksize=16)
    finally:
        _JOBS = []
        gc.unfreeze()


class _HashingWriter:
    """A file in the temporary folder, hashed as it is written."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.handle: BinaryIO = path.open("wb")
        self.sha = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.sha.update(data)

    def close(self) -> str:
        self.handle.close()
        return self.sha.hexdigest()


def _meta_from_task(document: AnnotatedDocument) -> ArticleMeta | None:
    fields = set(ArticleMeta.__dataclass_fields__)
    meta = {k: v for k, v in document.meta.items() if k in fields}
    if "doc_id" not in meta or "sha256" not in meta:
        return None
    try:
        return ArticleMeta(**meta)
    except TypeError:
        return None


def write_files(folder: Path, documents: tuple[AnnotatedDocument, ...], metas: dict[str, ArticleMeta | None],
                file_of: dict[str, Path], *, source: str, corpus: dict[str, str] | None,
                agreement_result: Agreement | None) -> BuildResult:
    """Write every file of the dataset into ``folder``; raise with every problem if a document fails."""
    plan = temporal_split(metas)
    ordered = sorted(documents, key=lambda d: d.doc_id)
    jobs = [(d, metas.get(d.doc_id), plan.fold_of[d.doc_id], str(file_of.get(d.doc_id, source)),
             corpus.get(d.doc_id, "") if corpus is not None else None) for d in ordered]
    data: dict[tuple[str, str], _HashingWriter] = {}
    conll: dict[tuple[str, str], _HashingWriter] = {}
    counts: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for output in _outputs(jobs):
        if output.problems or problems:
            problems += output.problems
            continue
        split = plan.split_of[output.doc_id]
        for config in CONFIGS:
            key = (config, split)
            if key not in data:
                data[key] = _HashingWriter(folder / "data" / config / f"{split}.partial")
            data[key].write(output.lines[config])
        for config in ("ner", "events"):
            key = (config, split)
            if key not in conll:
                conll[key] = _HashingWriter(folder / "conll" / config / f"{split}.conll")
            conll[key].write(output.conll[config])
        total = counts.setdefault(split, {"documents": 0, "sentences": 0, "tokens": 0, "entities": Counter(),
                                          "events": Counter(), "arguments": 0})
        total["documents"] += 1
        total["sentences"] += output.sentences
        total["tokens"] += output.tokens
        total["entities"].update(output.entities)
        total["events"].update(output.events)
        total["arguments"] += output.arguments
    digests = {key: writer.close() for key, writer in data.items()}
    conll_digests = {f"conll/{c}/{s}.conll": writer.close() for (c, s), writer in conll.items()}
    if problems:
        raise IndoGeoIEError(problems)
    changelog = changelog_markdown().encode()
    fingerprint = hashlib.sha256(b"".join(
        f"{config}/{split}\0{digest}\n".encode() for (config, split), digest in sorted(digests.items()))
        + changelog).hexdigest()
    # The datasets library caches a local folder by its card's features and data file
    # patterns, not by file contents. Naming the files after the content makes a rebuilt
    # dataset load fresh instead of stale.
    manifest: dict[str, str] = dict(conll_digests)
    for (config, split), digest in digests.items():
        name = data_file(config, split, fingerprint)
        (folder / "data" / config / f"{split}.partial").rename(folder / name)
        manifest[name] = digest
    stats = {split: SplitStats(c["documents"], c["sentences"], c["tokens"], c["entities"], c["events"],
                               c["arguments"]) for split, c in counts.items()}
    stats = {split: stats[split] for split in SPLITS if split in stats}
    present = {config: [s for s in SPLITS if (config, s) in digests] for config in CONFIGS}
    card = card_markdown(stats=stats, plan=plan, splits_present=present, fingerprint=fingerprint,
                         agreement=agreement_result, source=source).encode()
    for name, content in (("CHANGELOG.md", changelog), ("README.md", card)):
        (folder / name).write_bytes(content)
        manifest[name] = hashlib.sha256(content).hexdigest()
    (folder / MANIFEST).write_bytes((MANIFEST_HEADER + "\n" + "".join(
        f"{digest}  {name}\n" for name, digest in sorted(manifest.items()))).encode())
    return BuildResult(folder, tuple(sorted([*manifest, MANIFEST])), stats, fingerprint)


def _is_our_dataset(folder: Path) -> bool:
    manifest = folder / MANIFEST
    return manifest.is_file() and manifest.read_text(encoding="utf-8").startswith(MANIFEST_HEADER)


def _tree(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def differing_files(current: Path, fresh: Path) -> list[str]:
    """Relative paths that differ between two folders (missing, extra or changed)."""
    if not current.is_dir():
        return sorted(_tree(fresh))
    a, b = _tree(current), _tree(fresh)
    return [rel for rel in sorted(set(a) | set(b))
            if rel not in a or rel not in b or not filecmp.cmp(a[rel], b[rel], shallow=False)]


def build(*, exports: list[Path], out: Path, articles_dir: Path | None, agreement_dir: Path | None,
          check: bool = False, conll_out: Path | None = None) -> tuple[BuildResult, list[str]]:
    """Build the dataset from Label Studio exports.

    Args:
        exports: gold export files or folders.
        out: the dataset folder.
        articles_dir: the corpus (texts are checked against it and metadata taken from it),
            or None for an export of other articles, whose metadata comes from each task's ``meta``.
        agreement_dir: folder with the two ``annotator-*.json`` files, or None.
        check: write nothing to ``out``; return the files that differ.
        conll_out: also copy the CoNLL files there (``indogeoie export conll``).

    Returns:
        the build result and the relative paths that differ from (or were replaced in) ``out``.
    """
    if not check and out.exists() and any(out.iterdir()) and not _is_our_dataset(out):
        raise IndoGeoIEError(Problem(f"refusing to overwrite a non-empty folder that is not a dataset "
                                     f"built by indogeoie (no {MANIFEST}); choose an empty --out", file=str(out)))
    corpus = {a.doc_id: a.text for a in read_articles(articles_dir)} if articles_dir else None
    report = read_exports(exports)
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
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        result = write_files(fresh, report.documents, metas, report.file_of, source=source, corpus=corpus,
                             agreement_result=agreement_result)
        changed = differing_files(out, fresh)
        if conll_out is not None:
            for rel in result.files:
                if rel.startswith("conll/"):
                    io.write_bytes(conll_out / rel.removeprefix("conll/"), (fresh / rel).read_bytes())
        if check or not changed:
            return BuildResult(out, result.files, result.stats, result.fingerprint), changed
        io.swap_dir(fresh, out)
        return BuildResult(out, result.files, result.stats, result.fingerprint), changed
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _display(path: Path) -> str:
    """A path as the card shows it: relative to the checkout, so the card is the same from any cwd."""
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return path.name
