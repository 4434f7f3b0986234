"""The floor: the entity strings and trigger word forms of the training set, with their majority type.

Tagging is a greedy longest match, left to right, of those token sequences.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from indogeoie.benchmark.types import Sentence, TagPrediction
from indogeoie.text.alignment import iob2_to_spans
from indogeoie.text.tokens import Token

Lexicon = dict[tuple[str, ...], str]


def _spans(sentence: Sentence, tags: list[str]) -> list[tuple[int, int, str]]:
    """Token ranges (first, last + 1, type) of the chunks in ``tags``."""
    tokens = [Token(t, s, e)
              for t, s, e in zip(sentence.tokens, sentence.token_starts, sentence.token_ends, strict=True)]
    index = {tok.start: i for i, tok in enumerate(tokens)}
    end_index = {tok.end: i for i, tok in enumerate(tokens)}
    return [(index[s], end_index[e] + 1, label) for s, e, label in iob2_to_spans(tokens, tags)]


ChunkCounts = dict[tuple[str, ...], Counter[str]]


def chunk_counts(sentences: list[Sentence], column: str) -> ChunkCounts:
    """How often each chunk (its words) carries each type in ``sentences``."""
    seen: ChunkCounts = defaultdict(Counter)
    for sentence in sentences:
        for first, last, label in _spans(sentence, getattr(sentence, column)):
            seen[tuple(sentence.tokens[first:last])][label] += 1
    return dict(seen)


def _best(counts: Counter[str]) -> str | None:
    positive = [(n, label) for label, n in counts.items() if n > 0]
    return min(positive, key=lambda item: (-item[0], item[1]))[1] if positive else None


def lexicon(counts: ChunkCounts, minus: ChunkCounts | None = None) -> Lexicon:
    """Each chunk's most frequent type (ties: the first by name), optionally without ``minus``'s counts.

    ``minus`` gives a held-out lexicon in time proportional to the lexicon, not the corpus.
    """
    result = {}
    for words, seen in counts.items():
        remaining = seen - minus[words] if minus and words in minus else seen
        best = _best(remaining)
        if best is not None:
            result[words] = best
    return result


def build_lexicon(sentences: list[Sentence], column: str) -> Lexicon:
    """Every chunk seen in ``sentences``, mapped to its most frequent type (ties: the first type by name)."""
    return lexicon(chunk_counts(sentences, column))


def longest_match(tokens: list[str], lexicon: Lexicon) -> list[str]:
    """IOB2 tags by greedy longest match, left to right, without overlaps."""
    longest = max((len(k) for k in lexicon), default=0)
    tags = ["O"] * len(tokens)
    i = 0
    while i < len(tokens):
        for length in range(min(longest, len(tokens) - i), 0, -1):
            label = lexicon.get(tuple(tokens[i:i + length]))
            if label is not None:
                tags[i:i + length] = [f"B-{label}"] + [f"I-{label}"] * (length - 1)
                i += length
                break
        else:
            i += 1
    return tags


class LexiconTagger:
    """Longest match of the training set's entity strings and trigger word forms, with their majority type."""

    name = "lexicon"

    def settings(self) -> dict[str, Any]:
        return {}

    def available(self) -> tuple[bool, str]:
        return True, ""

    def train(self, sentences: list[Sentence], *, seed: int, workdir: Path,
              validation: list[Sentence] | None = None) -> tuple[Lexicon, Lexicon]:
        del seed, workdir, validation  # deterministic, nothing to select and nothing to save
        return build_lexicon(sentences, "ner_tags"), build_lexicon(sentences, "trigger_tags")

    def predict(self, model: tuple[Lexicon, Lexicon], sentences: list[Sentence]) -> list[TagPrediction]:
        entities, triggers = model
        return [TagPrediction(s.id, longest_match(s.tokens, entities), longest_match(s.tokens, triggers))
                for s in sentences]
