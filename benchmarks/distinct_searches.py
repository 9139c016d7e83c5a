"""Distinct searches and list pages under load, and the memory of the whole service.

Starts `lacs-ld serve --workers 2` on a loopback port (state in `var/bench-state`, so a
validated snapshot is reused between runs), then drives it with wrk (one thread, 8
connections): 200 distinct searches in rotation (each answer is kept once rendered, so after
the first round they cost what a kept page costs), searches never repeated during the run
(thousands of different word combinations: no kept answer helps, every one is searched),
one broad search, a filtered list page, a page of the biggest list, and the ceiling (a bare
Flask app under the same gunicorn settings sending as many constant bytes as the broad
search's page). Prints req/s, p50 and p99 for each and the proportional set size of the
server and all its processes after the runs.

Run: python benchmarks/distinct_searches.py [--duration 5] [--workers 2] [--factor 4]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from common import CONNECTIONS, free_port  # noqa: E402
from load import Load, _ms  # noqa: E402
from memory import memory  # noqa: E402
from replicate import replicate  # noqa: E402

WORDS = [
    "children",
    "fostering",
    "adoption",
    "care",
    "leavers",
    "education",
    "home",
    "safeguarding",
    "court",
    "placement",
    "social",
    "workers",
    "leadership",
    "inadequate",
    "good",
    "outstanding",
    "plans",
    "assessment",
    "missing",
    "exploitation",
]
PLACES = [
    "Birmingham",
    "Leeds",
    "Kent",
    "Surrey",
    "Devon",
    "Norfolk",
    "Camden",
    "Hackney",
    "Essex",
    "Dorset",
]
LISTS = ("/inspections?grade=inadequate&year=2016", "/quotes?page=3")
BROAD = "/search?q=fostering"


def searches(count: int = 200) -> list[str]:
    """`count` distinct search addresses: single words, word pairs, places and years."""
    texts = [*WORDS, *PLACES, *(f"{a} {b}" for a, b in itertools.combinations(WORDS, 2))]
    texts += [f"{w} {y}" for w, y in itertools.product(("inadequate", "good"), range(2009, 2026))]
    chosen = texts[:count]
    assert len(set(chosen)) == count
    return ["/search?" + urllib.parse.urlencode({"q": t}) for t in chosen]


def fresh_searches(root: str) -> list[str]:
    """Thousands of search addresses, none among `searches()`: no kept answer helps them.

    Each single word and pair of words, narrowed by each region, year and kind the server
    offers for "children" (so most find something, and the filters' path is measured too).
    """
    with urllib.request.urlopen(root + "search?q=children&format=json", timeout=600) as answer:
        facets = json.load(answer)["facets"]
    filters = [(name, v["value"]) for name in ("region", "year", "type") for v in facets[name]]
    texts = [*WORDS, *PLACES, *(f"{a} {b}" for a, b in itertools.combinations(WORDS, 2))]
    return [
        "/search?" + urllib.parse.urlencode({"q": text, name: value})
        for name, value in filters
        for text in texts
    ]


def rotation_script(paths: list[str], folder: Path) -> Path:
    """A wrk Lua script sending each path in turn."""
    script = folder / "rotate.lua"
    quoted = ",\n".join(f'  "{p}"' for p in paths)
    script.write_text(
        f"local paths = {{\n{quoted}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", wrk.path .. paths[i]:sub(2))\nend\n'
    )
    return script


def drive(url: str, duration: int, script: Path | None = None, *, warm_up: bool = True) -> Load:
    """wrk on one thread and CONNECTIONS connections, after a short warm-up."""
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", "--latency", "--timeout", "30s"]
    command += ["-H", "Accept: text/html", *(["-s", str(script)] if script else [])]
    if warm_up:
        subprocess.run([*command, "-d2s", url], capture_output=True, check=True)
    text = subprocess.run([*command, f"-d{duration}s", url], capture_output=True, text=True).stdout
    found = {
        key: re.search(pattern, text)
        for key, pattern in (
            ("rate", r"Requests/sec:\s+([\d.]+)"),
            ("p50", r"\s50%\s+(\S+)"),
            ("p99", r"\s99%\s+(\S+)"),
            ("total", r"(\d+) requests in"),
            ("bad", r"Non-2xx or 3xx responses: (\d+)"),
        )
    }
    assert found["rate"] and found["p50"] and found["p99"] and found["total"], text
    bad = int(found["bad"].group(1)) if found["bad"] else 0
    return Load(
        url,
        float(found["rate"].group(1)),
        _ms(found["p50"].group(1)),
        _ms(found["p99"].group(1)),
        int(found["total"].group(1)),
        bad,
    )


def ceiling(size: int, duration: int) -> Load:
    """A bare Flask app under the same gunicorn settings sending `size` constant bytes."""
    port = free_port()
    command = [sys.executable, str(REPO / "benchmarks" / "ceiling.py"), str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/bytes/{size}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    answer.read()
                break
            except OSError:
                time.sleep(0.5)
        return drive(url, duration)
    finally:
        process.terminate()
        process.wait(timeout=60)


def warm(root: str) -> None:
    """Each server process builds what it needs on its first requests: pay that first."""
    for path in [*searches()[:10], *LISTS] * 4:
        with urllib.request.urlopen(root + path[1:], timeout=600) as answer:
            answer.read()


def report(label: str, load: Load) -> None:
    print(
        f"{label:40s} {load.requests_per_s:8.0f} req/s  p50 {load.p50_ms:6.1f} ms"
        f"  p99 {load.p99_ms:6.1f} ms  non-2xx {load.errors}"
    )


def start(
    workers: int, state: Path, data: Path = REPO / "data"
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LACS_LD_")}
    env.update(LACS_LD_BASE_URI=root, LACS_LD_STATE_DIR=str(state), LACS_LD_DATA_DIR=str(data))
    command = [sys.executable, "-m", "lacs_ld", "serve", "--workers", str(workers)]
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 1800
    while True:
        try:
            with urllib.request.urlopen(root + "health", timeout=5) as answer:
                if answer.status == 200:
                    return process, root
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.terminate()
                process.wait(timeout=60)
                raise RuntimeError("lacs-ld serve did not start") from None
            time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per case")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--factor", type=int, default=1, help="times the bundled data")
    parser.add_argument("--state", type=Path, help="state folder (default var/bench-state[-xN])")
    args = parser.parse_args()
    suffix = f"-x{args.factor}" if args.factor > 1 else ""
    state = args.state or REPO / "var" / f"bench-state{suffix}"
    state.mkdir(parents=True, exist_ok=True)
    data = REPO / "data"
    if args.factor > 1:
        data = replicate(args.factor, REPO / "var" / f"bench-data{suffix}")
    started = time.monotonic()
    process, root = start(args.workers, state, data)
    print(f"{args.factor}x the data; serving after {time.monotonic() - started:.0f} s")
    try:
        warm(root)
        with tempfile.TemporaryDirectory() as folder:
            script = rotation_script(searches(), Path(folder))
            report("200 distinct searches", drive(root, args.duration, script))
            fresh = fresh_searches(root)
            script = rotation_script(fresh, Path(folder))
            load = drive(root, args.duration, script, warm_up=False)
            report(f"never-repeated searches (of {len(fresh)})", load)
            if load.requests > len(fresh):
                print(f"  (the run sent {load.requests}: some were repeats)")
        report("one broad search " + BROAD, drive(root + BROAD[1:], args.duration))
        for path in LISTS:
            report("list " + path, drive(root + path[1:], args.duration))
        with urllib.request.urlopen(root + BROAD[1:], timeout=600) as answer:
            size = len(answer.read())
        report(f"ceiling: {size:,} constant bytes", ceiling(size, args.duration))
        used = memory(process.pid)
        print(f"service PSS {used['pss_mb']:.0f} MiB, RSS {used['rss_mb']:.0f} MiB", end="")
        print(f" over {used['processes']} processes:")
        for each in used["each"]:
            print(
                f"  PSS {each['pss_mb']:6.1f} MiB  RSS {each['rss_mb']:6.1f} MiB  {each['command']}"
            )
    finally:
        process.terminate()
        process.wait(timeout=60)


if __name__ == "__main__":
    main()
