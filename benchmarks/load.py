"""Driving a server with wrk and reading what it measured."""

from __future__ import annotations

import re
import subprocess
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from common import CONNECTIONS

ROTATE = Path(__file__).with_name("rotate.lua")


@dataclass
class Load:
    url: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    assert match, text
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(
    url: str,
    duration: float,
    headers: dict[str, str] | None = None,
    paths: list[str] | None = None,
    warm_paths: list[str] | None = None,
) -> Load:
    """wrk, one thread (the server needs the other cores), CONNECTIONS connections.

    With `paths`, requests cycle through them (on `url`'s host). The warm-up sends
    `warm_paths` when given (so a measured path is never answered from a cache the warm-up
    filled), else the measured paths.
    """
    rotation = _rotation(url, paths) if paths else []
    warm = _rotation(url, warm_paths) if warm_paths else rotation
    command = [
        "wrk",
        "-t1",
        f"-c{CONNECTIONS}",
        f"-d{int(duration)}s",
        "--latency",
        "--timeout",
        "30s",
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    # A warm-up first: caches fill, connections open and each server process starts its
    # SPARQL worker (on its first query) as they would in service.
    target = rotation or [url]
    subprocess.run(
        [*command[:3], "-d2s", *command[4:], *(warm or target)], capture_output=True, check=True
    )
    text = subprocess.run([*command, *target], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", text).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", text).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", text).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    failed = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    errors = int(bad.group(1)) if bad else 0
    if failed:
        errors += sum(int(g) for g in failed.groups())
    return Load(url, rate, p50, p99, total, errors)


def _rotation(url: str, paths: list[str]) -> list[str]:
    """wrk's arguments to cycle through `paths` on `url`'s host."""
    listing = Path(tempfile.mkstemp(prefix="paths-", suffix=".txt")[1])
    listing.write_text("\n".join(paths) + "\n")
    return ["-s", str(ROTATE), url, "--", str(listing)]


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), dict(exc.headers)
