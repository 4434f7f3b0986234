"""Tests for indogeoie.cli.benchmark: benchmark, score and predict check their arguments before any work."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from indogeoie.cli import app

runner = CliRunner()


def usage_error(args: list[str]) -> str:
    """The command's exit status must be 2 (a usage error); its message with the box and line breaks removed."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    return " ".join(result.output.replace("│", " ").split())


@pytest.mark.parametrize(("args", "message"), [
    (["score", "--predictions", "pyproject.toml", "--config", "triggers"],
     "Invalid value for --config: 'triggers'; expected one of ['ner', 'events']"),
    (["score", "--predictions", "pyproject.toml", "--split", "dev"],
     "Invalid value for --split: 'dev'; expected one of ['train', 'validation', 'test']"),
    (["score", "--predictions", "no-such.jsonl"], "Invalid value for --predictions: no-such.jsonl is not a file"),
    (["score", "--predictions", "pyproject.toml", "--compare", "src"], "Invalid value for --compare: src is not a file"),
    (["predict", "--format", "xml"], "Invalid value for --format: 'xml'; expected documents, labelstudio or plover"),
])
def test_bad_arguments_are_usage_errors(args: list[str], message: str) -> None:
    assert message in usage_error(args)


def test_benchmark_names_the_registered_models() -> None:
    message = usage_error(["benchmark", "--models", "nope"])
    assert "Invalid value for --models: unknown model(s) ['nope']; registered: [" in message
    assert "'lexicon'" in message.split("registered:")[1]
