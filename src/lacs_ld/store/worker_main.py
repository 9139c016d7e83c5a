"""Query worker processes: a zygote opens the on-disk store and forks workers on demand.

The store is the snapshot's read-only on-disk copy, read through the operating system's page
cache, so the data sits in memory once however many server processes, zygotes and workers
read it; a replacement for a killed worker is forked in milliseconds.
"""

from __future__ import annotations

import os
import resource
import signal
from multiprocessing import reduction
from multiprocessing.connection import Connection
from pathlib import Path

from lacs_ld.errors import LacsError


def zygote(control: Connection, dataset: str, memory_mb: int, base: str, max_bytes: int) -> None:
    """Open the dataset's on-disk copy once, then fork one worker per request on the control pipe."""
    from lacs_ld.store.dataset_files import disk_copy, open_read_only

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    path = Path(dataset)
    store = open_read_only(path if path.is_dir() else disk_copy(path))
    control.send(("ready",))
    while True:
        try:
            control.recv()
            handle = reduction.recv_handle(control)
        except (EOFError, OSError):
            return
        pid = os.fork()
        if pid == 0:
            control.close()
            _limit_memory(memory_mb)
            answer(Connection(handle), store, memory_mb, base, max_bytes)
            os._exit(0)
        os.close(handle)
        control.send(pid)


def _limit_memory(memory_mb: int) -> None:
    """Allow the worker `memory_mb` beyond what it shares with the zygote."""
    with open("/proc/self/status") as status:
        size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    limit = size_kb * 1024 + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def answer(conn: Connection, store: object, memory_mb: int, base: str, max_bytes: int) -> None:
    """Answer (query, format, graphs, prefixes, own dataset) messages until the pipe closes.

    The answer goes back part by part (see streaming); errors are reported as a message.
    """
    from lacs_ld.store.evaluate import evaluate
    from lacs_ld.store.streaming import Sender

    conn.send(("ready",))
    while True:
        try:
            query, format_key, default_graphs, named_graphs, prefixes, own = conn.recv()
        except (EOFError, OSError):
            return
        sender = Sender(conn, max_bytes)
        try:
            evaluate(
                store,  # type: ignore[arg-type]
                query,
                format_key,
                default_graphs,
                named_graphs,
                prefixes,
                base,
                sender,
                own,
            )
            sender.finish()
        except LacsError as exc:
            conn.send(("error", type(exc).__name__, exc.message))
        except MemoryError:
            conn.send(("error", "EngineFailure", f"the query needed more than {memory_mb} MiB"))
        except (BrokenPipeError, EOFError):
            return
        except Exception as exc:  # the engine's own failures are reported, never raised
            conn.send(("error", "EngineFailure", f"the query engine failed: {exc}"))
