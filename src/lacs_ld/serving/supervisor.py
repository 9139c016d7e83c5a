"""gunicorn's supervisor, publishing on SIGHUP in a child and switching workers only on success.

gunicorn's own SIGHUP replaces the workers at once. Here the supervisor starts a publishing
child instead and keeps supervising (respawning crashed workers) while it runs; workers it
starts meanwhile load the snapshot their siblings serve (`Server.serving`, inherited when
they fork), never what a publish wrote since. Only when the child has published and loaded
the new snapshot does the supervisor point `serving` at it and replace the workers
gracefully; any failure is logged and changes nothing.
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter

from lacs_ld.errors import PublishError
from lacs_ld.serving.config import gunicorn_config
from lacs_ld.serving.publisher import Outcome, Publisher
from lacs_ld.settings import Settings

SERVING = "serving"


def serving_pointer(settings: Settings) -> Path:
    """The file naming the snapshot the running server serves (for operators and pruning)."""
    return settings.state_dir / SERVING


class Server(BaseApplication):
    """gunicorn configured in code: `lacs-ld serve` needs no configuration file."""

    def __init__(self, settings: Settings, serving: Outcome) -> None:
        self.settings = settings
        self.serving = serving
        super().__init__()

    def load_config(self) -> None:
        for key, value in gunicorn_config(self.settings).items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from lacs_ld.app import create_app

        app = create_app(self.settings, snapshot_key=self.serving.key)
        warm(app, self.settings)
        return app

    def run(self) -> None:
        Supervisor(self).run()


class Supervisor(Arbiter):
    """The gunicorn arbiter with a publishing child in place of an in-process reload."""

    app: Server

    def __init__(self, app: Server) -> None:
        super().__init__(app)
        self.publisher: Publisher | None = None

    def handle_hup(self) -> None:
        """SIGHUP (from the main loop, not the signal handler): start publishing, return."""
        serving = self.app.serving
        if self.publisher is not None:
            self.log.info("SIGHUP: already publishing (pid %s)", self.publisher.pid)
            return
        try:
            self.publisher = Publisher(self.app.settings)
        except OSError as exc:
            self.log.error("SIGHUP: cannot start publishing (%s); serving %s", exc, serving.release)
            return
        self.log.info(
            "SIGHUP: publishing in process %s; serving release %s meanwhile",
            self.publisher.pid,
            serving.release,
        )

    def manage_workers(self) -> None:
        super().manage_workers()
        try:
            self._collect_publish()
        except Exception:  # the supervisor outlives any surprise in the publish bookkeeping
            self.log.exception("publish bookkeeping failed; still serving %s", self.app.serving.key)

    def _collect_publish(self) -> None:
        if self.publisher is None:
            return
        outcome = self.publisher.poll()
        if outcome is None:
            return
        self.publisher = None
        if not outcome.ok:
            self.log.error(
                "publish refused, still serving release %s: %s%s",
                self.app.serving.release,
                outcome.error,
                "\n" + outcome.detail if outcome.detail else "",
            )
            return
        self.app.serving = outcome
        write_pointer(self.app.settings, outcome.key)
        self.log.info(
            "published release %s (%d triples, snapshot %s): replacing the workers",
            outcome.release,
            outcome.triples,
            outcome.key[:12],
        )
        Arbiter.reload(self)

    def halt(self, reason: str | None = None, exit_status: int = 0) -> None:
        if self.publisher is not None:
            self.publisher.kill()
        super().halt(reason, exit_status)


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
            logging.getLogger(__name__).exception("warming %s failed", path)


def write_pointer(settings: Settings, key: str) -> None:
    target = serving_pointer(settings)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(key + "\n")
    temporary.replace(target)


def first_publish(settings: Settings) -> Outcome:
    """Publish before serving, in a child like every later publish; PublishError if refused."""
    publisher = Publisher(settings)
    previous = signal.signal(signal.SIGTERM, _exit_on_term)
    try:
        while (outcome := publisher.poll()) is None:
            time.sleep(0.05)
    except BaseException:
        publisher.kill()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not outcome.ok:
        raise PublishError(outcome.error, report=outcome.detail)
    write_pointer(settings, outcome.key)
    return outcome


def _exit_on_term(signum: int, frame: object) -> None:
    sys.exit(128 + signum)
