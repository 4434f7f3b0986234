"""A maintainer adds an article and runs `make update`; the checks of `make test` then pass (in a temporary copy).

The copy holds the repository's tracked files. The new article is named by the
doc_id rule and annotated with a small gold of its own; `make update` runs in
the copy with this environment's virtualenv (and the copy's package first on
the path). Then every check command of `make test` runs in the copy, and the
tests that read the committed corpus, dataset and results. (The rest of `make
test` does not depend on the corpus: it is this very test suite.)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from indogeoie import paths
from indogeoie.formats.labelstudio_gold import gold_json, gold_task
from indogeoie.records import AnnotatedDocument, Argument, Event, Span

ARTICLE = ("Indonesia dan Malaysia sepakat memperkuat patroli bersama di Selat Malaka.\n\n"
           "Kesepakatan itu ditandatangani di Jakarta pada Senin.\n")
CHECKS = [["ingest", "--check"], ["config", "--check"], ["validate"], ["audit"], ["stats", "--check"],
          ["build", "--check"], ["docs", "--check"]]
CORPUS_TESTS = ["tests/dataset", "tests/corpus", "tests/benchmark/test_results.py", "tests/formats/test_plover.py",
                "tests/annotation/test_actors.py", "tests/annotation/test_validate.py",
                "tests/formats/test_labelstudio_config.py", "tests/formats/test_labelstudio_tasks.py"]


def copy_repository(target: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=paths.ROOT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (paths.ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(paths.ROOT / name, target / name)  # mtimes kept: make sees the pins as installed


def annotate(repo: Path, doc_id: str) -> None:
    """The new article's gold, on its cleaned text as ingest gave it."""
    tasks = json.loads((repo / "annotations" / "labelstudio" / "tasks.json").read_text(encoding="utf-8"))
    text = next(t["data"]["text"] for t in tasks if t["data"]["doc_id"] == doc_id)

    def span(region: str, label: str, words: str, after: int = 0) -> Span:
        start = text.index(words, after)
        return Span(region, label, start, start + len(words), words)

    entities = (span("e1", "GPE", "Indonesia"), span("e2", "GPE", "Malaysia"), span("e3", "LOC", "Selat Malaka"),
                span("e4", "GPE", "Jakarta"), span("e5", "DATE", "Senin"))
    trigger = span("t1", "AGREE", "sepakat")
    events = (Event("t1", "AGREE", "asserted", trigger, (Argument("Actor", "e1"), Argument("Recipient", "e2"))),)
    document = AnnotatedDocument(doc_id, text, entities, events)
    gold_file = repo / "annotations" / "gold" / "gold.json"
    tasks = json.loads(gold_file.read_text(encoding="utf-8"))
    gold_file.write_text(gold_json([*tasks, gold_task(document, annotator="maintainer")]), encoding="utf-8")


def test_adding_an_article_then_make_update_leaves_make_test_green(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    copy_repository(repo)
    raw = ARTICLE.encode()
    numbers = [int(p.name[:3]) for p in (repo / "annotations" / "articles").glob("*.txt")]
    numbers += [int(line[:3]) for line in (repo / "annotations" / "splits.tsv").read_text().splitlines()[1:]]
    doc_id = f"{max(numbers) + 1:03d}_{hashlib.sha256(raw).hexdigest()[:16]}"
    (repo / "annotations" / "articles" / f"{doc_id}.txt").write_bytes(raw)
    stamp = tmp_path / "installed"
    stamp.touch()  # newer than every copied file: make uses this environment as it is
    env = {**os.environ, "PYTHONPATH": str(repo / "src"), "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    cli = [sys.executable, "-m", "indogeoie.cli"]
    subprocess.run([*cli, "ingest"], cwd=repo, env=env, check=True, capture_output=True)
    annotate(repo, doc_id)
    make = ["make", "-C", str(repo), "update", f"VENV={sys.prefix}", f"STAMP={stamp}"]
    done = subprocess.run(make, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    splits = (repo / "annotations" / "splits.tsv").read_text(encoding="utf-8")
    built = "".join(p.read_text(encoding="utf-8") for p in (repo / "dataset" / "data" / "documents").glob("*.jsonl"))
    assert doc_id in splits and f'"doc_id":"{doc_id}"' in built
    for check in CHECKS:
        result = subprocess.run([*cli, *check], cwd=repo, env=env, capture_output=True, text=True)
        assert result.returncode == 0, (check, result.stdout[-2000:], result.stderr[-2000:])
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CORPUS_TESTS],
                           cwd=repo, env=env, capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout[-4000:]
