r"""What the fields of a Label Studio export may hold: which annotation of a task counts, which strings are kept.

>>> choose_annotation([{"id": 1, "was_cancelled": True}, {"id": 2, "result": []}])[0]["id"]
2
>>> text_problem("AS\ud800")
'a lone surrogate (U+D800) at offset 2; expected valid Unicode'
"""

from __future__ import annotations

from typing import Any


def text_problem(value: str) -> str | None:
    """Why a string from an export cannot be kept as it is: a lone surrogate or a control character."""
    for index, char in enumerate(value):
        if 0xD800 <= ord(char) <= 0xDFFF:
            return f"a lone surrogate (U+{ord(char):04X}) at offset {index}; expected valid Unicode"
    return None


def control_problem(value: str) -> str | None:
    for index, char in enumerate(value):
        if ord(char) < 0x20 or ord(char) == 0x7F:
            return f"a control character (U+{ord(char):04X}) at offset {index}"
    return text_problem(value)


def choose_annotation(annotations: list[Any]) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The one annotation of a task that counts, and the other live ones.

    Cancelled (skipped) annotations never count; among the rest, one marked
    ``ground_truth`` wins, otherwise the one updated last (``updated_at``, then
    the highest ``id``).
    """
    live = [a for a in annotations if isinstance(a, dict) and a.get("was_cancelled") is not True]
    if not live:
        return None, []
    ranked = sorted(live, key=lambda a: (a.get("ground_truth") is True, str(a.get("updated_at") or ""),
                                         int_or(a.get("id"))))
    return ranked[-1], ranked[:-1]


def int_or(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1
