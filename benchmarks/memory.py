"""Resident and proportional memory of a process and every process under it, by role.

Run on its own, it starts `lacs-ld serve --workers 2` on a snapshot (published once into
`var/bench-memory`, then reused), drives 2,000 distinct small SPARQL queries, a document and
a few searches through it, and prints the proportional set size of each process and of
the whole service, with the queries' rate (so a memory saving that costs speed shows):

Run: python benchmarks/memory.py [--factor 16] [--duration 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _tree(pid: int) -> list[tuple[int, int]]:
    """(pid, depth) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    todo, seen = [(pid, 0)], []
    while todo:
        current, depth = todo.pop()
        seen.append((current, depth))
        todo.extend((child, depth + 1) for child in children.get(current, []))
    return seen


def memory(pid: int) -> dict[str, Any]:
    """RSS and PSS (MiB) of a process and all its descendants, each with its depth."""
    rss = pss = 0
    each_process = []
    for each, depth in _tree(pid):
        try:
            rollup = (Path("/proc") / str(each) / "smaps_rollup").read_text()
            command = (Path("/proc") / str(each) / "cmdline").read_bytes()
        except OSError:
            continue
        one_rss = int(re.search(r"^Rss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
        one_pss = int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
        anon = re.search(r"^Pss_Anon:\s+(\d+)", rollup, re.M)
        rss, pss = rss + one_rss, pss + one_pss
        name = command.replace(b"\0", b" ").decode(errors="replace")[:100]
        each_process.append(
            {
                "pid": each,
                "depth": depth,
                "command": name,
                "rss_mb": one_rss / 1024,
                "pss_mb": one_pss / 1024,
                "pss_anon_mb": int(anon.group(1)) / 1024 if anon else None,
            }
        )
    return {
        "processes": len(each_process),
        "rss_mb": rss / 1024,
        "pss_mb": pss / 1024,
        "each": each_process,
    }


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) used so far by a process and its living descendants."""
    ticks = 0
    for each, _ in _tree(pid):
        try:
            fields = (Path("/proc") / str(each) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def show(found: dict[str, Any]) -> None:
    for one in found["each"]:
        anon = one["pss_anon_mb"]
        print(
            f"    {'  ' * one['depth']}{one['pid']:>7} PSS {one['pss_mb']:7.1f} MiB "
            f"(anonymous {anon if anon is None else round(anon, 1)}) "
            f"RSS {one['rss_mb']:7.1f}  {one['command'][:60]}"
        )
    print(
        f"  whole service: {found['processes']} processes, "
        f"PSS {found['pss_mb']:.0f} MiB, RSS {found['rss_mb']:.0f} MiB",
        flush=True,
    )


def main() -> None:
    from cases import column, sparql_path
    from common import ENTITY, REPO, SRJ, base_uri
    from load import fetch, wrk
    from publishing import cached_snapshot, publish_times
    from queries import distinct_queries, distinct_searches, lacs_prefix
    from replicate import replicate

    from services import running, start_lacs

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factor", type=int, default=1)
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--port", type=int, default=5391, help="fixed: the snapshot key uses it")
    args = parser.parse_args()
    work = REPO / "var" / "bench-memory"
    work.mkdir(parents=True, exist_ok=True)
    data_dir = (
        REPO / "data" if args.factor == 1 else replicate(args.factor, work / f"data-x{args.factor}")
    )
    state_dir = work / f"state-x{args.factor}"
    base, port = base_uri(args.port), args.port
    if cached_snapshot(data_dir, state_dir, port) is None:
        started = time.perf_counter()
        published = publish_times(data_dir, state_dir, port)
        print(f"published in {time.perf_counter() - started:.1f} s: {published}", flush=True)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    for run in range(args.repeat):
        lacs, seconds = start_lacs(data_dir, state_dir, port, logs, validate=False)
        with running(lacs):
            print(f"[{args.factor}x run {run + 1}] cold start {seconds:.1f} s", flush=True)
            authorities = column(
                lacs, lacs_prefix(base) + "SELECT ?a WHERE { ?a a lacs:LocalAuthority }"
            )
            small = [sparql_path(q) for q in distinct_queries(base, authorities)]
            # CPU time per request depends less than req/s on what else the machine runs; wrk's
            # 2 s warm-up is assumed to run at the rate of the measured part.
            used = cpu_seconds(lacs.process.pid)
            load = wrk(lacs.url + small[0], args.duration, {"Accept": SRJ}, small)
            used = cpu_seconds(lacs.process.pid) - used
            sent = load.requests * (args.duration + 2) / args.duration
            print(
                f"  2,000 distinct small SPARQL queries: {load.requests_per_s:.0f} req/s, "
                f"p50 {load.p50_ms:.2f} ms, p99 {load.p99_ms:.2f} ms, errors {load.errors}; "
                f"service CPU {1000 * used / sent:.2f} ms per request"
            )
            names = column(
                lacs,
                lacs_prefix(base) + "SELECT ?n WHERE { ?a a lacs:LocalAuthority ; rdfs:label ?n }",
            )
            for term in distinct_searches(names)[:20]:
                fetch(f"{lacs.url}/search?q={urllib.parse.quote(term)}")
            fetch(f"{lacs.url}/doc/{ENTITY}.html")
            show(memory(lacs.process.pid))


if __name__ == "__main__":
    main()
