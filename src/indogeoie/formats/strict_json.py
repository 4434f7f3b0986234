"""JSON read strictly: no duplicate keys, no NaN or Infinity, no nesting deeper than Python can parse.

Python's ``json`` lets the last of two equal keys win silently and reads
``NaN``; every reader of the project's input files uses :func:`loads_strict`
instead, and :func:`json_problem` to say what is wrong and where.

>>> loads_strict('{"a": 1, "a": 2}')
Traceback (most recent call last):
...
ValueError: the key 'a' appears twice in one object
"""

from __future__ import annotations

import json
from typing import Any

from indogeoie.errors import Problem


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise ValueError(f"the key {duplicate!r} appears twice in one object")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def loads_strict(text: str) -> Any:
    """``json.loads``, refusing duplicate keys and NaN/Infinity (raises ValueError or RecursionError)."""
    return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)


def json_problem(error: Exception, *, file: str | None, doc_id: str | None = None, what: str = "JSON") -> Problem:
    """A located message for an error raised by :func:`loads_strict`."""
    if isinstance(error, json.JSONDecodeError):
        return Problem(f"invalid {what} at line {error.lineno} column {error.colno} (character {error.pos}): "
                       f"{error.msg}", file, doc_id)
    if isinstance(error, RecursionError):
        return Problem(f"the {what} is nested too deeply", file, doc_id)
    return Problem(f"invalid {what}: {error}", file, doc_id)
