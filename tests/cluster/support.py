"""What the topology tests share: `scripts/cluster` in a folder of its own, and client load."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.conftest import REPO, free_port

SCRIPT = REPO / "scripts" / "cluster"
CHROME = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
    "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
)
FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass
class Cluster:
    """A running `scripts/cluster start`: the proxy's root URL and the run folder."""

    root: str
    run: Path
    environment: dict[str, str]

    def script(self, command: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", str(SCRIPT), command],
            env=self.environment,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def start_script(self, command: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            ["bash", str(SCRIPT), command],
            env=self.environment,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def replica_ports(self) -> list[int]:
        return [int(line) for line in (self.run / "ports").read_text().split()]

    def replica_pid(self, index: int) -> int:
        return int((self.run / f"replica-{index}.pid").read_text())

    def access_log(self) -> list[str]:
        return (self.run / "logs" / "access.log").read_text().splitlines()

    def replica_log(self, index: int) -> str:
        return (self.run / "logs" / f"replica-{index}.log").read_text(errors="replace")


@contextmanager
def cluster(tmp: Path, **env: str) -> Iterator[Cluster]:
    """`scripts/cluster start` with a private run folder, data copy and port; stop at the end."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LACS_LD_")}
    # The replicas run the lacs-ld installed beside the Python running the tests.
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"
    environment.update(
        LACS_LD_CLUSTER_DIR=str(tmp / "run"),
        LACS_LD_CLUSTER_PORT=str(port),
        LACS_LD_CLUSTER_REPLICAS="2",
    )
    environment.update(env)
    running = Cluster(f"http://127.0.0.1:{port}/", tmp / "run", environment)
    started = running.script("start")
    try:
        assert started.returncode == 0, started.stderr + _logs(running)
        yield running
    finally:
        stopped = running.script("stop", timeout=300)
        assert stopped.returncode == 0, stopped.stderr


def _logs(running: Cluster) -> str:
    logs = running.run / "logs"
    if not logs.exists():
        return ""
    return "\n".join(
        f"== {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in logs.iterdir()
    )


@dataclass
class Load:
    """Client threads asking for a mix of resources until stopped; every answer is recorded."""

    root: str
    requests: list[Callable[[requests.Session, int], requests.Response]]
    failures: list[str] = field(default_factory=list)
    answered: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _client(self, offset: int) -> None:
        session = requests.Session()
        n = offset
        while not self._stop.is_set():
            ask = self.requests[n % len(self.requests)]
            try:
                answer = ask(session, n)
                ok = answer.status_code in (200, 304)
                detail = f"{answer.status_code} {answer.request.method} {answer.url}"
            except requests.RequestException as exc:
                ok, detail = False, f"{type(exc).__name__}: {exc}"
            with self._lock:
                self.answered += 1
                if not ok:
                    self.failures.append(detail)
            n += 7
            self._stop.wait(0.02)  # a client that reads what it got, not a benchmark

    @contextmanager
    def running(self, clients: int = 6) -> Iterator[Load]:
        threads = [threading.Thread(target=self._client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            for thread in threads:
                thread.join(timeout=60)


def mixed_requests(
    root: str, documents: list[str]
) -> list[Callable[[requests.Session, int], requests.Response]]:
    """Documents (HTML and RDF), SPARQL (POST and GET), search and lists, as clients ask."""

    def document(session: requests.Session, n: int) -> requests.Response:
        accept = ("text/turtle", FIREFOX, "application/ld+json")[n % 3]
        return session.get(documents[n % len(documents)], headers={"Accept": accept}, timeout=30)

    def sparql_post(session: requests.Session, n: int) -> requests.Response:
        query = f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {5 + n % 50}"
        return session.post(
            root + "sparql",
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )

    def sparql_get(session: requests.Session, n: int) -> requests.Response:
        return session.get(
            root + "sparql",
            params={"query": f"ASK {{ ?s ?p {n} }}"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )

    def search(session: requests.Session, n: int) -> requests.Response:
        word = ("fostering", "leadership", "adoption", "care leavers")[n % 4]
        return session.get(root + "search", params={"q": word}, timeout=30)

    def listing(session: requests.Session, n: int) -> requests.Response:
        return session.get(root + ("authorities", "inspections", "quotes")[n % 3], timeout=30)

    return [document, sparql_post, sparql_get, search, listing]


def authority_documents(root: str, count: int) -> list[str]:
    """Documents of authorities named on the authorities list."""
    page = requests.get(root + "authorities", timeout=30).text
    codes = sorted(set(re.findall(r"/id/authority/([EW]\d{8})", page)))
    assert len(codes) >= count, "the authorities list names too few authorities"
    return [f"{root}doc/authority/{code}" for code in codes[:count]]


@contextmanager
def slow_clients(host: str, port: int, count: int) -> Iterator[None]:
    """Clients that send their request a byte every half second, as a slow network would.

    Half send headers that never end, half a POST /sparql whose body never ends.
    """
    sockets = []
    for i in range(count):
        sock = socket.create_connection((host, port), timeout=5)
        if i % 2:
            sock.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 4000\r\n\r\nquery=ASK+%7B+%3Fs+%3Fp+%3Fo+%7D"
            )
        else:
            sock.sendall(f"GET /?slow={i} HTTP/1.1\r\nHost: x\r\nX-Slow: ".encode())
        sockets.append(sock)
    stop = threading.Event()

    def drip() -> None:
        while not stop.wait(0.5):
            for sock in sockets:
                with suppress(OSError):
                    sock.sendall(b"a")

    dripping = threading.Thread(target=drip)
    dripping.start()
    try:
        yield None
    finally:
        stop.set()
        dripping.join()
        for sock in sockets:
            sock.close()
