"""The requests a cache answers, side by side with the ceiling, round after round.

A cached entity document, its `304` revalidation and one SPARQL query repeated cost Flask's
request handling plus lacs-ld's own per-request work. Each case is measured on
`lacs-ld serve --workers 2` and, right after, on the ceiling answering the same number of
bytes; the ratio of the two, taken within the same few seconds, is what the machine's other
load disturbs least. The median ratio over the rounds is printed.

Run: python benchmarks/hot_paths.py [--rounds 3] [--duration 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from cases import sample_bytes, sparql_path
from common import ENTITY, REPO, SRJ, base_uri, free_port
from load import Load, fetch, wrk
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


def measured(
    service: Service, url: str, duration: float, headers: dict[str, str]
) -> tuple[Load, float]:
    """wrk's result and the server's CPU microseconds per request."""
    before = cpu_seconds(service)
    result = wrk(url, duration, headers)
    spent = cpu_seconds(service) - before
    # wrk's warm-up run is part of `spent`: count its requests as the same rate.
    return result, spent / (result.requests * (1 + 2 / duration)) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=float, default=3.0)
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
            ("304 revalidation", f"/doc/{ENTITY}.ttl", {"If-None-Match": headers["ETag"]}, 304),
            ("SPARQL SELECT join, repeated", sparql_path(join_query(base)), {"Accept": SRJ}, 200),
            ("SPARQL ASK, repeated", sparql_path(ask_query(base)), {"Accept": SRJ}, 200),
        ]
        ratios: dict[str, list[float]] = {name: [] for name, *_ in cases}
        rates: dict[str, list[float]] = {name: [] for name, *_ in cases}
        cpu: dict[str, list[float]] = {name: [] for name, *_ in cases}
        for round_number in range(1, args.rounds + 1):
            for name, path, case_headers, expected in cases:
                size = sample_bytes(lacs, [path], case_headers, expected)
                mine, mine_cpu = measured(lacs, lacs.url + path, args.duration, case_headers)
                bare = "/not-modified" if expected == 304 else f"/bytes/{size}"
                top, top_cpu = measured(ceiling, ceiling.url + bare, args.duration, {})
                ratios[name].append(mine.requests_per_s / top.requests_per_s)
                rates[name].append(mine.requests_per_s)
                cpu[name].append(top_cpu / mine_cpu)
                print(
                    f"round {round_number} {name}: {mine.requests_per_s:,.0f}/s "
                    f"(p50 {mine.p50_ms:.2f} ms, {mine_cpu:.0f} us CPU), "
                    f"ceiling {top.requests_per_s:,.0f}/s ({top_cpu:.0f} us CPU): "
                    f"{mine.requests_per_s / top.requests_per_s:.2f}x by rate, "
                    f"{top_cpu / mine_cpu:.2f}x by CPU",
                    flush=True,
                )
        print(f"\nmedians of {args.rounds} rounds:")
        for name, *_ in cases:
            print(
                f"  {name:32} {statistics.median(rates[name]):8,.0f}/s "
                f"{statistics.median(ratios[name]):.2f}x ceiling by rate, "
                f"{statistics.median(cpu[name]):.2f}x by CPU per request"
            )
    finally:
        lacs.stop()
        ceiling.stop()


if __name__ == "__main__":
    main()
