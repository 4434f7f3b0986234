"""What a build of the checkout's dataset reads: the gold, the corpus, the frozen split and the card's text.

:func:`checkout_build` is ``indogeoie build`` without options: the gold
annotations against the corpus, the split from ``annotations/splits.tsv``,
and a card that names the sources, the pending documents, the selection and
the agreement studies.
"""

from __future__ import annotations

from pathlib import Path

from indogeoie import paths
from indogeoie.annotation.actors import checkout_actor_table
from indogeoie.annotation.agreement import agreement_summary_lines, load_studies
from indogeoie.annotation.validate import checkout_gold, read_exports
from indogeoie.corpus.documents import SourceDocument
from indogeoie.corpus.selection import read_selection
from indogeoie.dataset.build import BuildResult, build
from indogeoie.dataset.card import CardInputs, SourceSummary
from indogeoie.dataset.release import DATASET_VERSION, changelog_text
from indogeoie.dataset.splits import read_splits
from indogeoie.errors import IndoGeoIEError


def source_summaries(corpus: dict[str, SourceDocument], annotated: set[str]) -> tuple[SourceSummary, ...]:
    """Documents, pending documents, date range and licence of each source."""
    summaries = []
    for source in sorted({d.meta.source for d in corpus.values()}, key=lambda s: (s != "seed", s)):
        docs = [d for d in corpus.values() if d.meta.source == source]
        dates = sorted(d.meta.published[:10] for d in docs if d.meta.published)
        licences = sorted({d.meta.licence for d in docs})
        summaries.append(SourceSummary(
            name=source, documents=len(docs), pending=sum(1 for d in docs if d.doc_id not in annotated),
            first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
            undated=sum(1 for d in docs if not d.meta.published), licence="; ".join(licences)))
    return tuple(summaries)


def selection_line(selection: Path) -> str | None:
    """One sentence on how the IndoSum articles were selected, from the selection file."""
    if not selection.exists():
        return None
    decisions = read_selection(selection)
    count = {kind: sum(1 for d in decisions if d.decision == kind) for kind in ("select", "reject", "duplicate")}
    return (f"The IndoSum articles were selected by reading each of {len(decisions)} candidates (articles in an "
            "international section or with geopolitical keywords, outside sport and entertainment): "
            f"{count['select']} selected as international politics, {count['reject']} left out (sport, "
            "entertainment, crime with no political actor, disasters and accidents, business-only and domestic "
            f"stories, routine elections and polls), {count['duplicate']} left out as another outlet's copy of a "
            "selected story. Every decision and its reason is in `annotations/sources/indosum/selection.tsv`.")


def checkout_build(*, out: Path = paths.DATASET, check: bool = False, force: bool = False,
                   conll_out: Path | None = None, plover_out: Path | None = None) -> BuildResult:
    """Build the dataset of this checkout: the gold against the corpus, the frozen split, the full card.

    Args:
        out: the dataset folder.
        check: write nothing; report the files that differ.
        force: replace files added or edited by hand in ``out``.
        conll_out: also copy the CoNLL files there.
        plover_out: also copy the PLOVER records there.
    """
    corpus, report = checkout_gold()
    annotated = {d.doc_id for d in report.documents}
    studies = load_studies(paths.AGREEMENT, corpus=corpus)
    card = CardInputs(version=DATASET_VERSION, changelog=changelog_text(),
                      built_from="annotations/gold with the corpus in annotations/",
                      sources=source_summaries(corpus, annotated),
                      pending=tuple(sorted(set(corpus) - annotated)),
                      agreement_lines=tuple(agreement_summary_lines(studies)),
                      selection_line=selection_line(paths.SELECTION))
    return build(documents=report.documents, file_of=report.file_of, out=out, corpus=corpus,
                 splits=read_splits(paths.SPLITS), card=card, check=check, force=force, conll_out=conll_out,
                 actors=checkout_actor_table(), plover_out=plover_out)


def export_build(*, exports: list[Path], out: Path, check: bool = False, force: bool = False) -> BuildResult:
    """Build a dataset from Label Studio exports of any texts, with the metadata their tasks carry.

    The exports are read (structure, names, offsets, ids) here; the checks that need tokens run once, in the
    build's conversion of each document.
    """
    report = read_exports(exports)
    if report.problems:
        raise IndoGeoIEError(list(report.problems))
    card = CardInputs(version=DATASET_VERSION, changelog=changelog_text(),
                      built_from=", ".join(p.name for p in exports))
    return build(documents=report.documents, file_of=report.file_of, out=out, corpus=None, splits=None, card=card,
                 check=check, force=force, actors=checkout_actor_table())
