"""Median and p99 latency of searches and list pages, by direct service calls.

Run: python benchmarks/search_bench.py (uses the validated test snapshot under var/test-state).
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
from lacs_ld.services.search import open_artefact


def measure(label: str, call: Callable[[], object], runs: int = 200) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{label:45s} median {statistics.median(times):7.2f} ms   p99 {p99:7.2f} ms")


def main() -> None:
    app = create_app(make_settings(REPO / "var" / "test-state"))
    publication = app.extensions["lacs"]
    start = time.perf_counter()
    artefact = open_artefact(publication.store, publication.snapshot)
    catalogue, index = artefact.lists, artefact.search
    print(f"lists and search index opened in {1000 * (time.perf_counter() - start):.0f} ms")
    measure("search: children (single common word)", lambda: index.search("children"))
    measure("search: fostering (single word)", lambda: index.search("fostering"))
    measure('search: "home education" (phrase)', lambda: index.search('"home education"'))
    measure(
        "search: home educated + region facet",
        lambda: index.search("home educated", {"region": "london"}),
    )
    for name in ("authorities", "inspections", "guidance", "quotes"):
        measure(f"list: {name} page 1", lambda n=name: catalogue.page(n, {}))
    measure(
        "list: quotes topic+year (varying, cold memo)",
        lambda: catalogue.page(
            "quotes", {"topic": "section-47", "year": str(2010 + int(time.time() * 1e6) % 15)}
        ),
    )
    publication.store.close()


if __name__ == "__main__":
    main()
