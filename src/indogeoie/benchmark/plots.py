"""The benchmark's plot: every metric of every system on the test split, with its 95% interval."""

from __future__ import annotations

from typing import Any

import numpy as np

from indogeoie.benchmark.metrics import METRIC_NAMES


def _png(figure: Any) -> bytes:
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def metrics_plot(rows: list[dict[str, Any]]) -> bytes:
    """Grouped points with interval bars: one group per metric, one colour per system."""
    # The object-oriented API draws without pyplot's global state or a backend switch.
    from matplotlib.figure import Figure

    metrics = list(METRIC_NAMES)
    figure = Figure(figsize=(12, 4.5))
    axis = figure.subplots()
    width = 0.8 / max(len(rows), 1)
    for index, row in enumerate(rows):
        found = row["reports"]["test"]["metrics"]
        xs, values, lows, highs = [], [], [], []
        for position, metric in enumerate(metrics):
            if metric in found:
                xs.append(position + (index - (len(rows) - 1) / 2) * width)
                values.append(found[metric]["value"])
                lows.append(found[metric]["value"] - found[metric]["ci95"][0])
                highs.append(found[metric]["ci95"][1] - found[metric]["value"])
        axis.errorbar(xs, values, yerr=[lows, highs], fmt="o", capsize=3, label=row["system"])
    axis.set_xticks(np.arange(len(metrics)), [METRIC_NAMES[m].replace(" F1", "\nF1") for m in metrics], fontsize=8)
    axis.set_ylim(0, 1)
    axis.set_ylabel("test score (95% interval, bootstrap over documents)")
    axis.grid(axis="y", alpha=0.3)
    axis.legend(fontsize=8)
    figure.tight_layout()
    return _png(figure)
