"""A Label Studio server for the corpus: started on 127.0.0.1, stopped by its process id, with its accounts.

The server keeps its data under ``.labelstudio/`` (ignored by git). The
admin's user, password and API token come from the environment
(``LABEL_STUDIO_USERNAME``, ``LABEL_STUDIO_PASSWORD``, ``LABEL_STUDIO_USER_TOKEN``)
or from a credentials file outside the repository, and the token is never
printed, logged or written inside the repository.

Label Studio moves silently to the next free port when the one asked for is
busy, so :func:`start` refuses a busy port and polls ``/health`` on the port
it asked for.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indogeoie import io
from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.studio.install import ensure_installed, server_command

DEFAULT_PORT = 8089
DEFAULT_USERNAME = "admin@indogeoie.local"
STATE_FILE = "server.json"


def credentials_file(data_dir: Path) -> Path:
    """Credentials for one data directory, outside the repository (``$XDG_CONFIG_HOME/indogeoie``)."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "indogeoie"
    key = str(data_dir.resolve()).strip("/").replace("/", "_")
    return base / f"labelstudio-{key}.json"


@dataclass(frozen=True)
class Credentials:
    """The admin user and API token (the token is never printed)."""

    username: str
    password: str
    token: str
    generated_password: bool


def _saved(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise IndoGeoIEError(Problem(f"unreadable credentials file ({error}); delete it to generate new ones",
                                     str(path))) from None
    if not isinstance(saved, dict) or not all(isinstance(v, str) for v in saved.values()):
        raise IndoGeoIEError(Problem("expected an object of strings (username, password, token)", str(path)))
    return saved


def credentials(data_dir: Path) -> Credentials:
    """Credentials from the environment, else from the credentials file, else generated and saved there."""
    path = credentials_file(data_dir)
    saved = _saved(path)
    username = os.environ.get("LABEL_STUDIO_USERNAME") or saved.get("username") or DEFAULT_USERNAME
    password = os.environ.get("LABEL_STUDIO_PASSWORD") or saved.get("password")
    token = os.environ.get("LABEL_STUDIO_USER_TOKEN") or saved.get("token")
    generated = password is None
    password = password or secrets.token_urlsafe(16)
    token = token or secrets.token_hex(20)
    record = {"username": username, "password": password, "token": token}
    if record != saved:
        path.parent.mkdir(parents=True, exist_ok=True)
        io.write_text(path, json.dumps(record), mode=0o600)
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
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@dataclass(frozen=True)
class Server:
    """A running Label Studio started by this project."""

    pid: int
    port: int
    url: str
    data_dir: Path


def _state(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(state, dict) and isinstance(state.get("pid"), int) and isinstance(state.get("port"), int)
    return state if ok else None


def running_server(data_dir: Path) -> Server | None:
    """The server this project started for ``data_dir``, if it is still alive and healthy."""
    state = _state(data_dir)
    if state is None:
        return None
    try:
        os.kill(state["pid"], 0)
    except OSError:
        (data_dir / STATE_FILE).unlink(missing_ok=True)
        return None
    server = Server(state["pid"], state["port"], f"http://127.0.0.1:{state['port']}", data_dir)
    return server if _healthy(server.url) else None


def start(*, data_dir: Path, port: int = DEFAULT_PORT, timeout: float = 180.0,
          log: Callable[[str], object] = print) -> Server:
    """Start Label Studio on 127.0.0.1:``port`` with its data in ``data_dir``; wait for /health.

    Raises:
        IndoGeoIEError: the port is busy, the server exited, or it was not healthy in time.
    """
    server = running_server(data_dir)
    if server is not None:
        return server
    venv = ensure_installed(log)
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
    with (data_dir / "server.log").open("ab") as log_file:
        process = subprocess.Popen(
            [*server_command(venv), "start", "--no-browser", "--internal-host", "127.0.0.1",
             "--port", str(port), "--host", url],
            env=env, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise IndoGeoIEError(Problem(f"Label Studio exited with status {process.returncode} before it was "
                                         "healthy; see its log", file=str(data_dir / "server.log")))
        if _healthy(url):
            io.write_text(data_dir / STATE_FILE, json.dumps({"pid": process.pid, "port": port}))
            return Server(process.pid, port, url, data_dir)
        time.sleep(1)
    os.killpg(process.pid, signal.SIGTERM)
    raise IndoGeoIEError(Problem(f"Label Studio did not answer {url}/health within {timeout:.0f} s",
                                 file=str(data_dir / "server.log")))


def stop(*, data_dir: Path, timeout: float = 30.0) -> bool:
    """Stop the server this project started for ``data_dir`` (by its process group); False if none ran."""
    state = _state(data_dir)
    if state is None:
        return False
    pid = state["pid"]
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        (data_dir / STATE_FILE).unlink(missing_ok=True)
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
    (data_dir / STATE_FILE).unlink(missing_ok=True)
    return True


def client(server: Server) -> Any:
    """A label_studio_sdk client for ``server``, authenticated with the saved token."""
    from label_studio_sdk import LabelStudio

    return LabelStudio(base_url=server.url, api_key=credentials(server.data_dir).token)


def add_user(ls: Any, *, email: str, password: str) -> tuple[int, bool]:
    """Create an annotator account (or find it); return its id and whether it was created.

    Raises:
        IndoGeoIEError: Label Studio refused the account (its reason is in the message).
    """
    from label_studio_sdk.core.api_error import ApiError

    for user in ls.users.list():
        if user.email == email:
            return int(user.id), False
    try:
        user = ls.users.create(email=email, username=email, password=password)
    except ApiError as error:
        raise IndoGeoIEError(Problem(f"Label Studio refused the account {email!r}: {error.body}")) from None
    return int(user.id), True
