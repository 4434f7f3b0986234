"""``indogeoie audit``: consistency checks across the whole gold, and the reviewed exceptions.

Five checks, each a list to review rather than an error:

* ``entity-type``: the same surface string (case-folded) labelled with different entity types;
* ``unlabelled``: a string labelled as an entity in one place and left unlabelled elsewhere in the
  same document (at token boundaries, outside every other span);
* ``trigger-type``: the same trigger word form (case-folded) labelled with different event types;
* ``no-actor``: an event without an Actor in a sentence that names a possible Actor;
* ``actor-code``: an Actor or Recipient mention that the actor table (:mod:`indogeoie.annotation.actors`)
  does not cover; it is decided by adding the surface to the table, not by an exception.

Every finding has a key. A finding is either fixed in the gold or accepted,
with a reason, in ``annotations/audit_exceptions.tsv``::

    check	key	reason
    entity-type	barat	'Barat' is LOC as a region and NORP for Westerners as a group (section 7)
    no-actor	021_c92899f2d6b088d1 t004	the shooters are unnamed; the sentence names only the victims

The audit fails while any finding is neither fixed nor accepted, and when an
exception matches no finding any more (so the list never outlives the data).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from indogeoie.annotation.actors import ActorTable
from indogeoie.corpus.documents import SourceDocument
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.records import AnnotatedDocument
from indogeoie.schema import ACTOR, RECIPIENT, ROLE_FILLERS

CHECKS = ("entity-type", "unlabelled", "trigger-type", "no-actor", "actor-code")
HEADER = ("check", "key", "reason")



@dataclass(frozen=True)
class Finding:
    """One thing to review: which check, its key, and where it shows."""

    check: str
    key: str
    detail: str


@dataclass(frozen=True)
class AuditReport:
    """Findings not yet accepted, findings accepted, and exceptions that match nothing."""

    open: tuple[Finding, ...]
    accepted: tuple[Finding, ...]
    stale: tuple[tuple[str, str], ...]


def _where(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id} [{start}:{end}]"


def entity_type_findings(gold: Iterable[AnnotatedDocument]) -> list[Finding]:
    """Surface strings labelled with more than one entity type."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    example: dict[tuple[str, str], str] = {}
    for document in gold:
        for entity in document.entities:
            key = entity.text.casefold()
            types[key][entity.label] += 1
            example.setdefault((key, entity.label), _where(document.doc_id, entity.start, entity.end))
    return [Finding("entity-type", key, ", ".join(f"{label} x{n} (e.g. {example[(key, label)]})"
                                                   for label, n in sorted(counts.items())))
            for key, counts in sorted(types.items()) if len(counts) > 1]


def unlabelled_findings(gold: Iterable[AnnotatedDocument], corpus: dict[str, SourceDocument]) -> list[Finding]:
    """Entity strings that occur unlabelled elsewhere in the same document."""
    findings = []
    for document in gold:
        tokens = corpus[document.doc_id].tokenized()
        starts, ends = tokens.token_starts(), tokens.token_ends()
        covered = sorted((s.start, s.end) for s in (*document.entities, *(e.trigger for e in document.events)))
        labelled = {e.text for e in document.entities}
        for text in sorted(labelled):
            position = document.text.find(text)
            while position != -1:
                end = position + len(text)
                inside = any(a <= position and end <= b for a, b in covered)
                overlapping = any(a < end and position < b for a, b in covered)
                if position in starts and end in ends and not inside and not overlapping:
                    findings.append(Finding("unlabelled", f"{document.doc_id} {position}",
                                            f"{text!r} at {_where(document.doc_id, position, end)} is not labelled"))
                position = document.text.find(text, position + 1)
    return findings


def trigger_type_findings(gold: Iterable[AnnotatedDocument]) -> list[Finding]:
    """Trigger word forms labelled with more than one event type."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    example: dict[tuple[str, str], str] = {}
    for document in gold:
        for event in document.events:
            key = event.trigger.text.casefold()
            types[key][event.type] += 1
            example.setdefault((key, event.type), _where(document.doc_id, event.trigger.start, event.trigger.end))
    return [Finding("trigger-type", key, ", ".join(f"{label} x{n} (e.g. {example[(key, label)]})"
                                                    for label, n in sorted(counts.items())))
            for key, counts in sorted(types.items()) if len(counts) > 1]


def no_actor_findings(gold: Iterable[AnnotatedDocument], corpus: dict[str, SourceDocument]) -> list[Finding]:
    """Events without an Actor whose sentence names an entity that could be one."""
    findings = []
    for document in gold:
        tokens = corpus[document.doc_id].tokenized()
        for event in document.events:
            if any(a.role == ACTOR for a in event.arguments):
                continue
            sentence = tokens.sentences[tokens.sentence_of(event.trigger.start)]
            candidates = [e for e in document.entities if sentence.start <= e.start and e.end <= sentence.end
                          and e.label in ROLE_FILLERS[ACTOR]]
            if candidates:
                names = ", ".join(sorted({f"{e.label} {e.text!r}" for e in candidates}))
                findings.append(Finding("no-actor", f"{document.doc_id} {event.id}",
                                        f"{event.type} {event.trigger.text!r} at "
                                        f"{_where(document.doc_id, event.trigger.start, event.trigger.end)}; "
                                        f"the sentence names {names}"))
    return findings


def actor_code_findings(gold: Iterable[AnnotatedDocument], actors: ActorTable) -> list[Finding]:
    """Actor and Recipient mentions no rule of the actor table covers (decided by adding them to the table)."""
    missing: dict[str, list[str]] = defaultdict(list)
    for document in gold:
        entities = document.entity_by_id()
        for event in document.events:
            for argument in event.arguments:
                entity = entities[argument.ref_id]
                if argument.role in (ACTOR, RECIPIENT) and actors.normalise(document.doc_id, entity.text) is None:
                    missing[entity.text.casefold()].append(_where(document.doc_id, entity.start, entity.end))
    return [Finding("actor-code", key, f"{len(places)} Actor/Recipient mention(s), e.g. {places[0]}; add it to "
                    "annotations/actors/aliases.tsv (or overrides.tsv)") for key, places in sorted(missing.items())]


def read_exceptions(path: Path) -> dict[tuple[str, str], str]:
    """The accepted findings: (check, key) -> reason; every malformed row located."""
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise IndoGeoIEError(Problem(f"the first line must be the header {list(HEADER)}", file=f"{path}:1"))
    accepted: dict[tuple[str, str], str] = {}
    problems = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        where = f"{path}:{number}"
        if len(fields) != len(HEADER):
            problems.append(Problem(f"expected {len(HEADER)} tab-separated fields, found {len(fields)}", where))
        elif fields[0] not in CHECKS:
            problems.append(Problem(f"check {fields[0]!r}; expected one of {list(CHECKS)}", where))
        elif not fields[2].strip():
            problems.append(Problem("an accepted finding needs its reason", where))
        elif (fields[0], fields[1]) in accepted:
            problems.append(Problem(f"{fields[0]} {fields[1]!r} is accepted twice", where))
        else:
            accepted[(fields[0], fields[1])] = fields[2]
    if problems:
        raise IndoGeoIEError(problems)
    return accepted


def audit(*, gold: tuple[AnnotatedDocument, ...], corpus: dict[str, SourceDocument],
          exceptions: dict[tuple[str, str], str], actors: ActorTable | None = None) -> AuditReport:
    """Run every check and sort the findings into open and accepted.

    Args:
        gold: the gold documents.
        corpus: their corpus documents (for tokens and sentences).
        exceptions: the accepted findings.
        actors: the actor normalisation table (None: the actor-code check is not run).
    """
    findings = [*entity_type_findings(gold), *unlabelled_findings(gold, corpus), *trigger_type_findings(gold),
                *no_actor_findings(gold, corpus), *(actor_code_findings(gold, actors) if actors else [])]
    keys = {(f.check, f.key) for f in findings}
    accepted = tuple(f for f in findings if (f.check, f.key) in exceptions)
    open_ = tuple(f for f in findings if (f.check, f.key) not in exceptions)
    stale = tuple(sorted(k for k in exceptions if k not in keys))
    return AuditReport(open_, accepted, stale)


def checkout_audit() -> AuditReport:
    """The audit of this checkout's gold, with ``annotations/audit_exceptions.tsv``."""
    from indogeoie import paths
    from indogeoie.annotation.actors import checkout_actor_table
    from indogeoie.annotation.validate import checkout_gold

    corpus, report = checkout_gold()
    return audit(gold=report.documents, corpus=corpus, exceptions=read_exceptions(paths.AUDIT_EXCEPTIONS),
                 actors=checkout_actor_table())
