"""Median and p99 latency of searches and list pages, by direct service calls.

Run: python benchmarks/search_bench.py [STATE_DIR] (default: the validated test snapshot under
var/test-state; give a benchmark state folder, e.g. var/bench-state-x16, to measure 16x).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import REPO, make_settings

from lacs_ld.app import create_app
from lacs_ld.services.search import FILE, Artefact, open_artefact
from lacs_ld.services.search.artefact import FOLDER


def measure(label: str, call: Callable[[], object], runs: int = 200) -> None:
    """Wall time and CPU time per call: on a shared machine the CPU time is the steadier."""
    times, cpu = [], []
    for _ in range(runs):
        start, used = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"{label:45s} median {statistics.median(times):7.2f} ms   p99 {p99:7.2f} ms"
        f"   CPU median {statistics.median(cpu):6.2f} ms"
    )


def published(state: Path) -> Artefact:
    """The search file of a state folder's current snapshot, opened as a server opens it."""
    key = (state / "current").read_text().strip()
    path = state / "snapshots" / key / FOLDER / FILE
    if not path.is_file():
        sys.exit(f"{path} is missing: serve or publish that state with this version first")
    return Artefact(key, path)


def main() -> None:
    start = time.perf_counter()
    close: Callable[[], object] = lambda: None  # noqa: E731
    if len(sys.argv) > 1:
        artefact = published(Path(sys.argv[1]))
    else:
        app = create_app(make_settings(REPO / "var" / "test-state"))
        publication = app.extensions["lacs"]
        artefact = open_artefact(publication.store, publication.snapshot)
        close = publication.store.close
    catalogue, index = artefact.lists, artefact.search
    print(f"lists and search index opened in {1000 * (time.perf_counter() - start):.0f} ms")
    measure("search: children (single common word)", lambda: index.search("children"))
    measure("search: fostering (single word)", lambda: index.search("fostering"))
    measure('search: "home education" (phrase)', lambda: index.search('"home education"'))
    measure(
        "search: home educated + region facet",
        lambda: index.search("home educated", {"region": "london"}),
    )
    measure("search: children, last page", lambda: index.search("children", page=50))
    measure(
        "search: children + region + year facets",
        lambda: index.search("children", {"region": "london", "year": "2016"}),
    )
    for name in ("authorities", "inspections", "guidance", "quotes"):
        measure(f"list: {name} page 1", lambda n=name: catalogue.page(n, {}))
    measure(
        "list: quotes topic+year (varying, cold memo)",
        lambda: catalogue.page(
            "quotes", {"topic": "section-47", "year": str(2010 + int(time.time() * 1e6) % 15)}
        ),
    )
    close()


if __name__ == "__main__":
    main()
