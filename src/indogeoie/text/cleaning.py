"""Rule-based cleaning of raw news pages into the text that gets annotated.

The pass only ever *drops* characters of the raw text, so every offset in the
cleaned text maps back to exactly one offset in the raw text
(:meth:`CleanedText.to_raw`). Each dropped range records the rule that dropped
it. Raw offsets count code points of the UTF-8-decoded raw file (a BOM, when
present, is code point 0).

A raw page and what the rules make of it::

    Komandan Iran Desak Milisi Irak ...        kept (title)
                                               kept (one blank line)
    Baca Juga:Iran akan Balas AS ...           dropped: related_links
    0                                          dropped: view_counter
    Follow                                     dropped: share_follow_comment

>>> c = clean_text("Judul\\r\\nBaca Juga: Lain\\r\\nIsi.\\r\\n")
>>> c.text
'Judul\\nIsi.'
>>> [(d.start, d.end, d.rule) for d in c.drops]
[(5, 6, 'crlf'), (7, 24, 'related_links'), (28, 29, 'crlf'), (29, 30, 'blank_lines')]
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass

#: Every rule, by name, with what it drops. The order is the order of precedence
#: when two rules could claim the same line.
RULES: dict[str, str] = {
    "bom": "A byte-order mark (U+FEFF) at the start of the file.",
    "crlf": "The carriage return of a CRLF pair, so that every newline is a single \\n.",
    "title_slug": (
        "A line that repeats the title in lower case without punctuation "
        "(a URL slug printed under the headline)."
    ),
    "view_counter": "A line that holds only a number: comment and view counters.",
    "share_follow_comment": (
        "Share, follow and comment widgets: 'tulis komentar anda', 'Follow', 'DISKUSI:'."
    ),
    "promo": "Site promotions: a line starting 'Dapatkan berita terkini'.",
    "site_navigation": (
        "Site navigation: 'Video Rekomendasi', 'Berita Terkait', 'Rekomendasi', "
        "'Terpopuler', 'Berita Terkini More', and 'PREVIOUS ARTICLE'/'NEXT ARTICLE' "
        "with the linked title on the next line."
    ),
    "related_links": (
        "Related-article links: a line starting 'Baca juga:' or 'Lihat juga:' (any case, "
        "colon glued or spaced). A heading with nothing after its colon also drops the "
        "headline-like lines that follow it (lines not ending in . ! ? or a closing quote)."
    ),
    "blank_lines": (
        "Blank lines beyond the first in a run, blank lines at the start and end of "
        "the text, and the text's final newline."
    ),
}

_RELATED = re.compile(r"^(baca|lihat)\s+juga\s*:", re.IGNORECASE)
_COUNTER = re.compile(r"^\d+$")
_WIDGETS = {"tulis komentar anda", "follow", "diskusi:"}
_NAVIGATION = {
    "video rekomendasi",
    "berita terkait",
    "rekomendasi",
    "terpopuler",
    "berita terkini more",
}
_PAGER = {"previous article", "next article"}
_PROMO = re.compile(r"^dapatkan berita terkini", re.IGNORECASE)
_SENTENCE_END = tuple(".!?\"”’)")
_PUNCT_TABLE = str.maketrans("", "", string.punctuation + "“”‘’–—")


@dataclass(frozen=True)
class Drop:
    """A range of the raw text, ``raw[start:end]``, removed by ``rule``."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text, the raw text it came from, and the map between them."""

    raw: str
    text: str
    drops: tuple[Drop, ...]
    # (clean_start, raw_start, length) of each kept stretch of raw text, in order.
    segments: tuple[tuple[int, int, int], ...]

    def to_raw(self, offset: int, *, end: bool = False) -> int:
        """Map a cleaned-text offset to the raw text.

        Args:
            offset: a position in the cleaned text, ``0 <= offset <= len(text)``.
            end: map as the exclusive end of a span. At the seam between two kept
                stretches a start maps forward (past the dropped range) and an end
                maps backward, so ``raw[to_raw(s):to_raw(e, end=True)] == text[s:e]``
                for any span that does not cross a dropped range.
        """
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the cleaned text [0:{len(self.text)}]")
        if not self.segments:
            return 0
        starts = [seg[0] for seg in self.segments]
        if end and offset > 0:
            clean_start, raw_start, _ = self.segments[bisect.bisect_right(starts, offset - 1) - 1]
            return raw_start + (offset - 1 - clean_start) + 1
        index = bisect.bisect_right(starts, offset) - 1
        clean_start, raw_start, length = self.segments[index]
        if offset - clean_start >= length and index + 1 == len(self.segments):
            return raw_start + length
        return raw_start + (offset - clean_start)


@dataclass
class _Line:
    start: int  # raw offset of the first character
    body_end: int  # raw offset just past the content (before \r\n or \n)
    end: int  # raw offset just past the newline
    rule: str | None = None

    def body(self, raw: str) -> str:
        return raw[self.start : self.body_end]


def _split_lines(raw: str, offset: int) -> list[_Line]:
    lines = []
    position = offset
    for piece in raw[offset:].splitlines(keepends=True):
        content = piece.rstrip("\r\n")
        lines.append(_Line(position, position + len(content), position + len(piece)))
        position += len(piece)
    return lines


def _is_headline_like(body: str) -> bool:
    stripped = body.strip()
    return bool(stripped) and not stripped.endswith(_SENTENCE_END)


def _classify(raw: str, lines: list[_Line]) -> None:
    title = next((ln.body(raw).strip() for ln in lines if ln.body(raw).strip()), "")
    slug = " ".join(title.translate(_PUNCT_TABLE).lower().split())
    in_related_block = False
    after_pager = False
    for line in lines:
        body = line.body(raw).strip()
        if after_pager and body:
            line.rule, after_pager = "site_navigation", False
            continue
        line.rule = _widget_rule(body, title, slug)
        if line.rule == "site_navigation" and body.lower() in _PAGER:
            after_pager = True
        if line.rule is not None:
            in_related_block = in_related_block and line.rule != "related_links"
            if line.rule == "related_links":
                in_related_block = not body.split(":", 1)[1].strip()
            continue
        if in_related_block and (not body or _is_headline_like(body)):
            line.rule = "related_links"
        else:
            in_related_block = False


def _widget_rule(body: str, title: str, slug: str) -> str | None:
    """The rule that drops this one line on its own, if any."""
    lowered = body.lower()
    if not body:
        return None
    if body != title and body == slug:
        return "title_slug"
    if _COUNTER.match(body):
        return "view_counter"
    if lowered in _WIDGETS:
        return "share_follow_comment"
    if _PROMO.match(body):
        return "promo"
    if lowered in _NAVIGATION or lowered in _PAGER:
        return "site_navigation"
    if _RELATED.match(body):
        return "related_links"
    return None


def _mark_blank_lines(raw: str, lines: list[_Line]) -> None:
    kept = [ln for ln in lines if ln.rule is None]
    previous_blank = True  # so that leading blank lines are dropped
    for line in kept:
        blank = not line.body(raw).strip()
        if blank and previous_blank:
            line.rule = "blank_lines"
        previous_blank = blank
    for line in reversed(kept):  # trailing blank lines
        if line.rule is None and not line.body(raw).strip():
            line.rule = "blank_lines"
        elif line.rule is None:
            break


def clean_text(raw: str) -> CleanedText:
    """Clean one raw article (already decoded from UTF-8).

    Args:
        raw: the raw page text, BOM and CRLF included if the file has them.
    """
    drops: list[Drop] = []
    offset = 0
    if raw.startswith("\ufeff"):
        drops.append(Drop(0, 1, "bom"))
        offset = 1
    lines = _split_lines(raw, offset)
    _classify(raw, lines)
    _mark_blank_lines(raw, lines)

    kept_lines = [ln for ln in lines if ln.rule is None]
    last_kept = kept_lines[-1] if kept_lines else None
    for line in lines:
        if line.rule is not None:
            drops.append(Drop(line.start, line.end, line.rule))
            continue
        newline = raw[line.body_end : line.end]
        if newline.startswith("\r\n"):
            drops.append(Drop(line.body_end, line.body_end + 1, "crlf"))
        if line is last_kept and newline:
            drops.append(Drop(line.end - 1, line.end, "blank_lines"))
    drops = _merge(drops)

    segments = []
    pieces = []
    clean_pos = raw_pos = 0
    for drop in [*drops, Drop(len(raw), len(raw), "")]:
        if drop.start > raw_pos:
            length = drop.start - raw_pos
            segments.append((clean_pos, raw_pos, length))
            pieces.append(raw[raw_pos : drop.start])
            clean_pos += length
        raw_pos = drop.end
    return CleanedText(raw=raw, text="".join(pieces), drops=tuple(drops), segments=tuple(segments))


def _merge(drops: list[Drop]) -> list[Drop]:
    """Sort drops and join touching ranges of the same rule."""
    merged: list[Drop] = []
    for drop in sorted(drops, key=lambda d: (d.start, d.end)):
        if merged and merged[-1].end == drop.start and merged[-1].rule == drop.rule:
            merged[-1] = Drop(merged[-1].start, drop.end, drop.rule)
        else:
            merged.append(drop)
    return merged
