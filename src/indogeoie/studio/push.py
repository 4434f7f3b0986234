"""``studio push``: put the corpus into the project without inventing or overwriting anyone's work.

* Every article becomes one task, matched on doc_id, so a second push
  duplicates nothing. An article without gold is a task without annotation:
  it stays in the annotators' queue.
* With gold, an article's gold becomes its annotation when the task has
  none. When the task has one, the three-way comparison decides: a change made
  in git since the last sync refreshes the annotation; a change made in
  Label Studio is left for ``pull``; a change on both sides is reported as a
  conflict and left alone.
* With predictions, a baseline's output is fitted to the span rules
  (:func:`indogeoie.annotation.fit.fit_to_span_rules`) so that accepting it
  never breaks a pull; the regions that cannot be fitted are dropped and counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from indogeoie.annotation.fit import fit_to_span_rules
from indogeoie.corpus.documents import SourceDocument
from indogeoie.formats.labelstudio_fields import choose_annotation
from indogeoie.formats.labelstudio_tasks import document_result, import_task
from indogeoie.records import AnnotatedDocument, labels_fingerprint
from indogeoie.studio.merge import three_way
from indogeoie.studio.project import SyncState


@dataclass
class PushReport:
    """What a push did, by doc_id."""

    project_id: int
    created: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    annotated: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    left_for_pull: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)
    dropped_regions: int = 0


def _tasks(ls: Any, project_id: int) -> dict[str, Any]:
    return {task.data["doc_id"]: task for task in ls.tasks.list(project=project_id, fields="all")}


def _as_dict(item: Any) -> dict[str, Any]:
    return item if isinstance(item, dict) else item.model_dump()


def _sync_gold(ls: Any, task: Any, gold: AnnotatedDocument, state: SyncState, report: PushReport) -> None:
    from indogeoie.formats.labelstudio_task import TaskReader

    annotations = [_as_dict(a) for a in task.annotations or []]
    chosen, _ = choose_annotation(annotations)
    ours = labels_fingerprint(gold)
    if chosen is None:
        if annotations:  # every annotation was skipped or cancelled: an annotator's decision, kept
            report.left_for_pull.append(gold.doc_id)
            return
        ls.annotations.create(id=task.id, result=document_result(gold), was_cancelled=False, ground_truth=False)
        state.bases[gold.doc_id] = ours
        report.annotated.append(gold.doc_id)
        return
    theirs_document = TaskReader({"data": task.data, "annotations": [chosen]}, 0, "Label Studio", "annotations").read()
    theirs = labels_fingerprint(theirs_document) if theirs_document is not None else None
    outcome = three_way(base=state.bases.get(gold.doc_id), ours=ours, theirs=theirs)
    if outcome == "same":
        state.bases[gold.doc_id] = ours
    elif outcome == "ours":
        ls.annotations.update(id=chosen["id"], result=document_result(gold))
        state.bases[gold.doc_id] = ours
        report.refreshed.append(gold.doc_id)
    elif outcome == "theirs":
        report.left_for_pull.append(gold.doc_id)
    else:
        report.conflicts.append(gold.doc_id)


def push(ls: Any, project_id: int, state: SyncState, *, articles: list[SourceDocument],
         gold: dict[str, AnnotatedDocument] | None = None, predictions: dict[str, AnnotatedDocument] | None = None,
         model_version: str | None = None) -> PushReport:
    """Create missing tasks, then sync gold annotations or add predictions (see the module docstring).

    Args:
        ls: an SDK client.
        project_id: the corpus's project.
        state: the sync state; its bases are updated for every document synced.
        articles: the corpus documents to push.
        gold: gold documents by doc_id, to push as annotations (None: push no annotations).
        predictions: predicted documents by doc_id, to push as predictions of ``model_version``.
        model_version: the name predictions are shown under.
    """
    report = PushReport(project_id)
    existing = _tasks(ls, project_id)
    new_tasks = [import_task(a) for a in articles if a.doc_id not in existing]
    report.created = [t["data"]["doc_id"] for t in new_tasks]
    report.already_there = [a.doc_id for a in articles if a.doc_id in existing]
    if new_tasks:
        ls.projects.import_tasks(id=project_id, request=new_tasks)
        existing = _tasks(ls, project_id)
    for article in articles:
        task = existing[article.doc_id]
        if gold is not None and article.doc_id in gold:
            _sync_gold(ls, task, gold[article.doc_id], state, report)
        if predictions is not None and article.doc_id in predictions:
            versions = {_as_dict(p).get("model_version") for p in task.predictions or []}
            if model_version in versions:
                continue
            fitted, dropped = fit_to_span_rules(predictions[article.doc_id], article.tokenized())
            report.dropped_regions += dropped
            ls.predictions.create(task=task.id, result=document_result(fitted), model_version=model_version)
            report.predicted.append(article.doc_id)
    if predictions is not None:
        ls.projects.update(id=project_id, model_version=model_version)
    return report
