"""Real clients against the endpoint served by gunicorn on loopback; nothing ever connects out."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from xml.dom.minidom import Document

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    N3,
    POST,
    RDF,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.conftest import TEST_BASE

BIRMINGHAM = TEST_BASE + "id/authority/E08000025"
LABEL = (
    f"SELECT ?name WHERE {{ <{BIRMINGHAM}> <http://www.w3.org/2000/01/rdf-schema#label> ?name }}"
)


def wrapper(live_server: str) -> SPARQLWrapper:
    return SPARQLWrapper(live_server + "sparql")


def test_sparqlwrapper_select_json_and_xml(live_server: str) -> None:
    client = wrapper(live_server)
    client.setQuery(LABEL)
    client.setReturnFormat(JSON)
    bindings = client.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert bindings == [{"name": {"type": "literal", "value": "Birmingham"}}]
    client.setReturnFormat(XML)
    document = client.queryAndConvert()
    assert "Birmingham" in document.toxml()  # type: ignore[union-attr]


def test_sparqlwrapper_post_and_ask(live_server: str) -> None:
    client = wrapper(live_server)
    client.setMethod(POST)
    client.setQuery("ASK { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True  # type: ignore[index]


@pytest.mark.parametrize("fmt", [XML, TURTLE])
def test_sparqlwrapper_construct_to_rdfxml_and_turtle(live_server: str, fmt: str) -> None:
    client = wrapper(live_server)
    client.setQuery(f"CONSTRUCT WHERE {{ <{BIRMINGHAM}> ?p ?o }}")
    client.setReturnFormat(fmt)
    result = client.queryAndConvert()
    graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
    assert (URIRef(BIRMINGHAM), None, None) in graph


FORM_QUERIES = {
    "SELECT": LABEL,
    "ASK": f'ASK {{ <{BIRMINGHAM}> <{RDFS.label}> "Birmingham" }}',
    "CONSTRUCT": f"CONSTRUCT WHERE {{ <{BIRMINGHAM}> <{RDFS.label}> ?name }}",
    "DESCRIBE": f"DESCRIBE <{BIRMINGHAM}>",
}
EVERY_RETURN_FORMAT = (JSON, XML, TURTLE, N3, RDF, RDFXML, CSV, TSV, JSONLD)
# What this endpoint offers each form; SPARQLWrapper's other combinations are refused with a 400.
ANSWERED = {
    "SELECT": {JSON, XML, CSV, TSV},
    "ASK": {JSON, XML, CSV, TSV},
    "CONSTRUCT": {JSON, XML, TURTLE, N3, RDF, RDFXML, JSONLD},
    "DESCRIBE": {JSON, XML, TURTLE, N3, RDF, RDFXML, JSONLD},
}


def _holds_birmingham(form: str, converted: object) -> bool:
    """Whether a converted SPARQLWrapper answer carries Birmingham's label (or ASK's true)."""
    if isinstance(converted, Graph):
        return (URIRef(BIRMINGHAM), RDFS.label, Literal("Birmingham")) in converted
    if isinstance(converted, Document):
        text = converted.toxml()
        return "<boolean>true</boolean>" in text if form == "ASK" else "Birmingham" in text
    if isinstance(converted, dict):
        if form == "ASK":
            return converted["boolean"] is True
        return [b["name"]["value"] for b in converted["results"]["bindings"]] == ["Birmingham"]
    assert isinstance(converted, bytes), type(converted)
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph().parse(data=converted, format="turtle")
        return (URIRef(BIRMINGHAM), RDFS.label, Literal("Birmingham")) in graph
    return (b"true" if form == "ASK" else b"Birmingham") in converted


@pytest.mark.parametrize("form", list(FORM_QUERIES))
def test_sparqlwrapper_every_return_format_for_every_query_form(
    live_server: str, form: str
) -> None:
    outcomes = {}
    for return_format in EVERY_RETURN_FORMAT:
        client = wrapper(live_server)
        client.setQuery(FORM_QUERIES[form])
        client.setReturnFormat(return_format)
        with warnings.catch_warnings():
            # SPARQLWrapper warns of its own when it sends `Accept: */*` for a combination it
            # does not map, or when the answer's type differs from the name it asked for.
            warnings.filterwarnings("ignore", category=RuntimeWarning, module="SPARQLWrapper")
            try:
                converted = client.queryAndConvert()
            except QueryBadFormed as refused:
                assert "is not offered for this query" in str(refused)
                outcomes[return_format] = "refused"
                continue
        assert _holds_birmingham(form, converted), (return_format, converted)
        outcomes[return_format] = "answered"
    assert {f for f, o in outcomes.items() if o == "answered"} == ANSWERED[form]


@pytest.mark.parametrize("return_format", ["xml", "json", "csv", "tsv"])
def test_rdflib_sparql_store_answers_select_and_ask(live_server: str, return_format: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(live_server + "sparql", returnFormat=return_format))
    assert [str(row[0]) for row in graph.query(LABEL)] == ["Birmingham"]
    if return_format in ("xml", "json"):
        assert graph.query(FORM_QUERIES["ASK"]).askAnswer is True


@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_rdflib_sparql_store_answers_graph_queries(live_server: str, form: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(live_server + "sparql"))
    result = graph.query(FORM_QUERIES[form]).graph
    assert result is not None
    assert (URIRef(BIRMINGHAM), RDFS.label, Literal("Birmingham")) in result


def test_sparqlwrapper_sees_syntax_errors_as_bad_queries(live_server: str) -> None:
    client = wrapper(live_server)
    client.setQuery("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed):
        client.query()


def test_rdflib_queries_the_endpoint_as_a_sparql_store(live_server: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(live_server + "sparql", returnFormat="json")
    graph = Graph(store=store)
    rows = list(graph.query(LABEL))
    assert [str(row[0]) for row in rows] == ["Birmingham"]


@pytest.fixture
def listener() -> Iterator[tuple[int, list[object]]]:
    """A loopback listener that records every connection made to it."""
    accepted: list[object] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except OSError:
                continue
            accepted.append(address)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join()
    server.close()


def status(url: str, data: bytes | None = None, content_type: str | None = None) -> int:
    request = urllib.request.Request(url, data=data)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_service_load_and_from_never_open_a_connection(
    live_server: str, listener: tuple[int, list[object]]
) -> None:
    port, accepted = listener
    elsewhere = f"http://127.0.0.1:{port}/data.ttl"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{elsewhere}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{elsewhere}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{elsewhere}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"LOAD <{elsewhere}>",
    ]
    for query in queries:
        url = live_server + "sparql?" + urllib.parse.urlencode({"query": query})
        assert 400 <= status(url) < 500, query
    update = f"LOAD <{elsewhere}>".encode()
    assert 400 <= status(live_server + "sparql", update, "application/sparql-update") < 500
    get_graph = (
        live_server
        + "sparql?"
        + urllib.parse.urlencode({"query": "ASK {}", "default-graph-uri": elsewhere})
    )
    assert 400 <= status(get_graph) < 500
    time.sleep(0.5)
    assert accepted == []


def test_runaway_query_is_stopped_while_other_queries_keep_answering(live_server: str) -> None:
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    slow_url = live_server + "sparql?" + urllib.parse.urlencode({"query": cartesian})
    ask_url = live_server + "sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    with ThreadPoolExecutor(max_workers=2) as pool:
        started = time.monotonic()
        slow = pool.submit(status, slow_url)
        time.sleep(0.3)
        timings = []
        while not slow.done():
            begun = time.monotonic()
            assert status(ask_url) == 200
            timings.append(time.monotonic() - begun)
        assert slow.result() == 503
        elapsed = time.monotonic() - started
    assert timings and max(timings) < 1.0
    assert elapsed < 3 + 1.5
    nested = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    assert status(live_server + "sparql", nested.encode(), "application/sparql-query") == 400
    assert status(ask_url) == 200
