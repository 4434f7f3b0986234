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
