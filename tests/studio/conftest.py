"""The Label Studio server the studio tests share: started once for tests/studio, on a free loopback port."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest

from indogeoie.studio.server import Server, start, stop


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# Package scope (tests/studio is a package): started once for every module here that needs it, stopped after the last.
@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("labelstudio")
    saved = {k: os.environ.get(k) for k in ("XDG_CONFIG_HOME", "LABEL_STUDIO_USERNAME", "LABEL_STUDIO_PASSWORD",
                                            "LABEL_STUDIO_USER_TOKEN")}
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    for key in list(saved)[1:]:
        os.environ.pop(key, None)
    started = start(data_dir=data_dir, port=free_port(), log=lambda message: None)
    try:
        yield started
    finally:
        stop(data_dir=data_dir)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
