r"""What the fields of a Label Studio export may hold: which annotation of a task counts, which strings are kept.

>>> choose_annotation([{"id": 1, "was_cancelled": True}, {"id": 2, "result": []}])[0]["id"]
2
>>> text_problem("AS\ud800")
'a lone surrogate (U+D800) at offset 2; expected valid Unicode'
>>> control_problem("e1\t")
'a control character (U+0009) at offset 2'
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def text_problem(value: str) -> str | None:
    """Why a string from an export cannot be kept as it is: a lone surrogate."""
    found = _SURROGATE.search(value)
    if found is None:
        return None
    return f"a lone surrogate (U+{ord(found.group()):04X}) at offset {found.start()}; expected valid Unicode"


def control_problem(value: str) -> str | None:
    """Why a name or id from an export cannot be kept: a control character, or a lone surrogate."""
    found = _CONTROL.search(value)
    if found is not None:
        return f"a control character (U+{ord(found.group()):04X}) at offset {found.start()}"
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
