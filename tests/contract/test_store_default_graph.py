"""The remote backend names its dataset, so a store's own default graph does not matter: empty
(`oxigraph serve` without `--union-default-graph`) or every graph it holds (Virtuoso)."""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from lacs_ld.app import create_app
from tests.conftest import TEST_BASE
from tests.contract.conftest import OxigraphServer, VirtuosoServer, remote_settings

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def plain_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """`oxigraph serve` without `--union-default-graph`: its default graph is empty."""
    server = OxigraphServer(tmp_path_factory.mktemp("plain") / "store", union=False)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def plain_app(state_dir: Path, plain_store: OxigraphServer) -> Iterator[Flask]:
    app = create_app(remote_settings(state_dir, plain_store))
    yield app
    app.extensions["lacs"].store.close()


def _count(app: Flask, query: str = COUNT) -> int:
    body = app.test_client().get("/lacs/sparql", query_string={"query": query}).json
    return int(body["results"]["bindings"][0]["n"]["value"])  # type: ignore[index]


def test_the_store_itself_answers_nothing_from_its_default_graph(
    plain_app: Flask, plain_store: OxigraphServer
) -> None:
    url = plain_store.root + "query?" + urllib.parse.urlencode({"query": COUNT})
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.read().decode().split()[-1] == "0"


def test_entities_counts_and_queries_answer_as_on_the_embedded_store(
    plain_app: Flask, app: Flask
) -> None:
    remote = plain_app.test_client()
    embedded = app.test_client()
    document = remote.get("/lacs/doc/authority/E08000025", headers={"Accept": "text/turtle"})
    assert document.status_code == 200 and b"Birmingham" in document.get_data()
    assert _count(plain_app) == _count(app) > 100_000
    graph_count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert _count(plain_app, graph_count) == _count(app, graph_count)
    named = f"SELECT (COUNT(*) AS ?n) FROM <{TEST_BASE}graph/meta> WHERE {{ ?s ?p ?o }}"
    assert 0 < _count(plain_app, named) == _count(app, named)
    home = remote.get("/lacs/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert home == embedded.get("/lacs/", headers={"Accept": "text/html"}).get_data(as_text=True)


def test_publishing_again_checks_the_dataset_graph_by_graph(
    state_dir: Path, plain_store: OxigraphServer, plain_app: Flask
) -> None:
    again = create_app(remote_settings(state_dir, plain_store))
    try:
        assert _count(again) == _count(plain_app)
    finally:
        again.extensions["lacs"].store.close()


def test_virtuoso_default_graph_holds_more_than_the_release_yet_answers_match(
    virtuoso: VirtuosoServer, virtuoso_app: Flask, app: Flask
) -> None:
    url = virtuoso.root + "sparql?" + urllib.parse.urlencode({"query": COUNT})
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        own = int(answer.read().decode().split()[-1])
    assert own > _count(virtuoso_app) == _count(app) > 100_000
