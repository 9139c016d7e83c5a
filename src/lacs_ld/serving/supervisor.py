"""gunicorn's supervisor, publishing on SIGHUP in a child and switching workers only on success.

gunicorn's own SIGHUP replaces the workers at once. Here the supervisor starts a publishing
child instead and keeps supervising (respawning crashed workers) while it runs; workers it
starts meanwhile load the snapshot their siblings serve, never what a publish wrote since.
When the child has published and loaded the new snapshot, workers for it boot beside the
old ones, and the old ones are stopped gracefully only once every new one is ready. Any
failure is logged and leaves the previous snapshot served.
"""

from __future__ import annotations

import signal
import time

from gunicorn.arbiter import Arbiter

from lacs_ld.serving.application import Server
from lacs_ld.serving.publisher import Publisher, write_pointer

SWITCH_SECONDS = 300.0


class Supervisor(Arbiter):
    """The gunicorn arbiter with a publishing child in place of an in-process reload."""

    app: Server

    def __init__(self, app: Server) -> None:
        super().__init__(app)
        self.publisher: Publisher | None = None
        self.old_workers: set[int] = set()
        self.ready: set[int] = set()
        self.switch_deadline = 0.0

    def handle_hup(self) -> None:
        """SIGHUP (run from the main loop, not the signal handler): start publishing, return."""
        serving = self.app.serving.release
        if self.publisher is not None or self.app.switching_from is not None:
            self.log.info("SIGHUP ignored: a publish or a switch is under way")
            return
        try:
            self.publisher = Publisher(self.app.settings)
        except OSError as exc:
            self.log.error("SIGHUP: cannot start publishing (%s); serving %s", exc, serving)
            return
        self.log.info("SIGHUP: publishing in process %s; serving %s", self.publisher.pid, serving)

    def manage_workers(self) -> None:
        try:
            self._collect_publish()
            self._advance_switch()
        except Exception:  # the supervisor outlives any surprise in the publish bookkeeping
            self.log.exception("publish bookkeeping failed; still supervising")
        super().manage_workers()

    def _collect_publish(self) -> None:
        if self.publisher is None:
            return
        outcome = self.publisher.poll()
        if outcome is None:
            return
        self.publisher = None
        if not outcome.ok:
            detail = "\n" + outcome.detail if outcome.detail else ""
            self.log.error(
                "publish refused, still serving release %s: %s%s",
                self.app.serving.release,
                outcome.error,
                detail,
            )
            return
        self.log.info(
            "published release %s (%d triples, snapshot %s): starting its workers",
            outcome.release,
            outcome.triples,
            outcome.key[:12],
        )
        self.app.switching_from, self.app.serving = self.app.serving, outcome
        self.old_workers = set(self.WORKERS)
        self.ready = set()
        self.switch_deadline = time.monotonic() + SWITCH_SECONDS
        self.num_workers = self.cfg.workers + len(self.old_workers)  # new beside the old

    def _advance_switch(self) -> None:
        self.ready |= self.app.ready_pids()
        previous = self.app.switching_from
        if previous is None:
            return
        fresh = set(self.WORKERS) - self.old_workers
        if len(fresh & self.ready) >= self.cfg.workers:
            # gunicorn stops the oldest workers beyond num_workers: the old ones, gracefully.
            self.num_workers = self.cfg.workers
            self.app.switching_from = None
            try:
                write_pointer(self.app.settings, self.app.serving.key)
            except OSError as exc:  # a note for operators only: the switch does not need it
                self.log.warning("cannot record the snapshot served: %s", exc)
            self.log.info("now serving release %s", self.app.serving.release)
        elif time.monotonic() > self.switch_deadline:
            self.log.error(
                "workers for release %s did not start in %g s; still serving release %s",
                self.app.serving.release,
                SWITCH_SECONDS,
                previous.release,
            )
            self.app.serving, self.app.switching_from = previous, None
            self.num_workers = self.cfg.workers
            for pid in fresh:
                self.kill_worker(pid, signal.SIGTERM)
            self.old_workers = set()

    def halt(self, reason: str | None = None, exit_status: int = 0) -> None:
        if self.publisher is not None:
            self.publisher.kill()
        super().halt(reason, exit_status)
