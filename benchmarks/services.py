"""The processes a run starts: lacs-ld, the ceiling and Oxigraph, and stopping them."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from common import BIN, ENTITY, REPO, WORKERS, base_uri


@dataclass
class Service:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_for(url: str, timeout: float, process: subprocess.Popen[bytes] | None = None) -> float:
    """Seconds until `url` answers 200."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process serving {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.02)
    raise RuntimeError(f"{url} did not answer 200 within {timeout:.0f} s")


def lacs_env(data_dir: Path, state_dir: Path, port: int, *, validate: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        LACS_LD_BASE_URI=base_uri(port),
        LACS_LD_PORT=str(port),
        LACS_LD_HOST="127.0.0.1",
        LACS_LD_WORKERS=str(WORKERS),
        LACS_LD_DATA_DIR=str(data_dir),
        LACS_LD_STATE_DIR=str(state_dir),
        LACS_LD_SKIP_VALIDATION_CACHE="true" if validate else "false",
    )
    return env


def start_lacs(
    data_dir: Path, state_dir: Path, port: int, logs: Path, *, validate: bool
) -> tuple[Service, float]:
    """lacs-ld under gunicorn; the seconds until both workers serve the entity document."""
    log = logs / f"lacs-{port}-{'validate' if validate else 'cached'}.log"
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(BIN / "lacs-ld"), "serve"],
        cwd=REPO,
        env=lacs_env(data_dir, state_dir, port, validate=validate),
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    service = Service("lacs-ld", process, port, log)
    try:
        url = f"{service.url}/doc/{ENTITY}.ttl"
        wait_for(url, 1800, process)
        wait_for(url, 60, process)  # the other worker, most likely
    except BaseException:
        service.stop()
        raise
    return service, time.perf_counter() - started


def start_ceiling(port: int, logs: Path) -> Service:
    log = logs / "ceiling.log"
    process = subprocess.Popen(
        [sys.executable, str(REPO / "benchmarks" / "ceiling.py"), str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    service = Service("ceiling", process, port, log)
    wait_for(f"{service.url}/bytes/1", 60, process)
    return service


def start_oxigraph(port: int, ntriples_gz: Path, logs: Path) -> tuple[Service, float]:
    """`oxigraph serve` in memory, loaded over its Graph Store endpoint; the seconds it took."""
    log = logs / "oxigraph.log"
    process = subprocess.Popen(
        [str(BIN / "oxigraph"), "serve", "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    service = Service("oxigraph", process, port, log)
    started = time.perf_counter()
    body = gzip.decompress(ntriples_gz.read_bytes())
    deadline = time.time() + 30
    while True:
        try:
            request = urllib.request.Request(
                f"{service.url}/store?default",
                data=body,
                method="POST",
                headers={"Content-Type": "application/n-triples"},
            )
            with urllib.request.urlopen(request, timeout=600) as answer:
                assert answer.status in (200, 201, 204), answer.status
            break
        except (urllib.error.URLError, ConnectionError):
            if time.time() > deadline:
                service.stop()
                raise
            time.sleep(0.05)
    return service, time.perf_counter() - started


@contextmanager
def running(*services: Service) -> Iterator[None]:
    try:
        yield
    finally:
        for service in services:
            service.stop()
