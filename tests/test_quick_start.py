"""The README's two commands, run as written in a fresh clone with nothing beside it.

Slow (a clone, two virtual environments, several publishes): run with `-m slow`; `.ci/run`
does. The first command runs with the default, relative settings; only the port changes.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

from tests.conftest import REPO, free_port

pytestmark = pytest.mark.slow

README = (REPO / "README.md").read_text(encoding="utf-8")
QUICK_START = re.findall(
    r"```sh\n(.+?)\n```", README.split("## Quick start", 1)[1].split("\n## ", 1)[0], re.S
)
SERVE, TEST = QUICK_START
STARTUP = 900  # seconds: the first command installs the package before it serves


@dataclass(frozen=True)
class Clone:
    """A clone of the committed repository, alone in its folder, and a user's new venv."""

    path: Path
    venv: Path

    def env(self, **extra: str) -> dict[str, str]:
        """A shell with the venv active, as after `. .venv/bin/activate`, and no LACS_LD_*."""
        kept = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("LACS_LD_", "PYTHON", "VIRTUAL_ENV", "PYTEST"))
        }
        kept.update(
            VIRTUAL_ENV=str(self.venv), PATH=f"{self.venv / 'bin'}{os.pathsep}{kept['PATH']}"
        )
        kept.update(extra)
        return kept


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Clone:
    root = tmp_path_factory.mktemp("fresh")
    path = root / "lacs-ld"
    head = git("rev-parse", "HEAD", cwd=REPO).strip()
    git("clone", "--quiet", "--no-hardlinks", str(REPO), str(path), cwd=root)
    git("checkout", "--quiet", "--detach", head, cwd=path)
    assert sorted(p.name for p in root.iterdir()) == ["lacs-ld"]
    venv = path / ".venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    return Clone(path, venv)


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout


@dataclass
class Server:
    """A server started from a shell command in the clone, stopped with its process group."""

    process: subprocess.Popen[bytes]
    root: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


@pytest.fixture
def serve(clone: Clone, tmp_path: Path) -> Iterator[Callable[[str], Server]]:
    """Start `command` in the clone on a free port (the only setting changed); stop it after."""
    started: list[Server] = []

    def start(command: str) -> Server:
        port = free_port()
        log = tmp_path / f"server-{port}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                ["bash", "-c", command],
                cwd=clone.path,
                env=clone.env(LACS_LD_PORT=str(port)),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = Server(process, f"http://127.0.0.1:{port}/", log)
        started.append(server)
        wait_until_healthy(server)
        return server

    yield start
    for server in started:
        stop(server)


def wait_until_healthy(server: Server) -> None:
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited ({server.process.returncode}):\n{server.output()}")
        try:
            if requests.get(server.root + "health", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    pytest.fail(f"no healthy answer within {STARTUP} s:\n{server.output()}")


def stop(server: Server) -> None:
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=30)


class Links(HTMLParser):
    """Every href and src of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value]


def check_downloads(root: str) -> int:
    """Follow every link on {root}dumps/ that stays on the server; every file matches its sum."""
    page = requests.get(root + "dumps/", headers={"Accept": "text/html"}, timeout=60)
    assert page.status_code == 200, page.text[:2000]
    parser = Links()
    parser.feed(page.text)
    links = sorted({urljoin(page.url, link).split("#", 1)[0] for link in parser.found})
    local = [link for link in links if link.startswith(root)]
    sums_links = [link for link in local if link.endswith("/SHA256SUMS")]
    assert len(sums_links) == 1, local
    sums = requests.get(sums_links[0], timeout=60)
    assert sums.status_code == 200, sums.text[:2000]
    expected = {}
    for line in sums.text.splitlines():
        digest, name = line.split("  ", 1)
        expected[name] = digest
    folder = sums_links[0][: -len("SHA256SUMS")]
    listed = {link[len(folder) :] for link in local if link.startswith(folder)}
    assert set(expected) <= listed, f"files in SHA256SUMS without a link: {set(expected) - listed}"
    for link in local:
        answer = requests.get(link, timeout=120)
        assert answer.status_code == 200, (link, answer.status_code, answer.text[:500])
        name = link[len(folder) :] if link.startswith(folder) else None
        if name in expected:
            assert hashlib.sha256(answer.content).hexdigest() == expected[name], link
    return len(local)


def test_quick_start_serves_every_download_matching_its_checksum_under_one_and_two_processes(
    clone: Clone, serve: Callable[[str], Server]
) -> None:
    assert SERVE == "pip install . && lacs-ld serve"
    one = serve(SERVE)
    assert check_downloads(one.root) > 10
    stop(one)
    # The same from a clean state folder, so gunicorn's processes find nothing written before.
    shutil.rmtree(clone.path / "var")
    two = serve("lacs-ld serve --workers 2")
    assert check_downloads(two.root) > 10


def pages_a_server_reads_lazily(root: str) -> list[str]:
    """Pages whose templates and named queries a server process loads on first use."""
    examples = sorted((REPO / "src" / "lacs_ld" / "queries" / "examples").glob("*.rq"))
    return [
        root,
        root + "doc/authority/E08000025",
        root + "authorities",
        root + "search?q=home+education",
        root + "dumps/",
        root + "def/lacs",
        root + ".well-known/void",
        *(root + "query/" + path.stem for path in examples),
    ]


def test_the_test_command_leaves_a_running_server_installed_by_the_first_undisturbed(
    clone: Clone, serve: Callable[[str], Server]
) -> None:
    assert TEST == "bash scripts/test"
    server = serve(SERVE)
    site = clone.venv / "lib"
    installed = subprocess.run(
        [str(clone.venv / "bin" / "python"), "-c", "import lacs_ld; print(lacs_ld.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert installed.startswith(str(site)), installed
    # The README's second command, in the same shell, limited to one quick test file.
    ran = subprocess.run(
        ["bash", "-c", f"{TEST} tests/settings/test_load.py -q -p no:cacheprovider"],
        cwd=clone.path,
        env=clone.env(),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    assert Path(installed).is_file(), "the test command replaced the server's installed package"
    for page in pages_a_server_reads_lazily(server.root):
        answer = requests.get(page, timeout=60)
        assert answer.status_code == 200, (page, answer.status_code, server.output())
