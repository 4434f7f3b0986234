"""Tests for indogeoie.studio.server: credentials kept outside the repository, the server's state, its accounts."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from indogeoie.errors import IndoGeoIEError
from indogeoie.studio.server import (
    DEFAULT_USERNAME,
    STATE_FILE,
    Server,
    client,
    credentials,
    credentials_file,
    running_server,
    stop,
)

#: Above the kernel's largest possible pid (PID_MAX_LIMIT): no process ever has it.
NO_SUCH_PID = 4_194_305


@pytest.fixture()
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty XDG config folder and no credentials in the environment."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    for key in ("LABEL_STUDIO_USERNAME", "LABEL_STUDIO_PASSWORD", "LABEL_STUDIO_USER_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    return home


def test_credentials_are_generated_once_and_saved_privately(config_home: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = credentials_file(data_dir)
    key = str(data_dir.resolve()).strip("/").replace("/", "_")
    assert path == config_home / "indogeoie" / f"labelstudio-{key}.json"
    first = credentials(data_dir)
    assert first.username == DEFAULT_USERNAME and first.generated_password
    assert json.loads(path.read_text(encoding="utf-8")) == {"username": DEFAULT_USERNAME,
                                                             "password": first.password, "token": first.token}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = credentials(data_dir)
    assert (again.password, again.token, again.generated_password) == (first.password, first.token, False)


def test_the_environment_wins_over_the_saved_file(config_home: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    saved = credentials(tmp_path)
    monkeypatch.setenv("LABEL_STUDIO_PASSWORD", "from-the-environment")
    found = credentials(tmp_path)
    assert (found.password, found.token, found.generated_password) == ("from-the-environment", saved.token, False)


@pytest.mark.parametrize(("content", "message"), [
    ("{", r"unreadable credentials file \(.*\); delete it to generate new ones"),
    ('{"username": "a", "password": 7}', r"expected an object of strings \(username, password, token\)"),
])
def test_a_broken_credentials_file_is_located(config_home: Path, tmp_path: Path, content: str, message: str) -> None:
    path = credentials_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IndoGeoIEError, match=rf"^{re.escape(str(path))}: {message}$"):
        credentials(tmp_path)


def test_no_state_or_a_dead_process_is_no_running_server(tmp_path: Path) -> None:
    assert running_server(tmp_path) is None and stop(data_dir=tmp_path) is False
    (tmp_path / STATE_FILE).write_text('{"pid": "7", "port": 8089}', encoding="utf-8")
    assert running_server(tmp_path) is None  # a state this project did not write
    (tmp_path / STATE_FILE).write_text(json.dumps({"pid": NO_SUCH_PID, "port": 8089}), encoding="utf-8")
    assert running_server(tmp_path) is None and not (tmp_path / STATE_FILE).exists()
    (tmp_path / STATE_FILE).write_text(json.dumps({"pid": NO_SUCH_PID, "port": 8089}), encoding="utf-8")
    assert stop(data_dir=tmp_path) is False and not (tmp_path / STATE_FILE).exists()


@pytest.mark.labelstudio
def test_the_server_listens_on_loopback_and_keeps_the_token_out_of_its_log(server: Server) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    assert credentials(server.data_dir).token not in (server.data_dir / "server.log").read_text(errors="replace")


@pytest.mark.labelstudio
def test_adduser_creates_an_annotator_account_once(server: Server) -> None:
    from indogeoie.studio.server import add_user

    ls = client(server)
    user_id, created = add_user(ls, email="ani@example.org", password="a-long-password-1")
    assert created and user_id in {int(u.id) for u in ls.users.list()}
    assert add_user(ls, email="ani@example.org", password="another-password-2") == (user_id, False)
