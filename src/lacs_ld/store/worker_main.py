"""The body of one query worker process: load the dataset once, then answer queries forever."""

from __future__ import annotations

import resource
from multiprocessing.connection import Connection
from pathlib import Path

from lacs_ld.errors import LacsError


def serve(conn: Connection, dataset: str, memory_mb: int, base: str, max_rows: int) -> None:
    """Answer (query, format, graphs, prefixes) messages until the pipe closes."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from lacs_ld.store.embedded import load_dataset, open_read_only
    from lacs_ld.store.evaluate import evaluate

    path = Path(dataset)
    store = open_read_only(path) if path.is_dir() else load_dataset(path)
    conn.send(("ready",))
    while True:
        try:
            query, format_key, default_graphs, named_graphs, prefixes, own = conn.recv()
        except (EOFError, OSError):
            return
        try:
            body, rows = evaluate(
                store,
                query,
                format_key,
                default_graphs,
                named_graphs,
                prefixes,
                base,
                max_rows,
                own,
            )
        except LacsError as exc:
            conn.send(("error", type(exc).__name__, exc.message))
        except MemoryError:
            conn.send(("error", "EngineFailure", f"the query needed more than {memory_mb} MiB"))
        except Exception as exc:  # the engine's own failures are reported, never raised
            conn.send(("error", "EngineFailure", f"the query engine failed: {exc}"))
        else:
            conn.send(("ok", body, rows))
