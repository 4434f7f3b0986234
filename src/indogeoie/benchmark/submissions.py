"""``indogeoie score``: anyone's predictions, scored exactly as the leaderboard scores its rows.

Three input formats, told apart by what the file declares, never by guessing:

* CoNLL (as ``indogeoie export conll`` writes it): ``-DOCSTART-`` lines, one
  token per line with its tag in the last column, a blank line after each
  sentence; sentences in the split's order.
* Sentence-level JSON Lines: rows with ``id`` and one tags key (names or ids).
* Document-level JSON Lines: rows with ``doc_id`` and ``entities`` and/or
  ``events`` (see :mod:`indogeoie.formats.predictions`).

A near miss gets a located hint instead of a silent zero: spans whose
offsets are one character off, or a CoNLL file without its ``-DOCSTART-`` lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from indogeoie.benchmark.bootstrap import replicate_weights
from indogeoie.benchmark.data import BenchmarkData, load_benchmark_data, tokens_of
from indogeoie.benchmark.evaluate import Report, SystemOutput, evaluate
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.conll import read_conll
from indogeoie.formats.document_predictions import read_event_predictions
from indogeoie.formats.predictions import TAGS, is_document_level, json_lines, read_tag_predictions
from indogeoie.records import Span
from indogeoie.text.alignment import spans_to_iob2


def _first_line(path: Path) -> str:
    with path.open("rb") as handle:
        for raw in iter(lambda: handle.readline(1 << 16), b""):
            if raw.strip():
                return raw.decode("utf-8", errors="replace").strip().lstrip("\ufeff")
    return ""


def _off_by_one_hint(data: BenchmarkData, split: str, entities: dict[str, list[tuple[int, int, str]]],
                     file: str) -> None:
    """Refuse document-level spans that miss the token boundaries by one character, with a hint."""
    starts: dict[str, set[int]] = {}
    ends: dict[str, set[int]] = {}
    for sentence in data.split(split):
        starts.setdefault(sentence.doc_id, set()).update(sentence.token_starts)
        ends.setdefault(sentence.doc_id, set()).update(sentence.token_ends)
    missed = [(d, a, b) for d, spans in entities.items() for a, b, _ in spans if a not in starts[d] or b not in ends[d]]
    shifted = [(d, a, b) for d, a, b in missed if b + 1 in ends[d] or b - 1 in ends[d]]
    if missed and len(shifted) * 2 >= len(missed):
        d, a, b = shifted[0]
        raise IndoGeoIEError(Problem(f"{len(missed)} entity span(s) do not end on a token; {len(shifted)} would, one "
                                     f"character further or nearer (e.g. doc {d} [{a}:{b}]). Offsets are 0-based "
                                     "with an exclusive end, as Python slices: is your end inclusive?", file))


def output_of(path: Path, *, config: str, data: BenchmarkData, split: str) -> SystemOutput:
    """Read one predictions file of any of the three formats into a system output."""
    file = str(path)
    sentences = data.split(split)
    column = "ner_tags" if config == "ner" else "trigger_tags"
    gold = {s.id: getattr(s, column) for s in sentences}
    first = _first_line(path)
    if first.startswith("-DOCSTART-"):
        tags = read_conll(path, sentences=[(s.id, s.doc_id, s.tokens) for s in sentences], names=TAGS[config])
        return SystemOutput(ner=tags) if config == "ner" else SystemOutput(triggers=tags)
    if first and not first.startswith(("{", "[")) and len(first.split()) >= 2:
        raise IndoGeoIEError(Problem("line 1 is not JSON but looks like a CoNLL line (token ... tag); a CoNLL file "
                                     "starts with a -DOCSTART- line for each document, as `indogeoie export conll` "
                                     "writes it", file))
    row = next((r for _, r, problem in json_lines(path) if problem is None), None)
    if is_document_level(row):
        texts = {d: data.texts[d] for d in data.doc_ids(split)}
        events, entities = read_event_predictions(path, texts=texts)
        ner = None
        if entities is not None:
            _off_by_one_hint(data, split, entities, file)
            ner = {}
            for sentence in sentences:
                spans = [Span(f"x{i}", t, a, b, "") for i, (a, b, t) in enumerate(entities.get(sentence.doc_id, []))
                         if sentence.token_starts[0] <= a and b <= sentence.token_ends[-1]]
                ner[sentence.id] = spans_to_iob2(tokens_of(sentence), spans).tags
        return SystemOutput(ner=ner, events=events)
    tags = read_tag_predictions(path, config=config, gold=gold)
    return SystemOutput(ner=tags) if config == "ner" else SystemOutput(triggers=tags)


def score_file(*, predictions: Path, config: str, split: str, dataset_dir: Path, cache_dir: Path,
               compare: Path | None = None) -> dict[str, Any]:
    """The leaderboard's report of a predictions file on one split, and the paired comparison with another.

    Raises:
        IndoGeoIEError: the dataset is not intact, or a file is not valid predictions (located).
    """
    data = load_benchmark_data(dataset_dir, cache_dir)
    report = evaluate(data, split, output_of(predictions, config=config, data=data, split=split))
    weights = replicate_weights(len(report.doc_ids))
    result: dict[str, Any] = {"file": str(predictions), "config": config, **report.as_dict(weights)}
    if compare is not None:
        other: Report = evaluate(data, split, output_of(compare, config=config, data=data, split=split))
        result["compared_with"] = {"file": str(compare), "metrics": {
            m: {**vars(c), "significant": c.significant} for m, c in report.compare(other, weights).items()}}
    return result
