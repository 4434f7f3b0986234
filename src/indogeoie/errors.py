r"""The project's error type: every problem with input says where it is.

>>> str(Problem(file="a.json", doc_id="d1", region="t7", offsets=(3, 9), message="bad"))
'a.json: doc d1: region t7 [3:9]: bad'

Every part is printed on one line, with control characters escaped, so that a
doc_id holding a newline or a terminal escape can neither split a problem
over two lines nor reach the terminal raw:

>>> str(Problem("bad", doc_id="d1\nerror: forged\x1b[31m"))
'doc d1\\nerror: forged\\x1b[31m: bad'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b``), so it prints on one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file."""

    message: str
    file: str | None = None
    doc_id: str | None = None
    region: str | None = None
    offsets: tuple[int, int] | None = None

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(one_line(self.file))
        if self.doc_id:
            where.append(f"doc {one_line(self.doc_id)}")
        if self.region:
            region = f"region {one_line(self.region)}"
            if self.offsets is not None:
                region += f" [{self.offsets[0]}:{self.offsets[1]}]"
            where.append(region)
        elif self.offsets is not None:
            where.append(f"[{self.offsets[0]}:{self.offsets[1]}]")
        return ": ".join([*where, one_line(self.message)])

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "doc_id": self.doc_id,
            "region": self.region,
            "offsets": list(self.offsets) if self.offsets is not None else None,
            "message": self.message,
        }


class IndoGeoIEError(Exception):
    """Bad input or a failed step; carries one or more located problems.

    The CLI prints each problem on its own line and exits with status 1.
    """

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))
