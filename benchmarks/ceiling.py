"""The ceiling: a bare Flask app under the service's own gunicorn settings.

It answers `/bytes/<n>` with n constant bytes and `/not-modified` with an empty 304, so a
benchmark can tell what the framework and server cost before lacs-ld does any work.

Run: python benchmarks/ceiling.py PORT
"""

from __future__ import annotations

import sys
from typing import Any

from flask import Flask, Response
from gunicorn.app.base import BaseApplication

from lacs_ld.serving.config import gunicorn_config
from lacs_ld.settings import Settings

app = Flask(__name__)
_BODIES: dict[int, bytes] = {}


@app.get("/bytes/<int:size>")
def constant(size: int) -> Response:
    body = _BODIES.get(size)
    if body is None:
        body = _BODIES.setdefault(size, b"x" * size)
    return Response(body, content_type="text/plain; charset=utf-8")


@app.get("/not-modified")
def not_modified() -> Response:
    return Response(status=304, headers={"ETag": '"constant"'})


class Ceiling(BaseApplication):
    def __init__(self, port: int) -> None:
        self.port = port
        super().__init__()

    def load_config(self) -> None:
        settings = Settings.load()
        config = gunicorn_config(settings)
        config["bind"] = f"127.0.0.1:{self.port}"
        config["workers"] = 2
        for key, value in config.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return app


if __name__ == "__main__":
    Ceiling(int(sys.argv[1])).run()
