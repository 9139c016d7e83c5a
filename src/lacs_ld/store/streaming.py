"""Answers sent part by part from a query worker, bounded in bytes and time, never cut silently.

A worker buffers the first `FIRST_BYTES` of an answer: a smaller answer travels whole, and one
that passes the byte ceiling before then is refused (a 4xx, nothing sent). A larger answer is
sent on in `PART_BYTES` parts as the client reads them (the pipe's back-pressure keeps the
memory of every process bounded). If it then passes the ceiling or the time limit, the body
ends with `cut_marker` — a line no parser of its format accepts — and the connection is
dropped before HTTP's last chunk, so the client sees an error either way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from lacs_ld.errors import AnswerCut, AnswerTooLarge

FIRST_BYTES = 1 << 20
PART_BYTES = 1 << 16

# A line that breaks each format's grammar wherever the body was cut: an end tag nothing opened
# (XML), a bare word (JSON), an unknown directive (Turtle, N-Triples), a quote never closed
# (CSV, and an invalid RDF term in TSV).
_MARKERS = {
    "json": "\n]} ANSWER CUT: {}\n",
    "jsonld": "\n]} ANSWER CUT: {}\n",
    "xml": "\n</answer-cut> ANSWER CUT: {}\n",
    "rdfxml": "\n</answer-cut> ANSWER CUT: {}\n",
    "turtle": '\n@answer-cut "{}"\n',
    "ntriples": '\n@answer-cut "{}"\n',
    "csv": '\n"ANSWER CUT: {}',
    "tsv": '\n"ANSWER CUT: {}',
}


def cut_marker(format_key: str, reason: str) -> bytes:
    """The last bytes of an answer stopped part-way, saying why, unparseable in its format."""
    clean = "".join(c for c in reason if c.isprintable() and c not in '"<>&\\')
    return _MARKERS[format_key].replace("{}", clean).encode("utf-8")


def too_large(ceiling: int) -> AnswerTooLarge:
    return AnswerTooLarge(
        f"the answer is larger than {ceiling} bytes, the most this endpoint sends "
        "(LACS_LD_MAX_RESULT_BYTES); add LIMIT/OFFSET to page through it, or download the "
        "whole dataset from dumps/"
    )


class Sender:
    """A binary writer (for pyoxigraph's serialisers) that sends an answer down a worker's pipe."""

    def __init__(self, conn: Connection, ceiling: int) -> None:
        self._conn = conn
        self._ceiling = ceiling
        self._buffer = bytearray()
        self.total = 0
        self.started = False

    def write(self, data: bytes) -> int:
        self.total += len(data)
        if self.total > self._ceiling:
            raise too_large(self._ceiling)
        self._buffer += data
        if len(self._buffer) >= (PART_BYTES if self.started else FIRST_BYTES):
            self._conn.send(("part", bytes(self._buffer)))
            self._buffer.clear()
            self.started = True
        return len(data)

    def flush(self) -> None:
        """Parts go when they are full; `finish` sends the rest."""

    def finish(self) -> None:
        self._conn.send(("end" if self.started else "done", bytes(self._buffer)))
        self._buffer.clear()


class Parts:
    """The answer's parts as the worker sends them; closing early frees (kills) the worker.

    `receive(deadline)` returns the worker's next message or raises when it is late or gone;
    `release(healthy)` hands the worker back (True) or replaces it (False), exactly once.
    """

    def __init__(
        self,
        first: bytes,
        format_key: str,
        deadline: float,
        receive: Callable[[float], tuple[Any, ...]],
        release: Callable[[bool], None],
    ) -> None:
        self._pending: bytes | None = first
        self._format = format_key
        self._deadline = deadline
        self._receive = receive
        self._release: Callable[[bool], None] | None = release
        self._failure: str | None = None

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        if self._pending is not None:
            part, self._pending = self._pending, None
            return part
        if self._failure is not None:
            reason, self._failure = self._failure, None
            raise AnswerCut(reason)
        if self._release is None:
            raise StopIteration
        try:
            message = self._receive(self._deadline)
        except Exception as exc:  # late, or the worker died: it is replaced, the client told
            self._done(healthy=False)
            return self._cut(getattr(exc, "message", str(exc)))
        if message[0] == "part":
            return bytes(message[1])
        self._done(healthy=True)
        if message[0] == "end":
            return bytes(message[1])
        return self._cut(str(message[2]))

    def _cut(self, reason: str) -> bytes:
        self._failure = f"the answer was cut: {reason}"
        return cut_marker(self._format, self._failure)

    def _done(self, *, healthy: bool) -> None:
        release, self._release = self._release, None
        if release is not None:
            release(healthy)

    def close(self) -> None:
        """Called by the server when the response ends; a worker still sending is replaced."""
        self._done(healthy=False)


def remaining(deadline: float) -> float:
    return max(deadline - time.monotonic(), 0.0)
