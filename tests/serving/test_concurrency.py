"""No handful of requests starves the rest: runaway queries, slow downloads and slow clients at once."""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.serving.support import CHEAP_ASK, Server, adversaries, serve, timed_get

PROBE_SECONDS = 1.0


@pytest.fixture(scope="module", params=["1", "2"], ids=["one process", "two processes"])
def server(
    request: pytest.FixtureRequest, state_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    # Three query workers per server process: two runaways leave at least one free.
    with serve(
        state_dir,
        tmp_path_factory.mktemp("serve"),
        "--workers",
        request.param,
        LACS_LD_QUERY_WORKERS="3",
        LACS_LD_QUERY_TIMEOUT="8",
    ) as running:
        yield running


@pytest.fixture(scope="module")
def one_process(state_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The default `lacs-ld serve`: one server process, here with three query workers."""
    with serve(
        state_dir,
        tmp_path_factory.mktemp("serve"),
        LACS_LD_QUERY_WORKERS="3",
        LACS_LD_QUERY_TIMEOUT="8",
    ) as running:
        yield running


def test_the_default_serve_runs_gunicorn_threaded_workers_not_a_development_server(
    one_process: Server,
) -> None:
    log = one_process.log_text()
    assert "Using worker: gthread" in log
    assert "development server" not in log


def probes(server: Server) -> dict[str, tuple[int, float]]:
    """Status and seconds of a page, a document, a search and a cheap ASK, one after another."""
    root = server.root
    answers = {
        "home page": timed_get(root),
        "document": timed_get(root + "doc/authority/E08000025.ttl"),
        "search": timed_get(root + "search", q="Manchester"),
        "ask": timed_get(root + "sparql", query=CHEAP_ASK),
    }
    return {name: (status, seconds) for name, (status, seconds, _) in answers.items()}


def download_path(server: Server) -> str:
    """The path of the current release's Turtle download (large enough to hold a slow reader)."""
    latest = requests.head(server.root + "dumps/latest/lacs-ld.ttl", timeout=120)
    path = urllib.parse.urlsplit(latest.headers["Location"]).path
    answer = requests.head(f"http://127.0.0.1:{server.port}{path}", timeout=120)
    assert answer.status_code == 200, f"the download answered {answer.status_code}"
    assert int(answer.headers["Content-Length"]) > 1_000_000, "too small to hold a slow reader"
    return path


def test_pages_search_and_queries_answer_within_a_second_under_abuse(server: Server) -> None:
    path = download_path(server)
    with adversaries(server) as crowd:
        crowd.runaway_queries(2)
        crowd.slow_downloaders(2, path)
        crowd.slow_headers(50)
        time.sleep(1.5)  # the runaways hold their query workers, the downloads fill their buffers
        measured = probes(server)
        early = list(crowd.answers)
    slow = {name: m for name, m in measured.items() if m[0] != 200 or m[1] > PROBE_SECONDS}
    assert not slow, f"answers over {PROBE_SECONDS} s or not 200 under abuse: {measured}"
    assert not early, "a runaway query ended before the probes ran"


def test_every_query_worker_busy_answers_503_with_retry_after_at_once(one_process: Server) -> None:
    server = one_process
    with adversaries(server) as crowd:
        crowd.runaway_queries(3)
        time.sleep(1.5)
        status, seconds, answer = timed_get(server.root + "sparql", query=CHEAP_ASK)
        assert answer is not None
        assert status == 503, answer.text
        assert answer.headers.get("Retry-After")
        assert seconds < PROBE_SECONDS
        page, page_seconds, _ = timed_get(server.root)
        assert page == 200 and page_seconds < PROBE_SECONDS
    assert sorted(crowd.answers) == [503, 503, 503]
