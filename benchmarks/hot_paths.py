"""The requests a cache answers, side by side with the ceiling, in short alternating runs.

A cached entity document, its `304` revalidation, the `303` from its thing and one SPARQL
query repeated cost Flask's
request handling plus lacs-ld's own per-request work. Each case is measured on
`lacs-ld serve --workers 2` and on the ceiling answering the same number of bytes, in pairs
of short wrk runs one right after the other; on a machine shared with other work the ratio
within a pair is what the other load disturbs least, so the median ratio over the pairs is
printed, beside the server processes' CPU time per request (read from /proc).

Run: python benchmarks/hot_paths.py [--pairs 7] [--duration 2]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from cases import sparql_path
from common import CONNECTIONS, ENTITY, REPO, SRJ, base_uri, free_port
from load import fetch
from queries import ask_query, join_query

from services import Service, start_ceiling, start_lacs

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(service: Service) -> float:
    """CPU time of every process in the service's session (its server processes included)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == service.process.pid:  # field 6, the session id
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def run_wrk(url: str, seconds: int, headers: dict[str, str]) -> tuple[float, int]:
    """Requests per second and requests made: wrk, one thread, CONNECTIONS connections."""
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    text = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", text).group(1))  # type: ignore[union-attr]
    if "Non-2xx" in text or "Socket errors" in text:
        raise RuntimeError(f"{url}: wrk saw errors\n{text}")
    return rate, total


def body_size(url: str, headers: dict[str, str], status: int) -> int:
    """The size of one answer's body, checked for the expected status (redirects not followed)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=60)
    try:
        connection.request("GET", url[len(f"{parts.scheme}://{parts.netloc}") :], headers=headers)
        answer = connection.getresponse()
        body = answer.read()
    finally:
        connection.close()
    if answer.status != status:
        raise RuntimeError(f"{url[:200]} answered {answer.status}, not {status}: {body[:300]!r}")
    return len(body)


def measured(
    service: Service, url: str, seconds: int, headers: dict[str, str]
) -> tuple[float, float]:
    """Requests per second and the service's CPU microseconds per request."""
    before = cpu_seconds(service)
    rate, total = run_wrk(url, seconds, headers)
    return rate, (cpu_seconds(service) - before) / max(total, 1) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--duration", type=int, default=2, help="seconds per wrk run")
    parser.add_argument("--state-dir", type=Path, default=REPO / "var" / "hot-paths")
    args = parser.parse_args()
    logs = Path(tempfile.mkdtemp(prefix="hot-paths-"))
    port = free_port()
    base = base_uri(port)
    lacs, _ = start_lacs(REPO / "data", args.state_dir, port, logs, validate=False)
    ceiling = start_ceiling(free_port(), logs)
    try:
        status, _, headers = fetch(f"{lacs.url}/doc/{ENTITY}.ttl")
        assert status == 200, status
        cases = [
            ("entity document, Turtle", f"/doc/{ENTITY}.ttl", {}, 200),
            ("entity document, HTML", f"/doc/{ENTITY}.html", {}, 200),
            ("303 See Other from the thing", f"/id/{ENTITY}", {"Accept": "text/turtle"}, 303),
            ("304 revalidation", f"/doc/{ENTITY}.ttl", {"If-None-Match": headers["ETag"]}, 304),
            ("SPARQL SELECT join, repeated", sparql_path(join_query(base)), {"Accept": SRJ}, 200),
            ("SPARQL ASK, repeated", sparql_path(ask_query(base)), {"Accept": SRJ}, 200),
        ]
        print(f"{'case':30} {'lacs-ld/s':>9} {'ceiling/s':>9} {'ratio':>6} {'CPU us':>11}")
        for name, path, case_headers, expected in cases:
            size = body_size(lacs.url + path, case_headers, expected)
            bare = ceiling.url + ("/not-modified" if expected == 304 else f"/bytes/{size}")
            run_wrk(lacs.url + path, 1, case_headers)  # warm: caches filled, workers started
            run_wrk(bare, 1, {})
            pairs = []
            for _ in range(args.pairs):
                mine = measured(lacs, lacs.url + path, args.duration, case_headers)
                top = measured(ceiling, bare, args.duration, {})
                pairs.append((mine, top))
            ratio = statistics.median(m[0] / t[0] for m, t in pairs)
            rate = statistics.median(m[0] for m, _ in pairs)
            top_rate = statistics.median(t[0] for _, t in pairs)
            cpu = statistics.median(m[1] for m, _ in pairs)
            top_cpu = statistics.median(t[1] for _, t in pairs)
            print(
                f"{name:30} {rate:9,.0f} {top_rate:9,.0f} {ratio:5.2f}x {cpu:5.0f}/{top_cpu:<5.0f}",
                flush=True,
            )
    finally:
        lacs.stop()
        ceiling.stop()


if __name__ == "__main__":
    main()
