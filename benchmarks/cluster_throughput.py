"""Requests per second through the proxy of `scripts/cluster`, and its cache hit rate.

Two short runs with C client threads each: *distinct* (every request a document the cache
has not seen: what the replicas sustain through the proxy) and *browsing* (documents drawn
from 200 authorities in Turtle, JSON-LD and a browser's HTML: what the cache adds). The hit
rate is counted in nginx's access log ($upstream_cache_status).

Run: python benchmarks/cluster_throughput.py ROOT_URL RUN_DIR [SECONDS] [CLIENTS]
"""

from __future__ import annotations

import itertools
import re
import sys
import threading
import time
from pathlib import Path

import requests

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def authorities(root: str) -> list[str]:
    page = requests.get(root + "authorities", timeout=30).text
    return sorted(set(re.findall(r"/id/authority/([EW]\d{8})", page)))


def run(urls: itertools.count[int], make: object, seconds: float, clients: int) -> tuple[int, int]:
    """(answered, failed) by `clients` threads asking make(n) for n from `urls` for `seconds`."""
    counts = [0, 0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        session = requests.Session()
        while time.monotonic() < deadline:
            with lock:
                n = next(urls)
            url, accept = make(n)  # type: ignore[operator]
            status = session.get(url, headers={"Accept": accept}, timeout=30).status_code
            with lock:
                counts[0 if status == 200 else 1] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts[0], counts[1]


def main(root: str, run_dir: Path, seconds: float, clients: int) -> None:
    codes = authorities(root)
    log = run_dir / "logs" / "access.log"
    stamp = str(time.time_ns())
    accepts = ["text/turtle", "application/ld+json", BROWSER]

    def distinct(n: int) -> tuple[str, str]:
        return f"{root}doc/authority/{codes[n % len(codes)]}?d={stamp}-{n}", accepts[n % 3]

    def browsing(n: int) -> tuple[str, str]:
        code = codes[(n * 7919) % min(200, len(codes))]
        return f"{root}doc/authority/{code}?b={stamp}", accepts[(n // 3) % 3]

    for name, make in (("distinct", distinct), ("browsing", browsing)):
        before = len(log.read_text().splitlines())
        ok, failed = run(itertools.count(), make, seconds, clients)
        time.sleep(0.5)
        lines = log.read_text().splitlines()[before:]
        hits = sum("cache=HIT" in line for line in lines)
        print(
            f"{name:9} {ok / seconds:7.1f} requests/s ({ok} in {seconds:.0f} s, {clients} clients,"
            f" {failed} failed), cache hits {hits}/{len(lines)} = {hits / max(1, len(lines)):.0%}"
        )


if __name__ == "__main__":
    main(
        sys.argv[1],
        Path(sys.argv[2]),
        float(sys.argv[3]) if len(sys.argv) > 3 else 20,
        int(sys.argv[4]) if len(sys.argv) > 4 else 8,
    )
