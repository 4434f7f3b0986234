"""The benchmark run: byte-identical reruns, every output written whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from indogeoie import io, paths
from indogeoie.benchmark.run import run_benchmark


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_reruns_give_identical_bytes(tmp_path: Path) -> None:
    for name in ("one", "two"):
        run_benchmark(dataset_dir=paths.DATASET, results_dir=tmp_path / name, cache_dir=paths.ROOT / ".cache",
                      models=["lexicon"])
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert one == two
    assert {"lexicon.json", "gold-mentions.json", "LEADERBOARD.md", "metrics.png",
            "predictions/lexicon/test.documents.jsonl", "predictions/lexicon/test.tags.jsonl"} <= set(one)


def test_an_interrupted_run_keeps_the_previous_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = tmp_path / "results"
    run_benchmark(dataset_dir=paths.DATASET, results_dir=results, cache_dir=paths.ROOT / ".cache", models=["lexicon"])
    before = files(results)
    real = io.write_text

    def fail_on_the_leaderboard(path: Path, text: str, **kwargs: object) -> None:
        if path.name == "LEADERBOARD.md":
            raise KeyboardInterrupt
        real(path, text + "changed", **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(io, "write_text", fail_on_the_leaderboard)
    with pytest.raises(KeyboardInterrupt):
        run_benchmark(dataset_dir=paths.DATASET, results_dir=results, cache_dir=paths.ROOT / ".cache",
                      models=["lexicon"])
    after = files(results)
    assert after["LEADERBOARD.md"] == before["LEADERBOARD.md"]
    assert not [name for name in after if name.endswith(".tmp")]
