"""A supervised pool of query processes: a timeout kills the work, a crash kills one worker only.

Python threads cannot be stopped and pyoxigraph has no query timeout, so each untrusted query
runs in a child process that is killed (SIGKILL) when it overruns and replaced by a fresh one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import threading
import time
from multiprocessing import reduction
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from lacs_ld import errors
from lacs_ld.errors import EngineFailure, Overloaded, QueryTimeout
from lacs_ld.store.base import QueryAnswer, QueryRequest
from lacs_ld.store.streaming import Parts, remaining
from lacs_ld.store.worker_main import zygote

_CONTEXT = multiprocessing.get_context("spawn")
STARTUP_SECONDS = 120.0
# How long a request waits for a free worker before its 503: long enough to smooth a burst of
# short queries, short enough that every worker busy with a long one answers at once.
QUEUE_SECONDS = 0.5


class _WorkerLost(EngineFailure):
    """The worker died while it held a query: the query crashed it, or something else killed it."""


class _Zygote:
    """The process that holds the dataset and forks workers (see worker_main)."""

    def __init__(self, args: tuple[Any, ...]) -> None:
        self.control, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=zygote, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self._ready = threading.Event()
        self._lock = threading.Lock()

    def wait_ready(self) -> None:
        with self._lock:
            if self._ready.is_set():
                return
            if not self.control.poll(STARTUP_SECONDS) or self.control.recv() != ("ready",):
                raise EngineFailure("the query workers failed to start")
            self._ready.set()

    def fork(self) -> _Worker:
        """A new worker with its own pipe; its end of the pipe is passed over the control pipe."""
        self.wait_ready()
        ours, theirs = _CONTEXT.Pipe()
        with self._lock:
            self.control.send("fork")
            reduction.send_handle(self.control, theirs.fileno(), self.process.pid or 0)
            pid = self.control.recv()
        theirs.close()
        return _Worker(ours, pid)

    def stop(self) -> None:
        self.control.close()
        self.process.kill()
        self.process.join(timeout=5)


class _Worker:
    def __init__(self, conn: Connection, pid: int) -> None:
        self.conn = conn
        self.pid = pid
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(STARTUP_SECONDS) or self.conn.recv() != ("ready",):
            raise EngineFailure("a query worker failed to start")
        self.ready = True

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        self.conn.close()


class QueryPool:
    """`size` workers; a request waits briefly for a free one, else the client is told to retry."""

    def __init__(
        self,
        dataset: Path,
        *,
        size: int,
        timeout: float,
        max_bytes: int,
        memory_mb: int,
        base: str,
    ) -> None:
        self._args = (str(dataset), memory_mb, base, max_bytes)
        self.timeout = timeout
        # Last in, first out: the worker that just answered takes the next query while its
        # caches are warm, and a worker only wakes when the others are busy.
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._zygote = _Zygote(self._args)
        threading.Thread(target=self._fill, args=(size,), daemon=True).start()

    def _fill(self, size: int) -> None:
        try:
            for _ in range(size):
                if self._closed:
                    return
                self._spawn()
        except (EngineFailure, OSError, EOFError):
            return  # reported to the next request by wait_ready
        except (TypeError, ValueError):
            # The pool was closed while a fork was under way: its pipe was closed mid-read.
            if not self._closed:
                raise

    def _spawn(self) -> None:
        try:
            worker = self._zygote.fork()
        except (OSError, EOFError):
            if self._closed:
                return  # closed under us: no new zygote for a pool that is gone
            # The zygote itself is gone: start another and fork from it.
            self._zygote = _Zygote(self._args)
            worker = self._zygote.fork()
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            closed = self._closed
        if not closed:
            self._spawn()

    def run(self, request: QueryRequest) -> QueryAnswer:
        """Answer one request in a worker: whole, or streamed part by part within the timeout."""
        try:
            return self._run(request)
        except _WorkerLost:
            # A worker can die under an innocent query (the kernel's OOM killer picking it for
            # another process's allocation, an operator's kill): one more try on a fresh one.
            return self._run(request)

    def _run(self, request: QueryRequest) -> QueryAnswer:
        self._zygote.wait_ready()
        try:
            worker = self._idle.get(timeout=QUEUE_SECONDS)
        except queue.Empty:
            raise Overloaded("every query worker is busy; retry shortly") from None
        deadline = time.monotonic() + self.timeout
        try:
            worker.wait_ready()
            worker.conn.send(self._message(request))
            reply = self._receive(worker, deadline)
        except OSError:  # the worker was gone before it read the query
            self._discard(worker)
            raise self._lost() from None
        except (EngineFailure, QueryTimeout):
            self._discard(worker)
            raise
        fmt = request.result_format
        if reply[0] == "part":
            stream = Parts(
                reply[1],
                fmt.key,
                deadline,
                lambda until: self._receive(worker, until),
                lambda healthy: self._release(worker, healthy=healthy),
            )
            return QueryAnswer(b"", fmt, stream=stream)
        self._idle.put(worker)
        if reply[0] == "done":
            return QueryAnswer(reply[1], fmt)
        error_type = getattr(errors, reply[1], EngineFailure)
        raise error_type(reply[2])

    def _receive(self, worker: _Worker, deadline: float) -> tuple[Any, ...]:
        """The worker's next message, by the deadline; QueryTimeout or EngineFailure otherwise."""
        try:
            if not worker.conn.poll(remaining(deadline)):
                raise QueryTimeout(
                    f"the query ran longer than {self.timeout:g} s, this endpoint's limit, "
                    "and was stopped"
                )
            reply: tuple[Any, ...] = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            raise self._lost() from None
        return reply

    def _lost(self) -> _WorkerLost:
        return _WorkerLost(
            "the query engine stopped on this query (it crashed, or needed more than "
            f"{self._args[1]} MiB, this endpoint's memory limit) and was restarted; "
            "simplify the query"
        )

    def _release(self, worker: _Worker, *, healthy: bool) -> None:
        """A streamed answer is over: the worker goes back, or (stopped mid-answer) is replaced."""
        if healthy:
            self._idle.put(worker)
        else:
            self._discard(worker)

    @staticmethod
    def _message(request: QueryRequest) -> tuple[Any, ...]:
        return (
            request.query,
            request.result_format.key,
            list(request.default_graphs),
            list(request.named_graphs),
            dict(request.prefixes),
            request.own_dataset,
        )

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
        self._zygote.stop()
