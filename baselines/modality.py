"""Modality by cue words in the three tokens before the trigger, within its sentence.

A negation cue anywhere in the window wins (``tidak akan menyerang`` is
negated); otherwise the cue nearest the trigger decides. The cue lists were
drawn up by reading the train and validation documents; a trigger with no
cue is ``asserted``, the most frequent modality.
"""

from __future__ import annotations

from bisect import bisect_right

from indogeoie.schema import ASSERTED, FUTURE, HYPOTHETICAL, NEGATED

WINDOW = 3
CUES = {
    NEGATED: frozenset({"tidak", "tak", "bukan", "belum", "tanpa"}),
    FUTURE: frozenset({"akan", "bakal", "hendak", "dijadwalkan"}),
    HYPOTHETICAL: frozenset({"untuk", "agar", "supaya", "guna", "jika", "bila", "apabila", "kalau", "ingin",
                               "harus", "bisa", "dapat", "mungkin", "meminta", "mendesak", "berusaha", "berupaya",
                               "upaya", "rencana", "berencana", "siap", "terancam", "mendorong"}),
}


def modality_of(text: str, token_starts: list[int], token_ends: list[int], sentence_starts: list[int],
                trigger: tuple[int, int, str]) -> str:
    """The modality of the trigger at ``trigger`` (start, end, type) in ``text``.

    >>> text = "AS tidak akan menyerang Irak"
    >>> starts, ends = [0, 3, 9, 14, 24], [2, 8, 13, 23, 28]
    >>> modality_of(text, starts, ends, [0], (14, 23, "ASSAULT"))
    'negated'
    """
    first = bisect_right(token_starts, trigger[0]) - 1
    sentence_start = sentence_starts[max(bisect_right(sentence_starts, trigger[0]) - 1, 0)]
    found = []  # the window's cues, nearest first
    for index in range(first - 1, max(first - 1 - WINDOW, -1), -1):
        if token_starts[index] < sentence_start:
            break
        word = text[token_starts[index]:token_ends[index]].lower()
        found += [modality for modality, cues in CUES.items() if word in cues]
    if NEGATED in found:
        return NEGATED
    return found[0] if found else ASSERTED
