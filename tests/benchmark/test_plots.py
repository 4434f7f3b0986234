"""Tests for indogeoie.benchmark.plots: the metrics plot is a PNG of a fixed size, the same bytes every time."""

from __future__ import annotations

import struct
from typing import Any

from indogeoie.benchmark.plots import metrics_plot


def row(system: str, value: float) -> dict[str, Any]:
    return {"system": system, "reports": {"test": {"metrics": {
        "ent_strict": {"value": value, "ci95": [value - 0.1, value + 0.1]},
        "trig_c": {"value": value / 2, "ci95": [value / 2 - 0.05, value / 2 + 0.05]}}}}}


def test_the_plot_is_a_png_of_12_by_4_5_inches_at_110_dpi() -> None:
    png = metrics_plot([row("crf", 0.6), row("lexicon", 0.4)])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1320, 495)


def test_the_same_rows_give_the_same_bytes_and_other_rows_other_bytes() -> None:
    rows = [row("crf", 0.6), row("lexicon", 0.4)]
    assert metrics_plot(rows) == metrics_plot(rows)
    assert metrics_plot(rows) != metrics_plot([row("crf", 0.6)])
