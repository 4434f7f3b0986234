"""The annotators' markup: a plain-text file per article, converted into regions.

Annotators who work outside Label Studio write the article's text back, one
sentence per line and a blank line between paragraphs, with each span wrapped
as ``{text|id TYPE}``, then one line per event giving its modality and
arguments::

    # IndoGeoIE annotation
    doc: 005_c1ed21ddf8219262
    annotator: A

    ## text
    {Kepolisian Malaysia|e1 ORG} {bekerja sama|t1 COOPERATE} dengan universitas .
    {Noor|e2 PER} {menahan|t2 COERCE} remaja {Minggu ( 21 / 8 )|e3 DATE} .

    ## events
    t1 asserted Actor=e1
    t2 asserted Actor=e2 Time=e3

Entity ids start with ``e``, trigger ids with ``t``. The text with the markup
removed must be exactly the article's sentences; spans cover whole tokens (the
text's tokens are separated by single spaces). The format does not depend on
the package's code, so work written in it survives changes to the code; this
module only reads it.

>>> doc = parse_markup(SAMPLE, text="AS menyerang Irak .", sentences=[(0, 19)])
>>> [(e.label, e.text) for e in doc.entities]
[('GPE', 'AS'), ('GPE', 'Irak')]
>>> doc.events[0].type, doc.events[0].modality, [a.role for a in doc.events[0].arguments]
('ASSAULT', 'asserted', ['Actor', 'Recipient'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, ROLE_FILLERS, ROLES
from indogeoie.text.alignment import edge_problem

SAMPLE = """# IndoGeoIE annotation
doc: d1
annotator: A

## text
{AS|e1 GPE} {menyerang|t1 ASSAULT} {Irak|e2 GPE} .

## events
t1 asserted Actor=e1 Recipient=e2
"""

_SPAN = re.compile(r"\{(?P<text>[^{}|\n]+)\|(?P<id>[et][0-9]+) (?P<label>[A-Z]+)\}")
_EVENT = re.compile(r"^(?P<id>t[0-9]+) (?P<modality>[a-z]+)(?P<args>( [A-Za-z]+=[et0-9,]+)*)\s*$")


@dataclass(frozen=True)
class MarkupHeader:
    """The header lines of a markup file."""

    doc_id: str
    annotator: str


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.doc_id: str | None = None

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(message, file=f"{self.file}:{line}", doc_id=self.doc_id))


def _sections(lines: list[str], reader: _Reader) -> tuple[MarkupHeader, list[tuple[int, str]], list[tuple[int, str]]]:
    header: dict[str, str] = {}
    text: list[tuple[int, str]] = []
    events: list[tuple[int, str]] = []
    section = "header"
    for number, line in enumerate(lines, start=1):
        if line.strip() == "## text":
            section = "text"
        elif line.strip() == "## events":
            section = "events"
        elif section == "header":
            if line.startswith("#") or not line.strip():
                continue
            key, sep, value = line.partition(":")
            if not sep or key.strip() not in ("doc", "annotator"):
                reader.problem(number, f"unexpected header line {line!r}; expected 'doc: ...' and "
                                       "'annotator: ...'")
            else:
                header[key.strip()] = value.strip()
        elif section == "text":
            text.append((number, line))
        elif line.strip():
            events.append((number, line))
    if "doc" not in header:
        reader.problem(1, "missing header line 'doc: <doc_id>'")
    if section == "header" or not text:
        reader.problem(len(lines), "missing the '## text' section")
    return MarkupHeader(header.get("doc", ""), header.get("annotator", "")), text, events


def _strip_line(number: int, line: str, reader: _Reader) -> tuple[str, list[tuple[str, str, str, int, int]]]:
    """The line without markup, and its spans as (id, label, text, start, end) in the stripped line."""
    plain: list[str] = []
    spans = []
    position = 0
    length = 0
    for match in _SPAN.finditer(line):
        before = line[position:match.start()]
        plain.append(before)
        length += len(before)
        spans.append((match["id"], match["label"], match["text"], length, length + len(match["text"])))
        plain.append(match["text"])
        length += len(match["text"])
        position = match.end()
    plain.append(line[position:])
    stripped = "".join(plain)
    for char in "{}|":
        if char in stripped:
            column = stripped.index(char)
            reader.problem(number, f"a {char!r} at column {column + 1} is not part of a well-formed span "
                                   "{text|id TYPE}; ids are e<n> or t<n>, TYPE in capitals")
            break
    return stripped, spans


def _check_spans(number: int, stripped: str, spans: list[tuple[str, str, str, int, int]], reader: _Reader,
                 spaced: bool) -> None:
    for region, label, text, start, end in spans:
        if spaced and (start > 0 and stripped[start - 1] != " " or end < len(stripped) and stripped[end] != " "):
            reader.problem(number, f"span {region} {text!r} does not cover whole tokens")
        edge = edge_problem(text)
        if edge:
            reader.problem(number, f"{region}: {edge}")
        if region.startswith("e") and label not in ENTITY_TYPES:
            reader.problem(number, f"{region} {text!r}: unknown entity type {label!r}; expected one of "
                                   f"{list(ENTITY_TYPES)}")
        if region.startswith("t") and label not in EVENT_TYPES:
            reader.problem(number, f"{region} {text!r}: unknown event type {label!r}; expected one of "
                                   f"{list(EVENT_TYPES)}")


def _events(events: list[tuple[int, str]], spans: dict[str, Span], reader: _Reader) -> list[Event]:
    found: dict[str, Event] = {}
    for number, line in events:
        match = _EVENT.match(line)
        if not match:
            reader.problem(number, f"event line {line!r}; expected 't<n> <modality> Role=e<n>[,e<n>] ...'")
            continue
        trigger = spans.get(match["id"])
        if trigger is None:
            reader.problem(number, f"{match['id']} is not a trigger in the text")
            continue
        if match["id"] in found:
            reader.problem(number, f"{match['id']} has two event lines")
            continue
        if match["modality"] not in MODALITIES:
            reader.problem(number, f"{match['id']}: modality {match['modality']!r}; expected one of "
                                   f"{list(MODALITIES)}")
        arguments: list[Argument] = []
        for item in match["args"].split():
            role, _, refs = item.partition("=")
            if role not in ROLES:
                reader.problem(number, f"{match['id']}: role {role!r}; expected one of {list(ROLES)}")
                continue
            for ref in refs.split(","):
                filler = spans.get(ref)
                if filler is None or not ref.startswith("e"):
                    reader.problem(number, f"{match['id']} {role}={ref}: {ref!r} is not an entity in the text")
                elif filler.label not in ROLE_FILLERS[role]:
                    reader.problem(number, f"{match['id']} {role}={ref}: {ref} is {filler.label} {filler.text!r}; "
                                           f"a {role} must be one of {list(ROLE_FILLERS[role])}")
                elif Argument(role, ref) in arguments:
                    reader.problem(number, f"{match['id']} {role}={ref} is given twice")
                else:
                    arguments.append(Argument(role, ref))
        found[match["id"]] = Event(match["id"], trigger.label, match["modality"], trigger, tuple(arguments))
    for region, span in spans.items():
        if region.startswith("t") and region not in found:
            reader.problem(events[-1][0] if events else 1, f"trigger {region} {span.text!r} has no event line")
    return [found[r] for r in sorted(found, key=lambda r: (spans[r].start, r))]


def parse_markup(markup: str, *, text: str, sentences: Sequence[tuple[int, int]], spaced_tokens: bool = True,
                 file: str = "<markup>") -> AnnotatedDocument:
    """Read one markup file against its article; raise with every problem located by line.

    Args:
        markup: the file's text.
        text: the article's text.
        sentences: the article's sentences as ``(start, end)`` offsets into ``text``, in order.
        spaced_tokens: the text's tokens are separated by single spaces (a pre-tokenised source), so
            a span covers whole tokens when spaces surround it; otherwise token boundaries are left
            to the caller, who knows the tokens.
        file: its name, for messages.
    """
    reader = _Reader(file)
    header, lines, events = _sections(markup.split("\n"), reader)
    reader.doc_id = header.doc_id or None
    marked = [(number, line) for number, line in lines if line.strip()]  # blank lines only lay paragraphs out
    if len(marked) != len(sentences):
        reader.problem(lines[0][0] if lines else 1, f"{len(marked)} sentence lines in the text section; the "
                                                    f"article has {len(sentences)} sentences")
    spans: dict[str, Span] = {}
    for (number, line), (start, end) in zip(marked, sentences, strict=False):
        original = text[start:end]
        stripped, found = _strip_line(number, line, reader)
        if stripped != original:
            at = next((i for i, (a, b) in enumerate(zip(stripped, original, strict=False)) if a != b),
                      min(len(stripped), len(original)))
            reader.problem(number, f"the text differs from the article at column {at + 1}: "
                                   f"{stripped[at:at + 25]!r} where the article has {original[at:at + 25]!r}")
            continue
        _check_spans(number, stripped, found, reader, spaced_tokens)
        for region, label, span_text, a, b in found:
            if region in spans:
                reader.problem(number, f"id {region} is used twice")
                continue
            spans[region] = Span(region, label, start + a, start + b, span_text)
    event_list = _events(events, spans, reader)
    if reader.problems:
        raise IndoGeoIEError(reader.problems)
    entities = sorted((s for r, s in spans.items() if r.startswith("e")), key=lambda s: (s.start, s.id))
    return AnnotatedDocument(header.doc_id, text, tuple(entities), tuple(event_list),
                             {"completed_by": header.annotator})


def _markup_id(region: str) -> str:
    """``e007`` as the markup writes it: ``e7``."""
    return region[0] + str(int(region[1:])) if region[1:].isdigit() else region


def write_markup(document: AnnotatedDocument, *, sentences: Sequence[tuple[int, int]], annotator: str) -> str:
    """A document in the markup, one sentence per line, a blank line where the text has a line break.

    Args:
        document: the annotated document.
        sentences: its sentences as ``(start, end)`` offsets, in order; every span lies inside one.
        annotator: the name written in the header.
    """
    spans = sorted([*document.entities, *(e.trigger for e in document.events)], key=lambda s: s.start)
    lines = ["# IndoGeoIE annotation", f"doc: {document.doc_id}", f"annotator: {annotator}", "", "## text"]
    previous_end = None
    for start, end in sentences:
        if previous_end is not None and "\n" in document.text[previous_end:start]:
            lines.append("")
        pieces, position = [], start
        for span in (s for s in spans if start <= s.start and s.end <= end):
            pieces.append(document.text[position:span.start])
            pieces.append(f"{{{span.text}|{_markup_id(span.id)} {span.label}}}")
            position = span.end
        pieces.append(document.text[position:end])
        lines.append("".join(pieces))
        previous_end = end
    lines += ["", "## events"]
    for event in document.events:
        roles: dict[str, list[str]] = {}
        for argument in event.arguments:
            roles.setdefault(argument.role, []).append(_markup_id(argument.ref_id))
        args = "".join(f" {role}={','.join(refs)}" for role, refs in roles.items())
        lines.append(f"{_markup_id(event.id)} {event.modality}{args}")
    return "\n".join(lines) + "\n"
