"""Tests for indogeoie.benchmark.speed: one measured command, the targets and the report's table."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from indogeoie.benchmark.speed import COMPARED_ARTICLES, REPEATS, _measure, markdown, targets


def scale_row(scale: int, articles: int, *, build: float, converter: float) -> dict[str, Any]:
    tokens = articles * 340
    return {"scale": scale, "articles": articles, "tokens": tokens, "build_seconds": build,
            "build_peak_rss_bytes": 300 * 2**20, "converter_process_seconds": converter,
            "build_vs_converter": round(build / converter, 3), "load_cold_seconds": 0.2, "load_warm_seconds": 0.1,
            "score_seconds": 2.0, "bare_seqeval_seconds": 1.0, "score_vs_bare": 2.0,
            "crf_train_tokens_per_second": 1800.0, "crf_predict_tokens_per_second": 25000.0}


ROWS = [scale_row(1, 163, build=2.0, converter=2.5), scale_row(3, 489, build=2.9, converter=3.0),
        scale_row(10, 1630, build=9.0, converter=6.0)]


def test_the_build_is_compared_with_the_converter_at_about_500_articles() -> None:
    comparison = targets(ROWS)[0]
    assert COMPARED_ARTICLES == 500
    assert comparison["target"] == "build no slower than the SDK converter at 489 articles (ratio <= 1.0)"
    assert comparison == {**comparison, "value": 0.967, "met": True}
    slower = [ROWS[0], scale_row(3, 489, build=3.3, converter=3.0), ROWS[2]]
    assert targets(slower)[0]["met"] is False


def test_memory_and_linearity_are_checked_at_the_largest_scale() -> None:
    by_name = {t["target"].split(":")[0]: t for t in targets(ROWS)}
    assert by_name["build peak memory under 2 GB"] == {"target": "build peak memory under 2 GB", "value": 0.293,
                                                       "met": True}
    linear = by_name["linear"]
    assert linear["value"] == round(9.0 / 2.9, 2) and linear["met"] is True  # 3.3x the tokens, 3.1x the time
    steep = [ROWS[0], ROWS[1], scale_row(10, 1630, build=20.0, converter=6.0)]
    assert {t["target"].split(":")[0]: t for t in targets(steep)}["linear"]["met"] is False


def test_the_report_has_a_row_per_scale_and_says_how_runs_are_combined() -> None:
    report = {"machine": {"cpus": 2, "python": "3.11.7"}, "scales": ROWS, "targets": targets(ROWS),
              "timings": {"benchmark_seconds": 95.0, "score_seconds": 3.4}, "stability": []}
    text = markdown(report)
    assert f"the median of {REPEATS} runs taken in turn" in text
    assert "| 3x | 489 | 166,260 | 2.9 | 300 | 3.0 | 0.967 |" in text
    assert "| build no slower than the SDK converter at 489 articles (ratio <= 1.0) | 0.967 | yes |" in text


def test_a_measured_command_gives_its_time_memory_and_output() -> None:
    result = _measure([sys.executable, "-c", "print('done')"])
    assert result["output"] == "done" and result["seconds"] > 0 and result["peak_rss_bytes"] > 2**20


def test_a_failing_command_is_reported_with_its_output() -> None:
    with pytest.raises(RuntimeError, match=r"exited with 3:\nbroken"):
        _measure([sys.executable, "-c", "import sys; print('broken'); sys.exit(3)"])
