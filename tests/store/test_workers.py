"""The supervised query pool: a timeout stops the work, a crash costs one worker, never the service."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from lacs_ld.errors import EngineFailure, Overloaded, QueryTimeout, TooManyRows
from lacs_ld.formats import BY_KEY
from lacs_ld.services.build import build
from lacs_ld.settings import Settings
from lacs_ld.store import QueryRequest
from lacs_ld.store.workers import QueryPool

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = QueryRequest("ASK { ?s ?p ?o }", BY_KEY["json"])


@pytest.fixture(scope="module")
def pool(settings: Settings) -> Iterator[QueryPool]:
    snapshot = build(settings)
    workers = QueryPool(
        snapshot.dataset, size=2, timeout=2.0, max_rows=100, memory_mb=2048, base=settings.base_uri
    )
    yield workers
    workers.close()


def test_query_answers_in_the_requested_format(pool: QueryPool) -> None:
    answer = pool.run(ASK)
    assert answer.body == b'{"head":{},"boolean":true}'


def test_timeout_stops_the_work_and_reports_the_limit(pool: QueryPool) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as caught:
        pool.run(QueryRequest(CARTESIAN, BY_KEY["json"]))
    elapsed = time.monotonic() - started
    assert "2 s" in caught.value.message
    assert elapsed < 2.0 + 1.0
    assert pool.run(ASK).rows == 1


def test_engine_crash_costs_one_worker_and_the_pool_keeps_answering(pool: QueryPool) -> None:
    nested = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    with pytest.raises(EngineFailure):
        pool.run(QueryRequest(nested, BY_KEY["json"]))
    for _ in range(3):
        assert pool.run(ASK).rows == 1


def test_result_over_the_row_cap_is_an_error_not_a_cut_answer(pool: QueryPool) -> None:
    with pytest.raises(TooManyRows) as caught:
        pool.run(QueryRequest("SELECT * WHERE { ?s ?p ?o } LIMIT 101", BY_KEY["csv"]))
    assert "100 rows" in caught.value.message and "dumps" in caught.value.message
    exactly = pool.run(QueryRequest("SELECT * WHERE { ?s ?p ?o } LIMIT 100", BY_KEY["csv"]))
    assert exactly.rows == 100
    assert exactly.body.count(b"\r\n") == 101


def test_a_query_past_the_memory_ceiling_is_stopped_and_the_pool_recovers(
    settings: Settings,
) -> None:
    snapshot = build(settings)
    workers = QueryPool(
        snapshot.dataset, size=1, timeout=60, max_rows=100, memory_mb=1024, base=settings.base_uri
    )
    try:
        hungry = "SELECT ?o ?e WHERE { ?a ?b ?o . ?c ?d ?e } ORDER BY ?o ?e LIMIT 1"
        with pytest.raises(EngineFailure) as caught:
            workers.run(QueryRequest(hungry, BY_KEY["json"]))
        assert "1024 MiB" in caught.value.message
        assert workers.run(ASK).rows == 1
    finally:
        workers.close()


def test_a_full_pool_answers_overloaded_rather_than_queueing_forever(settings: Settings) -> None:
    snapshot = build(settings)
    workers = QueryPool(
        snapshot.dataset, size=1, timeout=3, max_rows=100, memory_mb=2048, base=settings.base_uri
    )
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
