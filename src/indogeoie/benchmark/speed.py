"""``make bench``: build, load and score from 1x to 30x the gold corpus, beside the alternatives.

For each scale (a Label Studio export recombined from the gold sentences, see
:mod:`indogeoie.benchmark.scaled_corpus`) it measures, in one run on this machine:

* ``indogeoie build --from`` wall time and peak resident memory (the largest
  single process, parent or worker, from ``wait4``), against
  ``label_studio_sdk.converter.Converter`` to CONLL2003 on the same export,
  each the median of :data:`REPEATS` runs taken in turn (one run varies by a
  fifth on a shared machine);
* ``datasets.load_dataset`` of the ``ner`` config, cold (empty cache) and warm;
* ``indogeoie score`` (reading the dataset and the predictions, strict and
  default modes, identification, per type) against the script a user would
  otherwise write: read the same files and call seqeval's
  ``classification_report(mode="strict", scheme=IOB2)``;
* CRF training and prediction speed in tokens per second.

Everything runs in child processes, so that each measurement starts cold.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from indogeoie import io, paths

#: Multiples of the gold corpus; 3x is about 500 articles.
SCALES = (1, 3, 10, 30)
#: The export size (articles) at which the build must be no slower than the converter.
COMPARED_ARTICLES = 500
#: Build and converter runs at each scale, alternating; their medians are reported.
REPEATS = 3
CRF_MAX_TOKENS = 250_000  # CRF training is superlinear in practice; beyond this it is sampled


def _measure(command: list[str], *, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a command; its wall time, peak RSS (bytes) and output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})})
    output = process.stdout.read().decode(errors="replace") if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {code}:\n{output[-2000:]}")
    return {"seconds": round(seconds, 3), "peak_rss_bytes": usage.ru_maxrss * 1024, "output": output.strip()}


def _python(code: str, *args: str) -> dict[str, Any]:
    result = _measure([sys.executable, "-c", code, *args], env={"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"})
    result["value"] = json.loads(result["output"].splitlines()[-1])
    return result


CONVERTER = """
import json, sys, time
from label_studio_sdk.converter import Converter
config = open(sys.argv[1]).read()
started = time.perf_counter()
Converter(config=config, project_dir=None, download_resources=False).convert(sys.argv[2], sys.argv[3], "CONLL2003",
                                                                              is_dir=False)
print(json.dumps(time.perf_counter() - started))
"""

LOAD = """
import json, sys, time
from datasets import load_dataset
started = time.perf_counter()
dataset = load_dataset(sys.argv[1], "ner", cache_dir=sys.argv[2])
rows = sum(len(dataset[s]) for s in dataset)
print(json.dumps([time.perf_counter() - started, rows]))
"""

SCORE = """
import json, sys, time
from pathlib import Path
from indogeoie.benchmark.submissions import score_file
started = time.perf_counter()
report = score_file(predictions=Path(sys.argv[1]), config="ner", split="train", dataset_dir=Path(sys.argv[2]),
                    cache_dir=Path(sys.argv[3]))
print(json.dumps([time.perf_counter() - started, report["metrics"]["ent_strict"]["value"]]))
"""

BARE = """
import json, sys, time
started = time.perf_counter()
from datasets import load_dataset
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2
rows = load_dataset(sys.argv[2], "ner", cache_dir=sys.argv[3])["train"]
names = rows.features["ner_tags"].feature.names
gold = {r["id"]: [names[t] for t in r["ner_tags"]] for r in rows}
predicted = {}
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        row = json.loads(line)
        predicted[row["id"]] = row["tags"]
ids = list(gold)
report = classification_report([gold[i] for i in ids], [predicted[i] for i in ids], mode="strict", scheme=IOB2,
                               output_dict=True)
print(json.dumps([time.perf_counter() - started, report["micro avg"]["f1-score"]]))
"""

CRF = """
import json, sys, time, random
from pathlib import Path
from indogeoie.benchmark.data import load_benchmark_data
from indogeoie.benchmark.registry import load_tagger
corpus = load_benchmark_data(Path(sys.argv[1]), Path(sys.argv[2]))
limit = int(sys.argv[3])
tagger = load_tagger(sys.argv[4])
train = corpus.split("train")
test = corpus.split("test")
random.Random(0).shuffle(train)
chosen, tokens = [], 0
for sentence in train:
    if tokens >= limit:
        break
    chosen.append(sentence)
    tokens += len(sentence.tokens)
started = time.perf_counter()
model = tagger.train(chosen, seed=13, workdir=Path(sys.argv[2]) / sys.argv[4])
trained = time.perf_counter() - started
started = time.perf_counter()
tagger.predict(model, test)
predicted = time.perf_counter() - started
print(json.dumps([tokens, trained, sum(len(s.tokens) for s in test), predicted]))
"""


def run_scale(scale: int, workdir: Path, *, model: str, log: Any = print) -> dict[str, Any]:
    """Every measurement at one scale; ``model`` is the baseline whose training speed is measured."""
    from indogeoie.benchmark.scaled_corpus import perturbed_predictions, write_scaled_export
    from indogeoie.formats.labelstudio_export import read_export

    articles = scale * len(read_export(paths.GOLD_JSON).documents)
    export = workdir / f"export-{scale}x.json"
    tokens = write_scaled_export(gold=paths.GOLD / "gold.json", articles=articles, out=export)
    log(f"{scale}x: {articles} articles, {tokens:,} tokens, export {export.stat().st_size / 1e6:.1f} MB")
    dataset = workdir / f"dataset-{scale}x"
    builds, converters = [], []
    for _ in range(REPEATS):
        shutil.rmtree(dataset, ignore_errors=True)
        builds.append(_measure([sys.executable, "-m", "indogeoie", "build", "--from", str(export), "--out",
                                str(dataset)]))
        converters.append(_python(CONVERTER, str(paths.CONFIG_XML), str(export), str(workdir / f"conll-{scale}x")))
    cache = workdir / f"cache-{scale}x"
    cold = _python(LOAD, str(dataset), str(cache))
    warm = _python(LOAD, str(dataset), str(cache))
    predictions = workdir / f"predictions-{scale}x.jsonl"
    perturbed_predictions(dataset, predictions)
    ours = _python(SCORE, str(predictions), str(dataset), str(cache))
    bare = _python(BARE, str(predictions), str(dataset), str(cache))
    crf = _python(CRF, str(dataset), str(cache), str(CRF_MAX_TOKENS), model)
    crf_train_tokens, crf_train_s, crf_test_tokens, crf_predict_s = crf["value"]
    result = {
        "scale": scale,
        "articles": articles,
        "tokens": tokens,
        "export_bytes": export.stat().st_size,
        "build_seconds": statistics.median(b["seconds"] for b in builds),
        "build_runs": [b["seconds"] for b in builds],
        "build_peak_rss_bytes": max(b["peak_rss_bytes"] for b in builds),
        "converter_seconds": round(statistics.median(c["value"] for c in converters), 3),
        "converter_process_seconds": statistics.median(c["seconds"] for c in converters),
        "converter_runs": [c["seconds"] for c in converters],
        "load_cold_seconds": round(cold["value"][0], 3),
        "load_warm_seconds": round(warm["value"][0], 3),
        "score_seconds": round(ours["value"][0], 3),
        "bare_seqeval_seconds": round(bare["value"][0], 3),
        "score_f1": ours["value"][1],
        "bare_f1": bare["value"][1],
        "crf_train_tokens": crf_train_tokens,
        "crf_train_tokens_per_second": round(crf_train_tokens / crf_train_s, 1),
        "crf_predict_tokens_per_second": round(crf_test_tokens / crf_predict_s, 1),
    }
    result["build_vs_converter"] = round(result["build_seconds"] / result["converter_process_seconds"], 3)
    result["score_vs_bare"] = round(result["score_seconds"] / result["bare_seqeval_seconds"], 3)
    log(f"{scale}x: build {result['build_seconds']} s ({result['build_peak_rss_bytes'] / 2**20:.0f} MB), "
        f"converter {result['converter_process_seconds']} s, score {result['score_seconds']} s vs bare "
        f"{result['bare_seqeval_seconds']} s")
    return result


def targets(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The targets: the converter comparison at about :data:`COMPARED_ARTICLES` articles, the rest at the largest
    scale (and the step to it for linearity)."""
    big, before = rows[-1], rows[-2] if len(rows) > 1 else rows[-1]
    compared = min(rows, key=lambda r: abs(r["articles"] - COMPARED_ARTICLES))
    growth = big["tokens"] / before["tokens"]
    time_growth = big["build_seconds"] / before["build_seconds"]
    return [
        {"target": f"build no slower than the SDK converter at {compared['articles']} articles (ratio <= 1.0)",
         "value": compared["build_vs_converter"], "met": compared["build_vs_converter"] <= 1.0},
        {"target": "score within 1.2x of a bare seqeval call", "value": big["score_vs_bare"],
         "met": big["score_vs_bare"] <= 1.2},
        {"target": "build peak memory under 2 GB", "value": round(big["build_peak_rss_bytes"] / 2**30, 3),
         "met": big["build_peak_rss_bytes"] < 2 * 2**30},
        {"target": f"linear: {growth:.1f}x the tokens, at most {growth * 1.2:.1f}x the build time",
         "value": round(time_growth, 2), "met": time_growth <= growth * 1.2},
    ]


def markdown(report: dict[str, Any]) -> str:
    rows = report["scales"]
    lines = ["# Scale benchmark", "",
             f"`make bench` on {report['machine']['cpus']} CPUs, Python {report['machine']['python']}. "
             f"Times in seconds. Build and converter: the median of {REPEATS} runs taken in turn (every run is in "
             "bench.json); the converter is label_studio_sdk's CONLL2003 converter on the same export (process "
             "time, imports included, like the build's). Everything else: one run. Peak memory is the largest "
             "single process (`wait4`).", "",
             "| scale | articles | tokens | build | peak MB | converter | build/converter | load cold | "
             "load warm | score | bare seqeval | score/bare | CRF train tok/s | CRF predict tok/s |",
             "| --- " * 14 + "|"]
    for r in rows:
        lines.append(
            f"| {r['scale']}x | {r['articles']} | {r['tokens']:,} | {r['build_seconds']} | "
            f"{r['build_peak_rss_bytes'] / 2**20:.0f} | {r['converter_process_seconds']} | {r['build_vs_converter']} | "
            f"{r['load_cold_seconds']} | {r['load_warm_seconds']} | {r['score_seconds']} | "
            f"{r['bare_seqeval_seconds']} | {r['score_vs_bare']} | {r['crf_train_tokens_per_second']:,.0f} | "
            f"{r['crf_predict_tokens_per_second']:,.0f} |")
    lines += ["", "CRF training uses at most "
              f"{CRF_MAX_TOKENS:,} tokens of the train split at each scale (sampled with a fixed seed).", "",
              "## Targets", "", "| target | value | met |", "| --- | --- | --- |"]
    for t in report["targets"]:
        lines.append(f"| {t['target']} | {t['value']} | {'yes' if t['met'] else 'no'} |")
    from indogeoie.benchmark import budget

    return "\n".join(lines) + "\n\n" + budget.markdown(report)


def plot(report: dict[str, Any]) -> bytes:
    import io

    from matplotlib.figure import Figure

    rows = report["scales"]
    tokens = [r["tokens"] for r in rows]
    figure = Figure(figsize=(7, 4.5))
    axis = figure.subplots()
    for key, label in (("build_seconds", "indogeoie build"), ("converter_process_seconds", "SDK converter (CONLL2003)"),
                       ("load_cold_seconds", "load_dataset, cold"), ("load_warm_seconds", "load_dataset, warm"),
                       ("score_seconds", "indogeoie score"), ("bare_seqeval_seconds", "bare seqeval")):
        axis.plot(tokens, [r[key] for r in rows], marker="o", label=label)
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("tokens")
    axis.set_ylabel("seconds")
    axis.legend(fontsize=8)
    axis.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def run_bench(*, model: str, scales: tuple[int, ...] = SCALES, results_dir: Path = paths.RESULTS,
              log: Any = print) -> dict[str, Any]:
    """Run every scale; write results/bench.json, results/BENCH.md and results/bench.png.

    Args:
        model: the baseline whose training and prediction speed is measured.
        scales: multiples of the gold corpus.
        results_dir: where the three files go.
        log: progress messages.
    """
    from indogeoie.benchmark import budget

    with tempfile.TemporaryDirectory(prefix="indogeoie-bench-") as tmp:
        rows = [run_scale(scale, Path(tmp), model=model, log=log) for scale in scales]
    log("the real corpus: indogeoie benchmark and score")
    times = budget.timings(lambda command: _measure(command, env={"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}))
    report = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "platform": platform.platform()},
              "scales": rows, "targets": targets(rows), "timings": times,
              "stability": budget.stability(budget.crf_test_counts())}
    io.write_text(results_dir / "bench.json", json.dumps(report, indent=2) + "\n")
    io.write_text(results_dir / "BENCH.md", markdown(report))
    io.write_bytes(results_dir / "bench.png", plot(report))
    return report
