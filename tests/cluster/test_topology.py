"""Replicas behind the caching proxy (scripts/cluster, deploy/nginx.conf.template).

Two replicas with few request threads each (so a slow client reaching one would show), nginx
in front, the bundled data. The tests run in file order on one cluster: the cache, slow
clients, a rolling re-publish, then a replica killed under load.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.cluster.support import (
    CHROME,
    FIREFOX,
    Cluster,
    Load,
    authority_documents,
    cluster,
    mixed_requests,
    slow_clients,
)
from tests.conftest import REPO

pytestmark = pytest.mark.cluster
THREADS = 8


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("cluster-data") / "data"
    shutil.copytree(REPO / "data", target)
    return target


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory, data: Path) -> Iterator[Cluster]:
    with cluster(
        tmp_path_factory.mktemp("cluster"),
        LACS_LD_DATA_DIR=str(data),
        LACS_LD_THREADS=str(THREADS),
        LACS_LD_QUERY_TIMEOUT="5",
    ) as started:
        yield started


def log_lines(running: Cluster, marker: str, expected: int) -> list[str]:
    """The proxy's access-log lines for requests carrying `marker` (written as each ends)."""
    deadline = time.monotonic() + 10
    while True:
        lines = [line for line in running.access_log() if marker in line]
        if len(lines) >= expected or time.monotonic() > deadline:
            return lines
        time.sleep(0.1)


def test_proxy_cache_answers_repeated_documents_and_304s_without_a_replica(
    running: Cluster,
) -> None:
    documents = [d + "?cache-test" for d in authority_documents(running.root, 10)]
    accepts = ["text/turtle", FIREFOX, CHROME, "application/ld+json", "text/turtle"]
    etags = {}
    for accept in accepts:
        for url in documents:
            answer = requests.get(url, headers={"Accept": accept}, timeout=30)
            assert answer.status_code == 200
            assert set(answer.headers["Vary"].replace(" ", "").split(",")) <= {
                "Accept",
                "Accept-Encoding",
            }, "the cache key holds only Accept and Accept-Encoding"
            etags[url, accept] = answer.headers["ETag"]
    for (url, accept), etag in etags.items():
        answer = requests.get(url, headers={"Accept": accept, "If-None-Match": etag}, timeout=30)
        assert answer.status_code == 304
    lines = log_lines(running, "?cache-test", 2 * len(accepts) * len(documents))
    first_turtle, html_firefox, html_chrome, json_ld, turtle_again = (
        lines[i * len(documents) : (i + 1) * len(documents)] for i in range(len(accepts))
    )
    revalidations = lines[len(accepts) * len(documents) :]
    for line in first_turtle + html_firefox + json_ld:
        assert "cache=MISS" in line and "upstream=127.0.0.1:" in line, line
    # Chrome's Accept is normalised to the same key as Firefox's: one HTML entry.
    for line in html_chrome + turtle_again + revalidations:
        assert "cache=HIT" in line and "upstream=- " in line, line
    assert all(" 304 " in line for line in revalidations)
    hits = sum("cache=HIT" in line for line in lines)
    print(f"cache: {hits} of {len(lines)} requests answered by the proxy")
    # The replicas' own access logs: only the misses reached them.
    reached = sum(running.replica_log(i).count("?cache-test") for i in range(2))
    assert reached == 3 * len(documents)


def test_accept_headers_the_map_does_not_know_are_negotiated_by_a_replica(
    running: Cluster,
) -> None:
    document = authority_documents(running.root, 1)[0] + "?unknown-accept"
    asked = {
        "application/rdf+xml;q=0.5, text/turtle;q=0.9": "text/turtle",
        "text/turtle;q=0.5, application/rdf+xml;q=0.9": "application/rdf+xml",
        "text/turtle": "text/turtle",
    }
    for _ in range(2):  # the second time from the cache, each under its own key
        for accept, media_type in asked.items():
            answer = requests.get(document, headers={"Accept": accept}, timeout=30)
            assert answer.status_code == 200
            assert answer.headers["Content-Type"].startswith(media_type), accept


def test_accept_encoding_is_normalised_to_gzip_or_nothing(running: Cluster) -> None:
    document = authority_documents(running.root, 1)[0] + "?encodings"
    asked = {"gzip, deflate, br": "gzip", "br": None, "gzip;q=0, br": None, "*": "gzip"}
    for _ in range(2):
        for encoding, expected in asked.items():
            answer = requests.get(
                document, headers={"Accept": "text/turtle", "Accept-Encoding": encoding}, timeout=30
            )
            assert answer.status_code == 200
            assert answer.headers.get("Content-Encoding") == expected, encoding
    lines = log_lines(running, "?encodings", 2 * len(asked))
    assert sum("cache=MISS" in line for line in lines) == 2, "one entry for gzip, one without"


def probe_seconds(running: Cluster, count: int) -> list[float]:
    """Requests the cache cannot answer (each distinct), timed."""
    took = []
    for n in range(count):
        start = time.monotonic()
        answer = requests.post(
            running.root + "sparql",
            data={"query": f"ASK {{ ?s ?p {n} }}"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        took.append(time.monotonic() - start)
        assert answer.status_code == 200, answer.text
    return took


def test_fifty_slow_clients_at_the_proxy_do_not_slow_the_others(running: Cluster) -> None:
    before = probe_seconds(running, 10)
    port = int(running.root.rsplit(":", 1)[1].strip("/"))
    with slow_clients("127.0.0.1", port, 50):
        time.sleep(1)
        during = probe_seconds(running, 20)
    print(
        f"probe median {statistics.median(before) * 1000:.0f} ms before, "
        f"{statistics.median(during) * 1000:.0f} ms with 50 slow clients "
        f"(max {max(during) * 1000:.0f} ms); replicas have {THREADS} threads each"
    )
    # 50 slow clients are more than both replicas' threads: had one reached a replica, the
    # probes would wait for their threads.
    assert max(during) < 1.0
    for index in range(2):
        assert "slow=" not in running.replica_log(index), "a slow client reached a replica"


def test_proxy_refuses_what_the_service_would_before_any_replica(running: Cluster) -> None:
    # LACS_LD_MAX_URL_BYTES and LACS_LD_MAX_REQUEST_BYTES: their defaults, 8 KiB and 64 KiB.
    too_long = requests.get(running.root + "search?refused-at-the-edge&q=" + "a" * 9000, timeout=30)
    assert too_long.status_code == 414
    too_big = requests.post(
        running.root + "sparql?refused-at-the-edge",
        data={"query": "ASK {}", "pad": "a" * 70000},
        timeout=30,
    )
    assert too_big.status_code == 413
    refused = log_lines(running, "refused-at-the-edge", 2)
    assert sorted(line.split('" ', 1)[1][:3] for line in refused) == ["413", "414"]
    for line in refused:
        assert "upstream=- " in line, "refused by nginx, not by a replica: " + line


def test_replicas_log_the_address_nginx_saw_not_a_forged_one(running: Cluster) -> None:
    marker = "forwarded-probe"
    answer = requests.get(
        running.root + "sparql",
        params={"query": "ASK {}", "m": marker},
        headers={"X-Forwarded-For": "203.0.113.9", "Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert answer.status_code == 200
    deadline = time.monotonic() + 10
    while True:
        lines = [
            line
            for i in range(2)
            for line in running.replica_log(i).splitlines()
            if marker in line and "GET /sparql" in line
        ]
        if lines or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert lines, "the request reached a replica and was logged"
    assert all(line.startswith("127.0.0.1 ") for line in lines), lines


def home_release(text: str) -> set[str]:
    """The releases a home page presents as its own: in its text and its download links.

    (Its dataset description names earlier releases too, as earlier versions.)
    """
    stated = re.findall(r"Release <strong>([^<]+)</strong>", text)
    linked = re.findall(r'<link rel="item" href="[^"]*/dumps/([^/"]+)/', text)
    assert stated and linked, "the home page names its release and its downloads"
    return {*stated, *linked}


def test_rolling_republish_loses_no_request_and_mixes_no_release_in_a_page(
    running: Cluster, data: Path
) -> None:
    old = {json.loads(requests.get(running.root + "health", timeout=10).text)["release"]}
    (data / "release.json").write_text(json.dumps({"version": "9.9.9", "issued": "2026-11-25"}))
    documents = authority_documents(running.root, 20)
    load = Load(running.root, mixed_requests(running.root, documents))
    pages: list[set[str]] = []
    with load.running(clients=4):
        republishing = running.start_script("republish")
        # Home pages the cache cannot answer (each distinct), all through the switch.
        while republishing.poll() is None:
            page = requests.get(running.root, params={"page-probe": len(pages)}, timeout=30)
            assert page.status_code == 200
            pages.append(home_release(page.text))
            time.sleep(0.2)
        _, stderr = republishing.communicate()
    assert republishing.returncode == 0, stderr
    assert load.failures == [], load.failures[:10]
    assert load.answered > 50
    for releases in pages:
        assert len(releases) == 1, f"one page names two releases: {releases}"
    seen = set().union(*pages)
    new = {
        requests.get(f"http://127.0.0.1:{port}/health", timeout=10).json()["release"]
        for port in running.replica_ports()
    }
    assert len(new) == 1 and new != old and next(iter(new)).startswith("9.9.9-")
    assert seen == old | new, "the pages asked during the switch came from both releases"
    print(
        f"rolling re-publish: {load.answered} requests, none failed; {len(pages)} home pages,"
        f" each of one release"
    )


def test_a_killed_replica_fails_no_client_request(running: Cluster) -> None:
    documents = authority_documents(running.root, 20)
    load = Load(running.root, mixed_requests(running.root, documents))
    with load.running(clients=6):
        time.sleep(3)
        os.killpg(running.replica_pid(1), signal.SIGKILL)
        killed_at = load.answered
        time.sleep(8)
    assert load.failures == [], load.failures[:10]
    assert load.answered - killed_at > 50
    assert requests.get(running.root + "health", timeout=10).status_code == 200
    print(
        f"replica killed: {load.answered} requests ({load.answered - killed_at} after), none failed"
    )
    assert re.search(
        r"upstream=127\.0\.0\.1:\d+, 127\.0\.0\.1:\d+", "\n".join(running.access_log())
    )
