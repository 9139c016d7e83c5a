"""What the serving tests share: a real `lacs-ld serve` on loopback and the clients that abuse it."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.conftest import REPO, free_port, serve_environment

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
CHEAP_ASK = "ASK { ?s ?p ?o }"
START_SECONDS = 300


@dataclass
class Server:
    """A running `lacs-ld serve`: its root URL, port and process."""

    root: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def path(self) -> str:
        """The root's path (`/lacs/`): raw clients send it in their request line."""
        return urllib.parse.urlsplit(self.root).path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def serve(state_dir: Path, tmp_path: Path, *args: str, **env: str) -> Iterator[Server]:
    """`lacs-ld serve ARGS` on a free loopback port until the block ends (then SIGTERM)."""
    port = free_port()
    environment = serve_environment(state_dir, **env)
    log = tmp_path / f"serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "lacs_ld", "serve", "--port", str(port), *args],
            env=environment,
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}/lacs/", port, process, log)
    try:
        wait_healthy(server)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def wait_healthy(server: Server, seconds: float = START_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if requests.get(server.root + "health", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        if server.process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"lacs-ld serve did not start:\n{server.log_text()[-3000:]}")
        time.sleep(0.3)


@dataclass
class Adversaries:
    """Clients that each try to hold a server slot: they stop when `stop()` is called."""

    server: Server
    sockets: list[socket.socket] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    answers: list[int] = field(default_factory=list)

    def runaway_queries(self, count: int) -> None:
        """Queries that run until the endpoint's timeout stops them."""
        for _ in range(count):
            self._thread(self._runaway)

    def _runaway(self) -> None:
        try:
            answer = requests.post(self.server.root + "sparql", data={"query": RUNAWAY}, timeout=60)
            self.answers.append(answer.status_code)
        except requests.RequestException:
            self.answers.append(0)

    def slow_downloaders(self, count: int, path: str) -> None:
        """Clients reading a large download at 1 KiB a second."""
        for _ in range(count):
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.connect(("127.0.0.1", self.server.port))
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            self.sockets.append(sock)
            self._thread(self._read_slowly, sock)

    def _read_slowly(self, sock: socket.socket) -> None:
        while not self.stopping.wait(1.0):
            try:
                if not sock.recv(1024):
                    return
            except OSError:
                return

    def slow_headers(self, count: int) -> None:
        """Clients that send their request headers a byte every half second (slowloris)."""
        group = []
        for _ in range(count):
            sock = socket.create_connection(("127.0.0.1", self.server.port))
            sock.sendall(f"GET {self.server.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".encode())
            group.append(sock)
        self.sockets.extend(group)
        self._thread(self._drip, group)

    def _drip(self, group: list[socket.socket]) -> None:
        while not self.stopping.wait(0.5):
            for sock in group:
                with suppress(OSError):
                    sock.send(b"a")

    def _thread(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        thread.start()
        self.threads.append(thread)

    def stop(self) -> None:
        self.stopping.set()
        for sock in self.sockets:
            sock.close()
        for thread in self.threads:
            thread.join(timeout=70)


@contextmanager
def adversaries(server: Server) -> Iterator[Adversaries]:
    crowd = Adversaries(server)
    try:
        yield crowd
    finally:
        crowd.stop()


def timed_get(
    url: str, timeout: float = 5, **params: str
) -> tuple[int, float, requests.Response | None]:
    """Status and seconds of one GET on a fresh connection (0 when nothing answered in time)."""
    start = time.monotonic()
    try:
        answer = requests.get(url, params=params, timeout=timeout)
    except requests.RequestException:
        return 0, time.monotonic() - start, None
    return answer.status_code, time.monotonic() - start, answer
