"""The three-way comparison of one document's labels: base, ours (git) and theirs (Label Studio).

Each side is the fingerprint of a document's labels
(:func:`indogeoie.records.labels_fingerprint`), or None where the side has no
annotation. The base is the fingerprint as last pushed or pulled.

>>> three_way(base="a", ours="a", theirs="b")   # changed in Label Studio only
'theirs'
>>> three_way(base="a", ours="c", theirs="a")   # changed in git only
'ours'
>>> three_way(base="a", ours="c", theirs="b")   # changed on both sides
'conflict'
>>> three_way(base=None, ours=None, theirs="b") # a new annotation
'theirs'
"""

from __future__ import annotations

from typing import Literal

Outcome = Literal["same", "theirs", "ours", "conflict"]



def three_way(*, base: str | None, ours: str | None, theirs: str | None) -> Outcome:
    """Which side wins for one document, or ``conflict`` when both changed it differently."""
    if ours == theirs:
        return "same"
    if ours == base or (ours is None and base is None):
        return "theirs"
    if theirs == base:
        return "ours"
    return "conflict"
