"""Typed records for annotated documents: the project's internal shape.

It mirrors the SEACrowd/BigBIO "kb" schema: entities and events over one text,
events with a trigger span and arguments that refer to entities by id.

>>> text = "AS menyerang Irak"
>>> doc = AnnotatedDocument(
...     doc_id="d1",
...     text=text,
...     entities=(Span("e1", "GPE", 0, 2, "AS"), Span("e2", "GPE", 13, 17, "Irak")),
...     events=(Event("t1", "ASSAULT", "asserted", Span("t1", "ASSAULT", 3, 12, "menyerang"),
...                   (Argument("Actor", "e1"), Argument("Recipient", "e2"))),),
... )
>>> [a.ref_id for a in doc.events[0].arguments]
['e1', 'e2']
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """A labelled character span ``text[start:end]`` with a region id."""

    id: str
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Argument:
    """A role filled by the entity with id ``ref_id``."""

    role: str
    ref_id: str


@dataclass(frozen=True)
class Event:
    """An event mention: type, modality, trigger span and arguments."""

    id: str
    type: str
    modality: str
    trigger: Span
    arguments: tuple[Argument, ...] = ()


@dataclass(frozen=True)
class AnnotatedDocument:
    """One annotated text."""

    doc_id: str
    text: str
    entities: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()
    meta: dict[str, object] = field(default_factory=dict, compare=False)

    def entity_by_id(self) -> dict[str, Span]:
        return {e.id: e for e in self.entities}



@dataclass(frozen=True)
class DocumentDiff:
    """What changed in one document between two annotations, by region id."""

    doc_id: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    details: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.modified)


def region_table(document: AnnotatedDocument) -> dict[str, tuple[object, ...]]:
    """Every region of a document by id: layer, label, offsets (and modality and arguments for triggers)."""
    regions: dict[str, tuple[object, ...]] = {e.id: ("entity", e.label, e.start, e.end) for e in document.entities}
    for event in document.events:
        regions[event.id] = ("trigger", event.type, event.trigger.start, event.trigger.end, event.modality,
                             tuple(sorted((a.role, a.ref_id) for a in event.arguments)))
    return regions


def labels_fingerprint(document: AnnotatedDocument) -> str:
    """A hash of a document's labels alone (regions, modality, arguments), blind to region order and metadata.

    Two annotations with the same fingerprint say the same thing; the sync with
    Label Studio compares documents by it.
    """
    table = sorted((key, repr(value)) for key, value in region_table(document).items())
    return hashlib.sha256(json.dumps(table, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _describe(document: AnnotatedDocument, region: tuple[object, ...]) -> str:
    start, end = int(region[2]), int(region[3])  # type: ignore[call-overload]
    text = f"{region[0]} {region[1]} [{start}:{end}] {document.text[start:end]!r}"
    if region[0] == "trigger":
        text += f" {region[4]}, arguments {region[5]!r}"
    return text


def diff_documents(old: tuple[AnnotatedDocument, ...], new: tuple[AnnotatedDocument, ...]) -> tuple[DocumentDiff, ...]:
    """Regions added, removed and modified per document, from ``old`` to ``new``.

    >>> a = AnnotatedDocument("d", "AS dan Irak", (Span("e1", "GPE", 0, 2, "AS"),))
    >>> b = AnnotatedDocument("d", "AS dan Irak", (Span("e1", "ORG", 0, 2, "AS"), Span("e2", "GPE", 7, 11, "Irak")))
    >>> d = diff_documents((a,), (b,))[0]
    >>> d.added, d.removed, d.modified
    (('e2',), (), ('e1',))
    """
    before = {d.doc_id: d for d in old}
    after = {d.doc_id: d for d in new}
    diffs = []
    for doc_id in sorted(set(before) | set(after)):
        old_doc = before.get(doc_id) or AnnotatedDocument(doc_id, after[doc_id].text)
        new_doc = after.get(doc_id) or AnnotatedDocument(doc_id, old_doc.text)
        if doc_id not in after:
            # A document missing from the new annotation is kept, never deleted by a pull.
            diffs.append(DocumentDiff(doc_id))
            continue
        old_regions, new_regions = region_table(old_doc), region_table(new_doc)
        added = tuple(sorted(set(new_regions) - set(old_regions)))
        removed = tuple(sorted(set(old_regions) - set(new_regions)))
        modified = tuple(sorted(r for r in set(old_regions) & set(new_regions) if old_regions[r] != new_regions[r]))
        details = ([f"+ {r}: {_describe(new_doc, new_regions[r])}" for r in added]
                   + [f"- {r}: {_describe(old_doc, old_regions[r])}" for r in removed]
                   + [f"~ {r}: {_describe(old_doc, old_regions[r])} -> {_describe(new_doc, new_regions[r])}"
                      for r in modified])
        diffs.append(DocumentDiff(doc_id, added, removed, modified, tuple(details)))
    return tuple(diffs)
