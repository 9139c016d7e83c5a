"""A query worker that dies under an innocent query costs that query nothing: it runs again."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

from lacs_ld.errors import EngineFailure
from lacs_ld.formats import BY_KEY
from lacs_ld.services.build import build
from lacs_ld.settings import Settings
from lacs_ld.store import QueryRequest
from lacs_ld.store.workers import QueryPool

COUNT = QueryRequest("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", BY_KEY["csv"])
NESTED = QueryRequest("SELECT * WHERE " + "{" * 5000 + "}" * 5000, BY_KEY["json"])


@pytest.fixture
def pool(settings: Settings) -> Iterator[QueryPool]:
    workers = QueryPool(
        build(settings).dataset,
        size=2,
        timeout=5.0,
        max_bytes=1 << 20,
        memory_mb=2048,
        base=settings.base_uri,
    )
    workers.run(COUNT)  # both workers started
    workers.run(COUNT)
    yield workers
    workers.close()


def test_a_worker_killed_before_it_answers_does_not_fail_the_query(pool: QueryPool) -> None:
    victim = pool._idle.queue[0]  # the worker the next query gets
    os.kill(victim.pid, signal.SIGKILL)
    answer = pool.run(COUNT)
    assert answer.body.decode().splitlines()[0] == "n"
    assert int(answer.body.decode().splitlines()[1]) > 100_000


def test_a_query_that_crashes_its_worker_still_fails_after_one_retry(pool: QueryPool) -> None:
    with pytest.raises(EngineFailure) as caught:
        pool.run(NESTED)
    assert "simplify the query" in caught.value.message
    assert pool.run(COUNT).body.startswith(b"n")
