"""``indogeoie build``: annotations, corpus and split to ``dataset/``.

The build checks every document (:func:`indogeoie.annotation.validate.validate_document`)
and writes nothing when a check fails. Each document is tokenised once, then
checked and turned into rows; with many documents this runs in several
processes, and the files are the same as from one process (results come back
in doc_id order). The kb checker (:mod:`indogeoie.dataset.kb_check`) checks
each document's rows as they are made, and the ids of each split once all are
in. Rows go into a temporary folder, which replaces the output folder only
when every check passed, under a lock. A folder the build did not make, or one with a
file added or edited by hand since the last build, is never replaced without
``force``. The same inputs give byte-identical files: no timestamps, fixed
ordering, JSON written with a fixed layout.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indogeoie import io, paths
from indogeoie.annotation.actors import ActorTable
from indogeoie.corpus.documents import SourceDocument
from indogeoie.dataset.card import CardInputs, SplitStats, card_markdown
from indogeoie.dataset.convert import PLOVER_FILES, Job, normalized_entities, outputs
from indogeoie.dataset.kb_check import identifier_problems
from indogeoie.dataset.manifest import MANIFEST, MANIFEST_HEADER, HashingWriter, differing_files, hand_edits
from indogeoie.dataset.release import DATASET_VERSION
from indogeoie.dataset.splits import SPLITS, Assignment, SplitDocument, assign_added
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.hf import CONFIGS, TAG_COLUMNS, data_file
from indogeoie.formats.hf_features import stored_dataset_info
from indogeoie.formats.metadata import DocumentMeta, parse_meta
from indogeoie.records import AnnotatedDocument


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote (or would write)."""

    out: Path
    files: tuple[str, ...]
    stats: dict[str, SplitStats]
    fingerprint: str
    pending: tuple[str, ...]
    changed: tuple[str, ...]


def meta_from_task(document: AnnotatedDocument) -> DocumentMeta | None:
    """The provenance a task of an export outside the corpus carries in its ``meta``, if it is complete."""
    fields = set(DocumentMeta.__dataclass_fields__)
    record = {k: v for k, v in document.meta.items() if k in fields}
    try:
        return parse_meta(record, file="", doc_id=document.doc_id)
    except IndoGeoIEError:
        return None


def assignments_for(documents: tuple[AnnotatedDocument, ...], metas: dict[str, DocumentMeta | None],
                    splits: dict[str, Assignment] | None, *, file: str) -> dict[str, Assignment]:
    """Each document's split and fold: from the frozen split, or, for an outside export, by the added-document rule."""
    if splits is None:
        return {d.doc_id: assign_added(SplitDocument(d.doc_id, (metas[d.doc_id] or _UNKNOWN).source, None, None))
                for d in documents}
    missing = [d.doc_id for d in documents if d.doc_id not in splits]
    if missing:
        raise IndoGeoIEError([Problem("no split assigned to this document; run `indogeoie splits assign`", file, d)
                              for d in missing])
    return {d.doc_id: splits[d.doc_id] for d in documents}


_UNKNOWN = DocumentMeta(doc_id="", sha256="", source="external", licence="unknown")


def write_files(folder: Path, jobs: list[Job], split_of: dict[str, str], card: CardInputs,
                dataset_info: list[dict[str, Any]]) -> BuildResult:
    """Write every file of the dataset into ``folder``; raise with every problem if a document fails.

    ``dataset_info`` is the card's features entries (see :func:`indogeoie.formats.hf_features.stored_dataset_info`).
    """
    data: dict[tuple[str, str], HashingWriter] = {}
    conll: dict[tuple[str, str], HashingWriter] = {}
    plover = {name: HashingWriter(folder / "plover" / name) for name in PLOVER_FILES}
    stats: dict[str, SplitStats] = {}
    by_source: dict[tuple[str, str], SplitStats] = {}
    problems: list[Problem] = []
    source_of = {job.document.doc_id: (job.meta.source if job.meta else "unknown") for job in jobs}
    file_of = {job.document.doc_id: job.file for job in jobs}
    kb_ids: dict[str, list[tuple[str, str]]] = {}  # split -> (id, doc_id) of every documents row, in file order
    for output in outputs(jobs):
        if output.problems or problems:
            problems += output.problems
            continue
        split = split_of[output.doc_id]
        kb_ids.setdefault(split, []).extend((identifier, output.doc_id) for identifier in output.kb_ids)
        for config in CONFIGS:
            key = (config, split)
            if key not in data:
                data[key] = HashingWriter(folder / "data" / config / f"{split}.partial")
            data[key].write(output.lines[config])
        for config in TAG_COLUMNS:
            key = (config, split)
            if key not in conll:
                conll[key] = HashingWriter(folder / "conll" / config / f"{split}.conll")
            conll[key].write(output.conll[config])
        for name, content in zip(PLOVER_FILES, output.plover, strict=True):
            plover[name].write(content)
        stats[split] = stats.get(split, SplitStats()) + output.counts
        key = (source_of[output.doc_id], split)
        by_source[key] = by_source.get(key, SplitStats()) + output.counts
    for split, ids in kb_ids.items():
        problems += identifier_problems(split, ids, file=", ".join(sorted({file_of[d] for _, d in ids})))
    digests = {key: writer.close() for key, writer in data.items()}
    manifest = {f"conll/{c}/{s}.conll": writer.close() for (c, s), writer in conll.items()}
    manifest.update({f"plover/{name}": writer.close() for name, writer in plover.items()})
    if problems:
        raise IndoGeoIEError(problems)
    changelog = card.changelog.encode()
    fingerprint = hashlib.sha256(b"".join(
        f"{config}/{split}\0{digest}\n".encode() for (config, split), digest in sorted(digests.items()))
        + changelog).hexdigest()
    # The datasets library caches a local folder by its card's features and data file
    # patterns, not by file contents. Naming the files after the content makes a rebuilt
    # dataset load fresh instead of stale.
    for (config, split), digest in digests.items():
        name = data_file(config, split, fingerprint)
        (folder / "data" / config / f"{split}.partial").rename(folder / name)
        manifest[name] = digest
    ordered = {split: stats[split] for split in SPLITS if split in stats}
    present = {config: [s for s in SPLITS if (config, s) in digests] for config in CONFIGS}
    text = card_markdown(card, stats=ordered, by_source=by_source, splits_present=present,
                         fingerprint=fingerprint, dataset_info=dataset_info).encode()
    for name, content in (("CHANGELOG.md", changelog), ("README.md", text)):
        (folder / name).write_bytes(content)
        manifest[name] = hashlib.sha256(content).hexdigest()
    (folder / MANIFEST).write_bytes((MANIFEST_HEADER + "\n" + "".join(
        f"{digest}  {name}\n" for name, digest in sorted(manifest.items()))).encode())
    return BuildResult(folder, tuple(sorted([*manifest, MANIFEST])), ordered, fingerprint, card.pending, ())


def build(*, documents: tuple[AnnotatedDocument, ...], file_of: dict[str, Path], out: Path,
          corpus: dict[str, SourceDocument] | None, splits: dict[str, Assignment] | None, card: CardInputs,
          check: bool = False, force: bool = False, conll_out: Path | None = None,
          actors: ActorTable | None = None, plover_out: Path | None = None) -> BuildResult:
    """Build the dataset from documents read from exports.

    Args:
        documents: the annotated documents (already read from their exports).
        file_of: the export each came from, for messages.
        out: the dataset folder.
        corpus: the corpus documents (texts and tokens are checked against them, metadata taken
            from them), or None for an export of other texts, whose metadata comes from each task.
        splits: the frozen split, or None (an outside export: the added-document rule).
        card: what the card says beyond the counts.
        check: write nothing to ``out``; report the files that differ.
        force: replace files added or edited by hand in ``out``.
        conll_out: also copy the CoNLL files there (``indogeoie export conll``).
        actors: the actor normalisation table (fills the entities' kb ``normalized`` and the PLOVER records).
        plover_out: also copy the PLOVER records there (``indogeoie export plover``).
    """
    dataset_info = stored_dataset_info(paths.DATASET_INFO)
    metas: dict[str, DocumentMeta | None] = {}
    problems = []
    for document in documents:
        if corpus is not None:
            source = corpus.get(document.doc_id)
            if source is None:
                problems.append(Problem("no document with this doc_id in the corpus",
                                        str(file_of.get(document.doc_id, "")), document.doc_id))
                continue
            metas[document.doc_id] = source.meta
        else:
            metas[document.doc_id] = meta_from_task(document)
    if problems:
        raise IndoGeoIEError(problems)
    assigned = assignments_for(documents, metas, splits, file=str(out))
    jobs = [Job(d, metas[d.doc_id], assigned[d.doc_id].fold, str(file_of.get(d.doc_id, "")),
                corpus.get(d.doc_id) if corpus is not None else None, normalized_entities(d, actors), actors,
                assigned[d.doc_id].split)
            for d in sorted(documents, key=lambda d: d.doc_id)]
    split_of = {doc_id: a.split for doc_id, a in assigned.items()}
    with io.folder_lock(out):
        if not check and not force:
            edited = hand_edits(out)
            if edited:
                raise IndoGeoIEError(Problem(
                    f"{len(edited)} file(s) here were added or edited by hand since the last build "
                    f"({', '.join(edited[:5])}); the build would remove them. Move them elsewhere, or pass "
                    "--force to replace them", file=str(out)))
        fresh = io.new_folder_beside(out)
        try:
            result = write_files(fresh, jobs, split_of, card, dataset_info)
            changed = differing_files(out, fresh)
            for prefix, target in (("conll/", conll_out), ("plover/", plover_out)):
                if target is None:
                    continue
                for rel in result.files:
                    if rel.startswith(prefix):
                        io.write_bytes(target / rel.removeprefix(prefix), (fresh / rel).read_bytes())
            if not check and changed:
                io.swap_folder(fresh, out)
        finally:
            if fresh.exists():
                import shutil

                shutil.rmtree(fresh, ignore_errors=True)
    return BuildResult(out, result.files, result.stats, result.fingerprint, card.pending, tuple(changed))


__all__ = ["DATASET_VERSION", "BuildResult", "build"]
