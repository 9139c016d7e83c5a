"""The supervised query pool: a timeout stops the work, a crash costs one worker, never the service."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lacs_ld.errors import AnswerCut, AnswerTooLarge, EngineFailure, Overloaded, QueryTimeout
from lacs_ld.formats import BY_KEY
from lacs_ld.services.build import build
from lacs_ld.settings import Settings
from lacs_ld.store import QueryRequest
from lacs_ld.store.workers import QueryPool

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = QueryRequest("ASK { ?s ?p ?o }", BY_KEY["json"])
TRUE = b'{"head":{},"boolean":true}'
CEILING = 3 << 20  # bytes: more than the part a worker buffers before it starts sending
EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"


def new_pool(
    settings: Settings,
    dataset: Path,
    *,
    size: int,
    timeout: float,
    max_bytes: int = CEILING,
    memory_mb: int = 2048,
) -> QueryPool:
    """A pool over a published dataset, as the embedded store starts one."""
    return QueryPool(
        dataset,
        size=size,
        timeout=timeout,
        max_bytes=max_bytes,
        memory_mb=memory_mb,
        base=settings.base_uri,
    )


@pytest.fixture(scope="module")
def pool(settings: Settings) -> Iterator[QueryPool]:
    snapshot = build(settings)
    workers = new_pool(settings, snapshot.dataset, size=2, timeout=2.0)
    yield workers
    workers.close()


def test_query_answers_in_the_requested_format(pool: QueryPool) -> None:
    answer = pool.run(ASK)
    assert answer.body == TRUE and answer.stream is None


def test_timeout_stops_the_work_and_reports_the_limit(pool: QueryPool) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as caught:
        pool.run(QueryRequest(CARTESIAN, BY_KEY["json"]))
    elapsed = time.monotonic() - started
    assert "2 s" in caught.value.message
    assert elapsed < 2.0 + 1.0
    assert pool.run(ASK).body == TRUE


def test_engine_crash_costs_one_worker_and_the_pool_keeps_answering(pool: QueryPool) -> None:
    nested = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    with pytest.raises(EngineFailure):
        pool.run(QueryRequest(nested, BY_KEY["json"]))
    for _ in range(3):
        assert pool.run(ASK).body == TRUE


def test_an_answer_over_the_ceiling_before_sending_begins_is_refused(settings: Settings) -> None:
    snapshot = build(settings)
    small = new_pool(settings, snapshot.dataset, size=1, timeout=5, max_bytes=100_000)
    try:
        with pytest.raises(AnswerTooLarge) as caught:
            small.run(QueryRequest(EVERYTHING, BY_KEY["csv"]))
        assert "100000 bytes" in caught.value.message and "dumps" in caught.value.message
        assert small.run(ASK).body == TRUE
    finally:
        small.close()


def test_a_large_answer_streams_whole_in_parts(pool: QueryPool) -> None:
    answer = pool.run(QueryRequest(EVERYTHING + " LIMIT 10000", BY_KEY["tsv"]))
    assert answer.stream is not None
    parts = list(answer.stream)
    assert len(parts) > 2
    assert b"".join(parts).count(b"\n") == 10001
    assert pool.run(ASK).body == TRUE


def test_an_answer_passing_the_ceiling_mid_stream_ends_unparseable_and_raises(
    pool: QueryPool,
) -> None:
    answer = pool.run(QueryRequest(EVERYTHING, BY_KEY["json"]))
    assert answer.stream is not None
    received = []
    with pytest.raises(AnswerCut) as caught:
        for part in answer.stream:
            received.append(part)
    body = b"".join(received)
    assert f"larger than {CEILING} bytes" in caught.value.message
    assert CEILING - (1 << 16) < len(body) < CEILING + 4096
    assert body.rstrip().endswith(b'"') is False and b"ANSWER CUT" in body[-400:]
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
    assert pool.run(ASK).body == TRUE


def test_closing_a_stream_early_replaces_its_worker(pool: QueryPool) -> None:
    answer = pool.run(QueryRequest(EVERYTHING, BY_KEY["xml"]))
    assert answer.stream is not None
    next(answer.stream)
    answer.stream.close()
    for _ in range(3):
        assert pool.run(ASK).body == TRUE


def test_a_query_past_the_memory_ceiling_is_stopped_and_the_pool_recovers(
    settings: Settings,
) -> None:
    snapshot = build(settings)
    workers = new_pool(settings, snapshot.dataset, size=1, timeout=60, memory_mb=1024)
    try:
        hungry = "SELECT ?o ?e WHERE { ?a ?b ?o . ?c ?d ?e } ORDER BY ?o ?e LIMIT 1"
        with pytest.raises(EngineFailure) as caught:
            workers.run(QueryRequest(hungry, BY_KEY["json"]))
        assert "1024 MiB" in caught.value.message
        assert workers.run(ASK).body == TRUE
    finally:
        workers.close()


def test_a_full_pool_answers_overloaded_rather_than_queueing_forever(settings: Settings) -> None:
    snapshot = build(settings)
    workers = new_pool(settings, snapshot.dataset, size=1, timeout=3)
    try:
        workers.run(ASK)
        outcomes: list[str] = []

        def occupy() -> None:
            try:
                workers.run(QueryRequest(CARTESIAN, BY_KEY["json"]))
            except QueryTimeout:
                outcomes.append("timeout")

        busy = threading.Thread(target=occupy)
        busy.start()
        time.sleep(0.3)
        with pytest.raises(Overloaded):
            workers.run(ASK)
        busy.join()
        assert outcomes == ["timeout"]
    finally:
        workers.close()


def test_a_pool_closed_while_its_workers_start_stops_cleanly(settings: Settings) -> None:
    """Closing a pool at any moment of its start leaves no thread error and no new zygote."""
    snapshot = build(settings)
    for delay in (0.0, 0.01, 0.05, 0.1, 0.2, 0.4):
        before = set(threading.enumerate())
        starting = new_pool(settings, snapshot.dataset, size=4, timeout=5)
        time.sleep(delay)
        starting.close()
        for thread in set(threading.enumerate()) - before:
            thread.join(timeout=10)
            assert not thread.is_alive(), f"{thread.name} still running {delay} s after close"
        assert not starting._zygote.process.is_alive()
