"""``indogeoie studio``: a real Label Studio for the corpus, and a lossless way back.

* :func:`ensure_installed` puts label-studio into its own virtualenv (it pins its
  own SDK and Django), cached outside the checkout so it is installed once.
* :func:`start` runs the server on 127.0.0.1 with its data under ``.labelstudio/``,
  the admin user and API token from the environment or a credentials file outside
  the repository, and waits for ``/health`` on the port it asked for.
* :func:`push` creates or reuses the project and imports the tasks (gold as
  annotations, a baseline's output as predictions), matched on doc_id.
* :func:`pull` exports every annotation as Label Studio JSON (not a converter,
  which would drop relations and all Labels tags but the first), validates it,
  shows what changed, and only then writes, atomically, keeping a backup.

The API token is never printed, logged or written inside the repository.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indogeoie import io
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.formats.labelstudio_config import labeling_config
from indogeoie.formats.labelstudio_export import parse_export
from indogeoie.formats.labelstudio_tasks import document_result
from indogeoie.records import AnnotatedDocument, DocumentDiff, diff_documents
from indogeoie.corpus.documents import SourceDocument
from indogeoie.dataset.release import DATASET_VERSION
from indogeoie.schema import SCHEMA_VERSION, TEXT_OBJECT
from indogeoie.annotation.validate import validate_document

LABEL_STUDIO_VERSION = "1.23.2"
DEFAULT_PORT = 8089
DEFAULT_USERNAME = "annotator@indogeoie.local"
PROJECT_TITLE = f"IndoGeoIE {DATASET_VERSION} (schema {SCHEMA_VERSION})"
STATE_FILE = "server.json"


def venv_dir() -> Path:
    """Where the Label Studio virtualenv lives (``INDOGEOIE_LABEL_STUDIO_VENV``, or the user cache)."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "indogeoie"
    return Path(os.environ.get("INDOGEOIE_LABEL_STUDIO_VENV",
                               default / f"label-studio-{LABEL_STUDIO_VERSION}-py{sys.version_info[0]}{sys.version_info[1]}"))


def credentials_file(data_dir: Path) -> Path:
    """Credentials for one data directory, outside the repository (``$XDG_CONFIG_HOME/indogeoie``)."""
    base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "indogeoie"
    key = str(data_dir.resolve()).strip("/").replace("/", "_")
    return base / f"labelstudio-{key}.json"


def ensure_installed(log: Any = print) -> Path:
    """Install label-studio into its own virtualenv once; return its ``label-studio`` executable."""
    venv = venv_dir()
    executable = venv / "bin" / "label-studio"
    marker = venv / ".indogeoie-complete"
    if marker.exists() and executable.exists():
        return executable
    if venv.exists():
        shutil.rmtree(venv)  # a half-finished install
    log(f"installing label-studio {LABEL_STUDIO_VERSION} into {venv} (about a minute, once)")
    venv.parent.mkdir(parents=True, exist_ok=True)
    python = shutil.which("python3.11") or sys.executable
    steps = [[python, "-m", "venv", str(venv)],
             [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
              f"label-studio=={LABEL_STUDIO_VERSION}"]]
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True)
        if result.returncode != 0:
            shutil.rmtree(venv, ignore_errors=True)
            tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise IndoGeoIEError(Problem(f"installing label-studio failed: {' / '.join(tail)}", file=str(venv)))
    marker.write_text(LABEL_STUDIO_VERSION)
    return executable


@dataclass(frozen=True)
class Credentials:
    """The admin user and API token (the token is never printed)."""

    username: str
    password: str
    token: str
    generated_password: bool


def credentials(data_dir: Path) -> Credentials:
    """Credentials from the environment, else from the credentials file, else generated and saved there."""
    path = credentials_file(data_dir)
    saved: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    username = os.environ.get("LABEL_STUDIO_USERNAME") or saved.get("username") or DEFAULT_USERNAME
    password = os.environ.get("LABEL_STUDIO_PASSWORD") or saved.get("password")
    token = os.environ.get("LABEL_STUDIO_USER_TOKEN") or saved.get("token")
    generated = password is None
    password = password or secrets.token_urlsafe(16)
    token = token or secrets.token_hex(20)
    record = {"username": username, "password": password, "token": token}
    if record != saved:
        path.parent.mkdir(parents=True, exist_ok=True)
        io.write_text(path, json.dumps(record))
        path.chmod(0o600)
    return Credentials(username, password, token, generated)


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass(frozen=True)
class Server:
    """A running Label Studio started by this project."""

    pid: int
    port: int
    url: str
    data_dir: Path


def state_path(data_dir: Path) -> Path:
    return data_dir / STATE_FILE


def running_server(data_dir: Path) -> Server | None:
    """The server this project started for ``data_dir``, if it is still alive and healthy."""
    path = state_path(data_dir)
    if not path.exists():
        return None
    state = json.loads(path.read_text())
    try:
        os.kill(state["pid"], 0)
    except OSError:
        path.unlink(missing_ok=True)
        return None
    server = Server(state["pid"], state["port"], state["url"], data_dir)
    return server if _healthy(server.url) else None


def start(*, data_dir: Path, port: int = DEFAULT_PORT, timeout: float = 180.0, log: Any = print) -> Server:
    """Start Label Studio on 127.0.0.1:``port`` with its data in ``data_dir``; wait for /health."""
    server = running_server(data_dir)
    if server is not None:
        return server
    executable = ensure_installed(log)
    if not _port_is_free(port):
        raise IndoGeoIEError(Problem(f"port {port} on 127.0.0.1 is busy; Label Studio would silently move to "
                                     "another port. Choose a free one with --port"))
    data_dir.mkdir(parents=True, exist_ok=True)
    creds = credentials(data_dir)
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO_")}
    env.update({
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir.resolve()),
        "LABEL_STUDIO_USERNAME": creds.username,
        "LABEL_STUDIO_PASSWORD": creds.password,
        "LABEL_STUDIO_USER_TOKEN": creds.token,
        # Legacy tokens are off by default in 1.23; this takes effect on the first start only.
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LATEST_VERSION_CHECK": "false",
        "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
    })
    log_file = (data_dir / "server.log").open("ab")
    process = subprocess.Popen(
        [str(executable), "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(port),
         "--host", url],
        env=env, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    log_file.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise IndoGeoIEError(Problem(f"Label Studio exited with status {process.returncode} before it was "
                                         "healthy; see its log", file=str(data_dir / "server.log")))
        if _healthy(url):
            server = Server(process.pid, port, url, data_dir)
            io.write_text(state_path(data_dir), json.dumps(
                {"pid": process.pid, "port": port, "url": url}))
            return server
        time.sleep(1)
    os.killpg(process.pid, signal.SIGTERM)
    raise IndoGeoIEError(Problem(f"Label Studio did not answer {url}/health within {timeout:.0f} s",
                                 file=str(data_dir / "server.log")))


def stop(*, data_dir: Path, timeout: float = 30.0) -> bool:
    """Stop the server this project started for ``data_dir`` (by its process id); False if none ran."""
    path = state_path(data_dir)
    if not path.exists():
        return False
    pid = json.loads(path.read_text())["pid"]
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        path.unlink(missing_ok=True)
        return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            break
        try:  # reap it if it is our child
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.2)
    else:
        os.killpg(pid, signal.SIGKILL)
    path.unlink(missing_ok=True)
    return True


def client(server: Server) -> Any:
    """A label_studio_sdk client for ``server``, authenticated with the saved token."""
    from label_studio_sdk import LabelStudio

    return LabelStudio(base_url=server.url, api_key=credentials(server.data_dir).token)


def project(ls: Any) -> Any:
    """Create or reuse the project named after the dataset and schema versions, with the current config."""
    config = labeling_config()
    for existing in ls.projects.list():
        if existing.title == PROJECT_TITLE:
            if existing.label_config != config:
                ls.projects.update(id=existing.id, label_config=config)
            return ls.projects.get(id=existing.id)
    return ls.projects.create(title=PROJECT_TITLE, label_config=config,
                              description="Entities and PLOVER 2.0 events in Indonesian news; see "
                                          "annotations/GUIDELINES.md.")


def _tasks(ls: Any, project_id: int) -> dict[str, Any]:
    return {task.data["doc_id"]: task for task in ls.tasks.list(project=project_id, fields="all")}


@dataclass(frozen=True)
class PushReport:
    """What a push did."""

    project_id: int
    created: tuple[str, ...]
    already_there: tuple[str, ...]
    annotated: tuple[str, ...]
    predicted: tuple[str, ...]


def push(ls: Any, *, documents: list[AnnotatedDocument], mode: str, model_version: str | None = None,
         predictions: dict[str, AnnotatedDocument] | None = None) -> PushReport:
    """Import tasks for ``documents``, matched on doc_id so that a second push duplicates nothing.

    Args:
        ls: an SDK client.
        documents: the documents (their text, doc_id and meta make the task).
        mode: ``gold`` (the documents' labels become annotations), ``predictions`` or ``none``.
        model_version: the name predictions are shown under (mode ``predictions``).
        predictions: predicted documents by doc_id (mode ``predictions``).
    """
    target = project(ls)
    existing = _tasks(ls, target.id)
    created, present, annotated, predicted = [], [], [], []
    new_tasks = []
    for document in documents:
        if document.doc_id in existing:
            present.append(document.doc_id)
            continue
        task: dict[str, Any] = {"data": {TEXT_OBJECT: document.text, "doc_id": document.doc_id},
                                "meta": dict(document.meta)}
        new_tasks.append(task)
        created.append(document.doc_id)
    if new_tasks:
        ls.projects.import_tasks(id=target.id, request=new_tasks)
        existing = _tasks(ls, target.id)
    for document in documents:
        task = existing[document.doc_id]
        if mode == "gold" and not task.annotations:
            ls.annotations.create(id=task.id, result=document_result(document), was_cancelled=False,
                                  ground_truth=False)
            annotated.append(document.doc_id)
        if mode == "predictions" and predictions is not None and document.doc_id in predictions:
            versions = {p.get("model_version") if isinstance(p, dict) else p.model_version
                        for p in (task.predictions or [])}
            if model_version not in versions:
                ls.predictions.create(task=task.id, result=document_result(predictions[document.doc_id]),
                                      model_version=model_version)
                predicted.append(document.doc_id)
    if mode == "predictions":
        ls.projects.update(id=target.id, model_version=model_version)
    return PushReport(target.id, tuple(created), tuple(present), tuple(annotated), tuple(predicted))


def export_json(ls: Any, project_id: int) -> list[dict[str, Any]]:
    """Every task with every annotation, as Label Studio's own JSON export."""
    raw = b"".join(ls.projects.exports.download_sync(project_id, export_type="JSON", download_all_tasks=True))
    return json.loads(raw.decode("utf-8"))


@dataclass(frozen=True)
class PullReport:
    """What a pull found and did."""

    documents: tuple[AnnotatedDocument, ...]
    diffs: tuple[DocumentDiff, ...]
    notes: tuple[str, ...]
    written: Path | None
    backup: Path | None


def _gold_tasks(export: list[dict[str, Any]], documents: tuple[AnnotatedDocument, ...]) -> list[dict[str, Any]]:
    """The export's tasks, each with only the annotation that counts, sorted by doc_id."""
    from indogeoie.formats.labelstudio_export import choose_annotation

    keep = {d.doc_id for d in documents}
    tasks = []
    for task in export:
        doc_id = task.get("data", {}).get("doc_id")
        if doc_id not in keep:
            continue
        chosen, _ = choose_annotation(task.get("annotations", []))
        tasks.append({key: value for key, value in task.items() if key not in ("annotations", "predictions")}
                     | {"annotations": [chosen] if chosen else []})
    return sorted(tasks, key=lambda t: t["data"]["doc_id"])


def pull(*, export: list[dict[str, Any]], out_file: Path, articles: dict[str, SourceDocument],
         source: str = "Label Studio export") -> PullReport:
    """Validate an export, compare it with ``out_file`` and, if it changed, write it atomically with a backup.

    Args:
        export: the JSON export (list of tasks) from the server.
        out_file: the gold file to replace.
        articles: cleaned text by doc_id, to check every task's text.
        source: how to name the export in messages.
    """
    from indogeoie.formats.labelstudio_export import choose_annotation, read_export

    report = parse_export(export, file=source)
    problems = list(report.problems)
    for document in report.documents:
        corpus_document = articles.get(document.doc_id)
        if corpus_document is None:
            problems.append(Problem("no document with this doc_id in the corpus", source, document.doc_id))
            continue
        problems += validate_document(document, file=source, source=corpus_document)
    if problems:
        raise IndoGeoIEError(problems)
    # A task nobody has annotated yet (choose_annotation finds none) must not erase its gold.
    unannotated = {t["data"]["doc_id"] for t in export
                   if isinstance(t, dict) and choose_annotation(t.get("annotations", []))[0] is None}
    notes = list(report.notes) + [f"{source}: doc {d}: no annotation yet; the current gold is kept"
                                  for d in sorted(unannotated)]
    current = read_export(out_file).documents if out_file.exists() else ()
    pulled = tuple(d for d in report.documents if d.doc_id not in unannotated)
    diffs = diff_documents(current, pulled)
    merged = pulled + tuple(d for d in current if d.doc_id not in {p.doc_id for p in pulled})
    if not any(d.changed for d in diffs):
        return PullReport(merged, diffs, tuple(notes), None, None)
    tasks = _gold_tasks(export, pulled)
    if out_file.exists():
        pulled_ids = {d.doc_id for d in pulled}
        previous = json.loads(out_file.read_text(encoding="utf-8"))
        tasks += [t for t in previous if t["data"]["doc_id"] not in pulled_ids]
        tasks.sort(key=lambda t: t["data"]["doc_id"])
    backup = None
    if out_file.exists():
        backup = out_file.with_name(out_file.name + ".bak")
        io.write_bytes(backup, out_file.read_bytes())
    io.write_text(out_file, json.dumps(tasks, ensure_ascii=False, indent=2) + "\n")
    return PullReport(merged, diffs, tuple(notes), out_file, backup)
