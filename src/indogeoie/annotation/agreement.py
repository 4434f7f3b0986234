"""Inter-annotator agreement between two annotations of the same documents.

Entities: exact span and type, F1 per type and micro-averaged. Triggers: exact
span and event type. Arguments: (doc, trigger span, role, argument span).
Modality: over triggers that both annotators marked with the same span and
type, the share with the same modality, and Cohen's kappa. F1 is symmetric, so
it does not matter which annotation is taken as the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from indogeoie.benchmark.scoring import PRF, set_prf
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.records import AnnotatedDocument
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES

if TYPE_CHECKING:
    from indogeoie.corpus.documents import SourceDocument

#: An agreement study is a folder of annotations/agreement/ holding these two files.
FIRST, SECOND = "annotator-a.json", "annotator-b.json"


@dataclass(frozen=True)
class Agreement:
    """Agreement figures for two annotations of the same documents."""

    doc_ids: tuple[str, ...]
    entities: PRF
    entities_by_type: dict[str, PRF]
    triggers: PRF
    triggers_by_type: dict[str, PRF]
    trigger_spans: PRF  # span only, type ignored
    arguments: PRF
    arguments_by_role: dict[str, PRF]
    modality_compared: int
    modality_same: int
    modality_kappa: float

    @property
    def modality_agreement(self) -> float:
        return self.modality_same / self.modality_compared if self.modality_compared else 1.0


def _entities(docs: dict[str, AnnotatedDocument]) -> set[tuple[str, int, int, str]]:
    return {(d, e.start, e.end, e.label) for d, doc in docs.items() for e in doc.entities}


def _triggers(docs: dict[str, AnnotatedDocument]) -> set[tuple[str, int, int, str]]:
    return {(d, ev.trigger.start, ev.trigger.end, ev.type) for d, doc in docs.items() for ev in doc.events}


def argument_tuples(docs: dict[str, AnnotatedDocument]) -> set[tuple[str, int, int, str, int, int]]:
    """(doc, trigger start, trigger end, role, argument start, argument end) for every argument."""
    tuples = set()
    for doc_id, doc in docs.items():
        entities = doc.entity_by_id()
        for event in doc.events:
            for argument in event.arguments:
                filler = entities[argument.ref_id]
                tuples.add((doc_id, event.trigger.start, event.trigger.end, argument.role,
                            filler.start, filler.end))
    return tuples


def agreement(first: tuple[AnnotatedDocument, ...], second: tuple[AnnotatedDocument, ...],
              *, files: tuple[str, str] = ("A", "B")) -> Agreement:
    """Agreement of two annotations over the documents they share.

    Args:
        first, second: the two annotations.
        files: their names, for messages.
    """
    a = {d.doc_id: d for d in first}
    b = {d.doc_id: d for d in second}
    shared = sorted(set(a) & set(b))
    if not shared:
        raise IndoGeoIEError(Problem(f"no document in common between {files[0]} ({sorted(a)}) and "
                                     f"{files[1]} ({sorted(b)})"))
    for doc_id in shared:
        if a[doc_id].text != b[doc_id].text:
            raise IndoGeoIEError(Problem("the two annotations have different texts", files[1], doc_id))
    a = {d: a[d] for d in shared}
    b = {d: b[d] for d in shared}
    ents_a, ents_b = _entities(a), _entities(b)
    trig_a, trig_b = _triggers(a), _triggers(b)
    args_a, args_b = argument_tuples(a), argument_tuples(b)
    modality_a = {(d, e.trigger.start, e.trigger.end, e.type): e.modality for d, doc in a.items() for e in doc.events}
    modality_b = {(d, e.trigger.start, e.trigger.end, e.type): e.modality for d, doc in b.items() for e in doc.events}
    both = sorted(set(modality_a) & set(modality_b))
    labels_a = [modality_a[k] for k in both]
    labels_b = [modality_b[k] for k in both]
    if len(set(labels_a) | set(labels_b)) > 1:
        from sklearn.metrics import cohen_kappa_score  # imported here: scikit-learn takes a second to load

        kappa = float(cohen_kappa_score(labels_a, labels_b, labels=list(MODALITIES)))
    else:
        kappa = 1.0  # one category only: perfect agreement, kappa undefined
    return Agreement(
        doc_ids=tuple(shared),
        entities=set_prf(ents_a, ents_b),
        entities_by_type={t: set_prf({x for x in ents_a if x[3] == t}, {x for x in ents_b if x[3] == t})
                          for t in ENTITY_TYPES},
        triggers=set_prf(trig_a, trig_b),
        triggers_by_type={t: set_prf({x for x in trig_a if x[3] == t}, {x for x in trig_b if x[3] == t})
                          for t in EVENT_TYPES},
        trigger_spans=set_prf({x[:3] for x in trig_a}, {x[:3] for x in trig_b}),
        arguments=set_prf(args_a, args_b),
        arguments_by_role={r: set_prf({x for x in args_a if x[3] == r}, {x for x in args_b if x[3] == r})
                           for r in sorted({x[3] for x in args_a | args_b})},
        modality_compared=len(both),
        modality_same=sum(x == y for x, y in zip(labels_a, labels_b, strict=False)),
        modality_kappa=kappa,
    )


def agreement_markdown(result: Agreement, *, names: tuple[str, str]) -> str:
    """A markdown report of the agreement figures."""
    def row(name: str, s: PRF) -> str:
        return f"| {name} | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} | {s.tp} | {s.gold} | {s.predicted} |"

    head = [f"Documents: {', '.join(result.doc_ids)}. Reference: {names[0]}; compared: {names[1]}.", "",
            "| Layer | F1 | P | R | matched | reference | compared |", "| --- | --- | --- | --- | --- | --- | --- |",
            row("entities (span + type)", result.entities)]
    head += [row(f"  {t}", s) for t, s in result.entities_by_type.items() if s.gold or s.predicted]
    head += [row("triggers (span only)", result.trigger_spans), row("triggers (span + type)", result.triggers)]
    head += [row(f"  {t}", s) for t, s in result.triggers_by_type.items() if s.gold or s.predicted]
    head += [row("arguments (trigger span, role, argument span)", result.arguments)]
    head += [row(f"  {r}", s) for r, s in result.arguments_by_role.items()]
    head += ["", f"Modality: the same on {result.modality_same} of {result.modality_compared} triggers "
                 f"marked by both with the same span and type ({result.modality_agreement:.3f}); "
                 f"Cohen's kappa {result.modality_kappa:.3f}."]
    return "\n".join(head) + "\n"


@dataclass(frozen=True)
class Study:
    """Two independent annotations of the same documents, before adjudication."""

    name: str
    first: tuple[AnnotatedDocument, ...]
    second: tuple[AnnotatedDocument, ...]

    def result(self) -> Agreement:
        return agreement(self.first, self.second, files=(f"{self.name}/{FIRST}", f"{self.name}/{SECOND}"))


def load_studies(folder: Path, *, corpus: dict[str, SourceDocument] | None) -> list[Study]:
    """Every study in ``folder`` (one subfolder each, with both annotations), each validated; sorted by name.

    Args:
        folder: ``annotations/agreement``.
        corpus: the corpus to check the texts against, or None.
    """
    from indogeoie.annotation.validate import validate

    studies = []
    for study in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
        pair = [study / FIRST, study / SECOND]
        if not all(p.exists() for p in pair):
            raise IndoGeoIEError(Problem(f"an agreement study needs both {FIRST} and {SECOND}", file=str(study)))
        reports = [validate(paths=[p], corpus=corpus) for p in pair]
        problems = [p for r in reports for p in r.problems]
        if problems:
            raise IndoGeoIEError(problems)
        studies.append(Study(study.name, reports[0].documents, reports[1].documents))
    return studies


def agreement_summary_lines(studies: list[Study]) -> list[str]:
    """One sentence per study: its figures before adjudication."""
    lines = []
    for study in studies:
        result = study.result()
        lines.append(f"Agreement study `{study.name}`: two independent annotations of {len(result.doc_ids)} "
                     f"whole articles, before adjudication: entity F1 {result.entities.f1:.3f}, trigger (span and "
                     f"type) F1 {result.triggers.f1:.3f}, argument F1 {result.arguments.f1:.3f}, the same modality "
                     f"on {result.modality_same} of {result.modality_compared} triggers both marked alike.")
    return lines


def agreement_of_files(first: Path, second: Path) -> str:
    """The agreement report of two export files (validated without the corpus)."""
    from indogeoie.annotation.validate import validated

    a = validated([first], with_corpus=False).documents
    b = validated([second], with_corpus=False).documents
    return agreement_markdown(agreement(a, b, files=(str(first), str(second))), names=(first.name, second.name))


def annotations_by_annotator(path: Path) -> dict[str, tuple[AnnotatedDocument, ...]]:
    """Every live annotation of an export, grouped by who made it (``completed_by``).

    A Label Studio export of a project where two annotators labelled the same
    tasks holds both annotations per task; this separates them so that
    :func:`agreement` can compare them.

    Raises:
        IndoGeoIEError: the export cannot be read, or an annotation in it is broken (located).
    """
    from indogeoie.formats.labelstudio_export import load_export, parse_export

    data, problems = load_export(path)
    if problems:
        raise IndoGeoIEError(list(problems))
    if not isinstance(data, list):
        raise IndoGeoIEError(Problem("an export must be a JSON list of tasks", str(path)))
    split: dict[str, list[dict[str, object]]] = {}
    for task in data:
        if not isinstance(task, dict) or not isinstance(task.get("annotations"), list):
            continue  # parse_export below reports it
        for annotation in task["annotations"]:
            if isinstance(annotation, dict) and annotation.get("was_cancelled") is not True:
                who = str(annotation.get("completed_by"))
                split.setdefault(who, []).append({**task, "annotations": [annotation]})
    documents = {}
    for who, tasks in sorted(split.items()):
        report = parse_export(tasks, file=str(path))
        if report.problems:
            raise IndoGeoIEError(list(report.problems))
        documents[who] = report.documents
    return documents


def agreement_of_export(path: Path, *, annotators: tuple[str, str] | None = None) -> str:
    """The agreement report of two annotators' work on the same tasks of one export.

    Args:
        path: a Label Studio JSON export whose tasks hold an annotation by each of two annotators.
        annotators: which two (``completed_by`` values) when the export has more than two.
    """
    found = annotations_by_annotator(path)
    names = annotators or tuple(sorted(found))
    if len(names) != 2 or not all(n in found for n in names):
        raise IndoGeoIEError(Problem(f"expected two annotators; the export has {sorted(found)} "
                                     "(choose two with --annotators)", str(path)))
    first, second = (found[n] for n in names)
    shared = sorted({d.doc_id for d in first} & {d.doc_id for d in second})
    if not shared:
        raise IndoGeoIEError(Problem(f"annotators {names[0]} and {names[1]} share no task", str(path)))
    pick = [tuple(d for d in docs if d.doc_id in shared) for docs in (first, second)]
    return agreement_markdown(agreement(pick[0], pick[1], files=(f"{path} ({names[0]})", f"{path} ({names[1]})")),
                              names=(str(names[0]), str(names[1])))
