"""``indogeoie predict``: a baseline's entities and events on new text.

The tagger is trained on the dataset's train split (its settings chosen on
validation, as in the benchmark), the argument model likewise; both are
deterministic, so the same text gives the same output. Input is raw article
text (tokenised by the project tokenizer) or a pre-tokenised CoNLL file
(tokens joined by single spaces, one sentence per block).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indogeoie.benchmark.data import load_benchmark_data, spans_by_document
from indogeoie.benchmark.pipeline import train_argument_model
from indogeoie.benchmark.registry import load_tagger
from indogeoie.benchmark.types import Sentence
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.conll import conll_to_sentences
from indogeoie.formats.document_predictions import as_annotated, document_row
from indogeoie.text.tokens import TokenizedText, pretokenized, tokenize

MAX_INPUT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Input:
    """One text to run on: its id, text and tokens."""

    doc_id: str
    text: str
    tokenized: TokenizedText


def _text(raw: bytes, where: str) -> str:
    if len(raw) > MAX_INPUT_BYTES:
        raise IndoGeoIEError(Problem(f"{len(raw):,} bytes, more than the {MAX_INPUT_BYTES:,} an article may have",
                                     where))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IndoGeoIEError(Problem(f"not UTF-8: byte 0x{raw[error.start]:02x} at byte offset {error.start}; "
                                     "expected UTF-8 text", where)) from None
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        raise IndoGeoIEError(Problem(f"a bare carriage return at character offset {text.index(chr(13))}; expected "
                                     "\\n or \\r\\n line ends", where))
    if not text.strip():
        raise IndoGeoIEError(Problem("the text is empty", where))
    return text


def _conll_inputs(text: str, name: str) -> list[Input]:
    blocks = text.split("-DOCSTART-")[1:]
    inputs = []
    for index, block in enumerate(blocks, start=1):
        body = block.split("\n", 1)[1] if "\n" in block else ""
        sentences = conll_to_sentences(body)
        if not sentences:
            continue
        joined, offsets = "", []
        for tokens, _ in sentences:
            start = len(joined) + (1 if joined else 0)
            joined = (joined + "\n" if joined else "") + " ".join(tokens)
            offsets.append((start, len(joined)))
        inputs.append(Input(f"{name}-{index:03d}", joined, pretokenized(joined, offsets)))
    if not inputs:
        raise IndoGeoIEError(Problem("no sentence after the -DOCSTART- lines", name))
    return inputs


def read_inputs(files: list[Path], *, stdin: str | None) -> list[Input]:
    """The texts to run on: article files, one CoNLL file, or standard input."""
    if stdin is not None:
        return [Input("stdin", _text(stdin.encode("utf-8"), "stdin"), tokenize(_text(stdin.encode("utf-8"), "stdin")))]
    inputs = []
    for path in files:
        if not path.is_file():
            raise IndoGeoIEError(Problem("not a regular file", str(path)))
        text = _text(path.read_bytes(), str(path))
        doc_id = re.sub(r"[^A-Za-z0-9_.-]", "_", path.stem)
        if text.lstrip().startswith("-DOCSTART-"):
            inputs += _conll_inputs(text, doc_id)
        else:
            inputs.append(Input(doc_id, text, tokenize(text)))
    ids = [i.doc_id for i in inputs]
    if len(set(ids)) != len(ids):
        raise IndoGeoIEError(Problem(f"two inputs share a name: {sorted({i for i in ids if ids.count(i) > 1})}"))
    return inputs


def _sentences(item: Input) -> list[Sentence]:
    found = []
    for index, sentence in enumerate(item.tokenized.sentences):
        tokens = item.tokenized.tokens[sentence.first:sentence.last]
        found.append(Sentence(f"{item.doc_id}-{index:03d}", item.doc_id, [t.text for t in tokens],
                              [t.start for t in tokens], [t.end for t in tokens], ["O"] * len(tokens),
                              ["O"] * len(tokens)))
    return found


def predict_texts(inputs: list[Input], *, model: str, dataset_dir: Path, cache_dir: Path, output_format: str,
                  progress: Callable[[str], None] = lambda message: None) -> str:
    """Documents (JSON Lines), or Label Studio tasks with predictions (JSON), for ``inputs``."""
    from indogeoie_baselines.arguments import DocumentMentions

    tagger = load_tagger(model)
    available, reason = tagger.available()
    if not available:
        raise IndoGeoIEError(Problem(f"model {model!r} cannot run here: {reason}"))
    data = load_benchmark_data(dataset_dir, cache_dir)
    progress(f"training {model} on the train split of {dataset_dir}")
    trained = tagger.train(data.split("train"), seed=13, workdir=cache_dir / "models" / "predict" / model,
                           validation=data.split("validation"))
    arguments = train_argument_model(data)
    sentences = [s for item in inputs for s in _sentences(item)]
    predicted = tagger.predict(trained, sentences)
    entities = spans_by_document(sentences, [p.ner_tags for p in predicted])
    triggers = spans_by_document(sentences, [p.trigger_tags for p in predicted])
    mentions = [DocumentMentions(i.doc_id, i.text, [t.start for t in i.tokenized.tokens],
                                 [t.end for t in i.tokenized.tokens], [s.start for s in i.tokenized.sentences],
                                 sorted(entities.get(i.doc_id, [])), sorted(triggers.get(i.doc_id, [])))
                for i in inputs]
    events = arguments.predict(mentions)
    if output_format == "plover":
        return _plover(inputs, entities, events, data)
    if output_format == "documents":
        return "".join(json.dumps(document_row(i.doc_id, entities.get(i.doc_id, []), events[i.doc_id]),
                                  ensure_ascii=False) + "\n" for i in inputs)
    from indogeoie.annotation.fit import fit_to_span_rules
    from indogeoie.formats.labelstudio_tasks import document_result

    tasks = []
    for item in inputs:
        document = as_annotated(item.doc_id, item.text, entities.get(item.doc_id, []), events[item.doc_id])
        fitted, _ = fit_to_span_rules(document, item.tokenized)
        tasks.append({"data": {"text": item.text, "doc_id": item.doc_id},
                      "predictions": [{"model_version": model, "result": document_result(fitted)}]})
    return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"


def _plover(inputs: list[Input], entities: dict[str, list[tuple[int, int, str]]],
            events: dict[str, tuple[Any, ...]], data: Any) -> str:
    """PLOVER records of the predictions, actors normalised by the baseline (each incomplete one says why)."""
    from indogeoie.annotation.actors import checkout_actor_table
    from indogeoie.benchmark.event_data import baseline_for
    from indogeoie.formats.plover import missing_fields, plover_records

    normaliser = baseline_for(data, checkout_actor_table())
    lines = []
    for item in inputs:
        document = as_annotated(item.doc_id, item.text, entities.get(item.doc_id, []), events[item.doc_id])
        for record in plover_records(document, None, item.tokenized, normaliser.normalise):
            missing = missing_fields(record)
            lines.append(json.dumps({**record, "missing": missing} if missing else record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
