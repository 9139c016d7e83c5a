"""Speed, measured: lacs-ld side by side with Oxigraph and with a bare Flask ceiling.

One run publishes the data, starts `lacs-ld serve --workers 2`, an in-memory `oxigraph
serve` loaded from the service's own N-Triples download, and a ceiling app (a bare Flask app
under the same gunicorn settings answering constant bytes of the size of the response under
test), then drives each with wrk on loopback: 8 connections, a fixed duration, after a 2 s
warm-up. Cases that name many requests (2,000 distinct small SPARQL queries, 200 distinct
searches) cycle through them, so no answer cache helps. It prints req/s, p50, p99 and the
ratios, plus cold start, publish time, the dumps' time and the memory of the whole
service; then the same at 4x and 16x the data (`replicate.py`). Results are written to
`benchmarks/results/` as JSON.

The modules: `common` (constants), `queries`, `services` (the processes), `load` (wrk),
`cases`, `publishing`, `memory`, `report` (the tables), and this one (a run).

Run: python benchmarks/run.py [--duration 5] [--scales 1,4,16] [--skip-scaling]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import measure_cases
from common import BASE_PORT, CONNECTIONS, ENTITY, REPO, WORKERS, base_uri, free_port
from memory import memory
from publishing import cached_snapshot, publish_times
from replicate import replicate
from report import scaling_table, table

from services import running, start_ceiling, start_lacs, start_oxigraph


def one_scale(factor: int, args: argparse.Namespace, work: Path, logs: Path) -> dict[str, Any]:
    data_dir = REPO / "data" if factor == 1 else replicate(factor, work / f"data-x{factor}")
    state_dir = work / "state"
    port = args.port
    base = base_uri(port)
    result: dict[str, Any] = {"factor": factor, "data_dir": str(data_dir)}
    print(f"[{factor}x] publishing {data_dir}", flush=True)
    cached = cached_snapshot(data_dir, state_dir, port) if args.reuse else None
    timings_file = work / "timings.json"
    timings = json.loads(timings_file.read_text()) if timings_file.is_file() else {}
    if cached is None:
        published = publish_times(data_dir, state_dir, port)
        result.update(published)
        timings[published["snapshot"]] = {k: published[k] for k in ("publish_s", "dumps_s")}
        timings_file.write_text(json.dumps(timings, indent=1) + "\n")
    else:
        # Reused: the times measured when an earlier run published it, if one did.
        earlier = timings.get(cached["snapshot"], {})
        result.update(cached, publish_s=earlier.get("publish_s"), dumps_s=earlier.get("dumps_s"))
    # A start that validates is timed on the bundled data only: at 4x and 16x the publish
    # above already times validation, and a second one would not fit the run in 20 minutes.
    validating_start = factor == 1 and not args.skip_validated_start
    if not (args.reuse and cached is not None) and validating_start:
        print(f"[{factor}x] cold start, validating", flush=True)
        lacs, seconds = start_lacs(data_dir, state_dir, port, logs, validate=True)
        lacs.stop()
        result["cold_start_validating_s"] = seconds
        # Serving with validation rewrote the snapshot folder: write its downloads again.
        publish_times(data_dir, state_dir, port, validate=False)
    else:
        result["cold_start_validating_s"] = None
    print(f"[{factor}x] cold start, validated", flush=True)
    lacs, seconds = start_lacs(data_dir, state_dir, port, logs, validate=False)
    result["cold_start_s"] = seconds
    ceiling = start_ceiling(free_port(), logs)
    dump = Path(result["snapshot"]) / "dumps" / "lacs-ld.nt.gz"
    oxigraph, load_s = start_oxigraph(free_port(), dump, logs)
    result["oxigraph_load_s"] = load_s
    with running(lacs, ceiling, oxigraph):
        result["memory_idle"] = memory(lacs.process.pid)
        result["cases"] = measure_cases(lacs, ceiling, oxigraph, base, args.duration)
        result["memory"] = memory(lacs.process.pid)
        result["oxigraph_memory"] = memory(oxigraph.process.pid)
    return result


def install_wrk() -> None:
    """wrk, the load generator, from Debian's packages (needs root, or sudo)."""
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
        subprocess.run(sudo + command, check=False, stdout=subprocess.DEVNULL)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing and could not be installed: apt-get install -y wrk")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per case")
    parser.add_argument("--scales", default="1,4,16", help="data factors, comma-separated")
    parser.add_argument("--skip-scaling", action="store_true", help="measure 1x only")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse snapshots validated by an earlier run (no publish or validating start)",
    )
    parser.add_argument(
        "--skip-validated-start",
        action="store_true",
        help="do not time a cold start that validates (slow on large data)",
    )
    parser.add_argument("--work-dir", type=Path, default=REPO / "var" / "bench")
    parser.add_argument(
        "--port",
        type=int,
        default=BASE_PORT,
        help="lacs-ld's port; part of the base URI, so of the snapshot cache key",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        install_wrk()
    factors = [1] if args.skip_scaling else [int(f) for f in args.scales.split(",")]
    args.work_dir.mkdir(parents=True, exist_ok=True)
    logs = Path(tempfile.mkdtemp(prefix="logs-", dir=args.work_dir))
    started = time.monotonic()
    results = []
    for factor in factors:
        result = one_scale(factor, args, args.work_dir, logs)
        results.append(result)
        print(f"\n## {factor}x the bundled data\n\n{table(result)}\n", flush=True)
    if len(results) > 1:
        print("## Scaling\n\n" + scaling_table(results) + "\n")
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    document = {
        "when": stamp,
        "commit": commit,
        "cpus": os.cpu_count(),
        "workers": WORKERS,
        "connections": CONNECTIONS,
        "duration_s": args.duration,
        "entity": ENTITY,
        "results": results,
    }
    target = out / f"{stamp}.json"
    target.write_text(json.dumps(document, indent=1) + "\n")
    shutil.copyfile(target, out / "latest.json")
    print(f"results: {target} ({(time.monotonic() - started) / 60:.1f} minutes)")


if __name__ == "__main__":
    main()
