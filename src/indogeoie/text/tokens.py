"""Tokens and sentences of cleaned text, with their character offsets.

spaCy's Indonesian language class (``spacy.blank("id")``, no model download)
with a sentencizer and two project rules:

* a tokenizer exception for a word glued to the next one in the source
  (``makaWashington``), so that the entity inside it starts on a token;
* ``indogeoie_sentence_rules``: a line break always ends a sentence, and an
  opening bracket or quote stranded at the end of a sentence moves to the start
  of the next one.

Whitespace tokens are dropped: every :class:`Token` has visible text and
``text[token.start:token.end] == token.text``.

Text that a source has already tokenised (IndoSum) is not tokenised again:
:func:`pretokenized` takes its sentences as given and its tokens as the
space-separated pieces inside them, so the source's own segmentation is kept.

>>> doc = tokenize("Iran menguji rudal.\\nAS memiliki 2.500 pasukan")
>>> [t.text for t in doc.tokens]
['Iran', 'menguji', 'rudal', '.', 'AS', 'memiliki', '2.500', 'pasukan']
>>> [(s.start, s.end) for s in doc.sentences]
[(0, 19), (20, 45)]
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Words glued together in the source, split where the space was lost.
GLUED_WORDS: dict[str, tuple[str, ...]] = {
    "makaWashington": ("maka", "Washington"),
}

_OPENING = {"(", "[", "“", "‘", "«"}
_AMBIGUOUS_QUOTES = {'"', "'"}


@dataclass(frozen=True)
class Token:
    """A token: its text and its ``[start, end)`` character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence: character offsets and the range of its tokens ``tokens[first:last]``."""

    start: int
    end: int
    first: int
    last: int


@dataclass(frozen=True)
class TokenizedText:
    """Tokens and sentences of one text."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]

    def token_starts(self) -> dict[int, int]:
        """Map each token's start offset to its index."""
        return {tok.start: i for i, tok in enumerate(self.tokens)}

    def token_ends(self) -> dict[int, int]:
        """Map each token's end offset to its index."""
        return {tok.end: i for i, tok in enumerate(self.tokens)}

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that contains character ``offset`` (or the one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)


def _is_opening(token: Any) -> bool:
    if token.text in _OPENING:
        return True
    # A straight quote opens when it follows a space and sticks to the next word.
    previous_has_space = token.i > 0 and (
        bool(token.doc[token.i - 1].whitespace_) or token.doc[token.i - 1].is_space
    )
    return token.text in _AMBIGUOUS_QUOTES and previous_has_space and not token.whitespace_


def sentence_rules(doc: Doc) -> Doc:
    """Line breaks end sentences; opening brackets and quotes start them.

    Only the few tokens that can matter are visited (whitespace tokens and
    opening punctuation), found with array operations: this runs on every
    document of every build.
    """
    from spacy.attrs import IS_SPACE, ORTH, SENT_START

    if len(doc) < 2:
        return doc
    flags = doc.to_array([IS_SPACE, ORTH, SENT_START])
    # Sentence starts are changed in an array and written back once: setting
    # Token.is_sent_start re-checks the whole document each time.
    starts = flags[:, 2].astype(numpy.int64)
    for i in numpy.flatnonzero(flags[:, 0]).tolist():
        if i > 0:
            starts[i] = -1
        if i + 1 < len(doc) and not flags[i + 1, 0] and "\n" in doc[i].text:
            starts[i + 1] = 1
    for i in numpy.flatnonzero(numpy.isin(flags[:, 1], _opening_hashes(doc))).tolist():
        if 0 < i < len(doc) - 1 and starts[i + 1] == 1 and starts[i] != 1 and _is_opening(doc[i]):
            starts[i], starts[i + 1] = 1, -1
    starts[0] = 1
    doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def _opening_hashes(doc: Doc) -> numpy.ndarray:
    strings = doc.vocab.strings
    return numpy.array([strings.add(text) for text in (*_OPENING, *_AMBIGUOUS_QUOTES)], dtype=numpy.uint64)


def _import_spacy() -> Any:
    """spaCy, imported without letting thinc load torch, which the tokenizer never uses.

    thinc imports torch whenever it can (about a second, and hundreds of
    megabytes, in every process that tokenises). Hiding it during this one import
    leaves thinc's torch support off in this process only; nothing here uses it,
    and torch itself imports normally afterwards.
    """
    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


def exceptions_for(texts: Iterable[str], exceptions: Mapping[str, Any]) -> dict[str, Any]:
    """The tokenizer exceptions that can take effect on ``texts``; tokenising them with these gives the same tokens.

    An exception can only act where its string occurs in the text with
    whitespace removed: the tokenizer looks exceptions up inside
    whitespace-delimited chunks, and its phrase-matching pass joins adjacent
    tokens, which at most a single space separates. So every exception whose
    string is absent from the texts with their whitespace removed is left out
    (exceptions that contain whitespace are always kept). The search anchors
    each exception on its first character that is not a letter or digit, so it
    visits only the places in the texts where that character occurs.

    Args:
        texts: the texts to be tokenised.
        exceptions: spaCy tokenizer exceptions (string -> token attributes).

    >>> sorted(exceptions_for(["Ia berhati - hati di A.S."], {"hati-hati": 1, "S.": 2, "A.S.": 3, "ke-2": 4}))
    ['A.S.', 'S.', 'hati-hati']
    """
    joined = "\0".join("".join(text.split()) for text in texts)
    kept: dict[str, Any] = {}
    # anchor character -> offset of the anchor in the exception -> string up to the anchor -> exceptions
    anchored: dict[str, dict[int, dict[str, list[str]]]] = {}
    for string in exceptions:
        anchor = next((i for i, char in enumerate(string) if not char.isalnum()), None)
        if any(char.isspace() for char in string) or (anchor is None and string in joined):
            kept[string] = exceptions[string]
        elif anchor is not None:
            heads_at = anchored.setdefault(string[anchor], {}).setdefault(anchor, {})
            heads_at.setdefault(string[:anchor + 1], []).append(string)
    for char, by_offset in anchored.items():
        positions = list(_positions(joined, char))
        for offset, heads in by_offset.items():
            for position in positions:
                candidates = heads.get(joined[position - offset:position + 1]) if position >= offset else None
                for string in candidates or ():
                    if joined.startswith(string, position - offset):
                        kept[string] = exceptions[string]
    return {string: kept[string] for string in exceptions if string in kept}


def _positions(text: str, char: str) -> Iterator[int]:
    position = text.find(char)
    while position != -1:
        yield position
        position = text.find(char, position + 1)


def _pipeline(exceptions: Mapping[str, Any] | None) -> Language:
    """Blank Indonesian with the given tokenizer exceptions (None: spaCy's own), sentencizer and sentence rules."""
    spacy = _import_spacy()
    from spacy.lang.id import Indonesian, IndonesianDefaults
    from spacy.language import Language

    if "indogeoie_sentence_rules" not in Language.factories:
        Language.component("indogeoie_sentence_rules", func=sentence_rules)
    if exceptions is None:
        nlp = spacy.blank("id")
    else:
        chosen = dict(exceptions)

        class SomeExceptionsDefaults(IndonesianDefaults):
            tokenizer_exceptions = chosen

        class SomeExceptionsIndonesian(Indonesian):
            Defaults = SomeExceptionsDefaults

        nlp = SomeExceptionsIndonesian.from_config({})
    for glued, parts in GLUED_WORDS.items():
        nlp.tokenizer.add_special_case(glued, [{"ORTH": part} for part in parts])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("indogeoie_sentence_rules", after="sentencizer")
    return nlp


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """The project's spaCy pipeline: blank Indonesian, sentencizer, sentence rules."""
    return _pipeline(None)


def make_nlp_for(texts: Iterable[str]) -> Language:
    """The project's pipeline, with only the tokenizer exceptions that can apply to ``texts``.

    Loading spaCy's 16,000 Indonesian exceptions takes seconds; a batch of texts
    needs a few hundred of them. The tokens of ``texts`` are the same as from
    :func:`make_nlp` (see :func:`exceptions_for`); other texts may differ.
    """
    _import_spacy()
    from spacy.lang.id import IndonesianDefaults

    return _pipeline(exceptions_for(texts, IndonesianDefaults.tokenizer_exceptions))


def tokenize(text: str, nlp: Language | None = None) -> TokenizedText:
    """Tokenise and sentence-split ``text``; whitespace tokens are left out.

    Args:
        text: cleaned text.
        nlp: the pipeline (default :func:`make_nlp`); one from :func:`make_nlp_for` with this text among its texts.
    """
    doc = (nlp or make_nlp())(text)
    if not len(doc):
        return TokenizedText(text=text, tokens=(), sentences=())
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

    # Offsets and lengths come out as one array: a spaCy Token object per token would cost more than the rest.
    columns = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START])
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    first = 0
    rows: list[list[int]] = columns.tolist()  # type: ignore[assignment]  # numpy types tolist() as float
    for start, length, is_space, sent_start in rows:
        if sent_start == 1 and len(tokens) > first:
            sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens)))
            first = len(tokens)
        if not is_space:
            tokens.append(Token(text[start:start + length], start, start + length))
    if len(tokens) > first:
        sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens)))
    return TokenizedText(text=text, tokens=tuple(tokens), sentences=tuple(sentences))


def pretokenized(text: str, sentences: Sequence[tuple[int, int]]) -> TokenizedText:
    """Tokens and sentences of text that its source tokenised: sentences as given, tokens between spaces.

    Args:
        text: the text.
        sentences: each sentence's ``(start, end)`` character offsets, in order.

    >>> t = pretokenized("Iran menguji rudal . AS diam", [(0, 20), (21, 28)])
    >>> [t.text for t in t.tokens], [(s.first, s.last) for s in t.sentences]
    (['Iran', 'menguji', 'rudal', '.', 'AS', 'diam'], [(0, 4), (4, 6)])
    """
    tokens: list[Token] = []
    spans: list[Sentence] = []
    for start, end in sentences:
        first = len(tokens)
        position = start
        for piece in text[start:end].split(" "):
            if piece:
                tokens.append(Token(piece, position, position + len(piece)))
            position += len(piece) + 1
        spans.append(Sentence(start, end, first, len(tokens)))
    return TokenizedText(text=text, tokens=tuple(tokens), sentences=tuple(spans))
