"""The gunicorn application: configuration in code, and each worker's app loaded and warmed."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from typing import Any
from urllib.parse import urlsplit

from gunicorn.app.base import BaseApplication

from lacs_ld.serving.config import gunicorn_config
from lacs_ld.serving.publisher import Outcome
from lacs_ld.settings import Settings

log = logging.getLogger(__name__)


class Server(BaseApplication):
    """`lacs-ld serve`: gunicorn without a configuration file.

    `serving` names the snapshot every worker loads; workers inherit it when they fork, so
    a worker that restarts serves what its siblings serve. `switching_from` is set while
    workers for a new snapshot boot beside the old ones. Each worker reports on `ready` (a
    pipe to the supervisor) once its app is loaded and warm.
    """

    def __init__(self, settings: Settings, serving: Outcome) -> None:
        self.settings = settings
        self.serving = serving
        self.switching_from: Outcome | None = None
        self.ready_read, self.ready_write = os.pipe()
        os.set_blocking(self.ready_read, False)
        super().__init__()

    def load_config(self) -> None:
        for key, value in gunicorn_config(self.settings).items():
            self.cfg.set(key, value)
        self.cfg.set("post_worker_init", self._report_ready)

    def load(self) -> Any:
        from lacs_ld.app import create_app

        try:
            app = create_app(self.settings, snapshot_key=self.serving.key)
        except Exception:
            if self.switching_from is None:
                raise  # at start: gunicorn stops, the server refuses to start
            # During a switch the old workers keep serving; the supervisor reverts in time.
            log.exception(
                "cannot load snapshot %s; the previous one stays served", self.serving.key
            )
            sys.exit(1)
        warm(app, self.settings)
        return app

    def _report_ready(self, worker: Any) -> None:
        with contextlib.suppress(OSError):
            os.write(self.ready_write, f"{worker.pid}\n".encode())

    def ready_pids(self) -> set[int]:
        """Workers that reported ready since the last call."""
        data = b""
        with contextlib.suppress(BlockingIOError, OSError):
            while chunk := os.read(self.ready_read, 4096):
                data += chunk
        return {int(line) for line in data.split() if line.isdigit()}

    def run(self) -> None:
        from lacs_ld.serving.supervisor import Supervisor

        Supervisor(self).run()


def warm(app: Any, settings: Settings) -> None:
    """Build the per-process caches a first page and a first search need, before accepting.

    Otherwise the first visitors after a start or a switch wait seconds for them.
    """
    root = urlsplit(settings.base_uri).path
    client = app.test_client()
    for path in (root, root + "search?q=children"):
        try:
            client.get(path)
        except Exception:  # a page that fails here fails for its visitor too, and is logged
            log.exception("warming %s failed", path)
