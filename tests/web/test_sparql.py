"""The SPARQL endpoint over HTTP: protocol, formats, errors, limits and the service description."""

from __future__ import annotations

import csv
import html
import io
import json

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from lacs_ld.namespaces import SD
from lacs_ld.queries import examples
from tests.conftest import TEST_BASE

ENDPOINT = "/lacs/sparql"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(client: FlaskClient) -> int:
    body = client.get(ENDPOINT, query_string={"query": COUNT}).json
    return int(body["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+json;q=0.5, text/csv", "text/csv"),
    ],
)
def test_select_answers_in_the_negotiated_results_format(
    client: FlaskClient, accept: str | None, media_type: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get(ENDPOINT, query_string={"query": COUNT}, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert "Accept" in response.vary


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        (None, "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_construct_answers_in_the_negotiated_graph_format(
    client: FlaskClient, accept: str | None, fmt: str
) -> None:
    query = "CONSTRUCT WHERE { <id/authority/E08000025> ?p ?o }"
    headers = {"Accept": accept} if accept else {}
    response = client.post(ENDPOINT, data={"query": query}, headers=headers)
    assert response.status_code == 200
    graph = Graph().parse(data=response.get_data(), format=fmt)
    assert (URIRef(TEST_BASE + "id/authority/E08000025"), None, None) in graph


def test_select_is_never_answered_as_a_graph_format(client: FlaskClient) -> None:
    response = client.get(
        ENDPOINT, query_string={"query": COUNT}, headers={"Accept": "text/turtle"}
    )
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.get_data(as_text=True)


def test_unknown_format_parameter_lists_the_values(client: FlaskClient) -> None:
    response = client.get(ENDPOINT, query_string={"query": COUNT, "format": "yaml"})
    assert response.status_code == 400
    assert "json" in response.get_data(as_text=True) and "csv" in response.get_data(as_text=True)


def test_post_direct_and_post_with_query_in_the_url_are_accepted(client: FlaskClient) -> None:
    direct = client.post(ENDPOINT, data="ASK { ?s ?p ?o }", content_type="application/sparql-query")
    assert direct.json == {"head": {}, "boolean": True}
    in_url = client.post(ENDPOINT, query_string={"query": "ASK { ?s ?p ?o }"})
    assert in_url.json == {"head": {}, "boolean": True}


def test_syntax_error_is_400_with_the_parser_message_and_position(client: FlaskClient) -> None:
    response = client.get(ENDPOINT, query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "1:" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("put", {}, 405),
        ("delete", {}, 405),
        ("post", {"data": "ASK {}", "content_type": "text/plain"}, 415),
        ("post", {"data": "CLEAR ALL", "content_type": "application/sparql-update"}, 403),
        ("post", {"data": {"update": "CLEAR ALL"}}, 403),
        ("post", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 403),
        ("get", {"query_string": {"query": "DROP ALL"}}, 403),
        ("get", {"query_string": {"query": ""}}, 400),
        ("get", {"query_string": "default-graph-uri=x"}, 400),
        ("post", {"data": b"ASK {\xff}", "content_type": "application/sparql-query"}, 400),
        ("get", {"query_string": "query=ASK%20%7B%FF%7D"}, 400),
    ],
)
def test_bad_requests_get_precise_statuses_and_data_is_unchanged(
    client: FlaskClient, method: str, kwargs: dict[str, object], status: int
) -> None:
    before = count(client)
    response = getattr(client, method)(ENDPOINT, **kwargs)
    assert response.status_code == status
    assert count(client) == before


def test_oversized_body_and_url_get_413_and_414(client: FlaskClient, app: object) -> None:
    big = "ASK {} #" + "x" * 70_000
    assert (
        client.post(ENDPOINT, data=big, content_type="application/sparql-query").status_code == 413
    )
    long_url = ENDPOINT + "?query=" + "A" * 9000
    assert client.get(long_url).status_code == 414


def test_random_bytes_never_break_the_endpoint(client: FlaskClient) -> None:
    import random

    rng = random.Random(20261125)
    before = count(client)
    for _ in range(40):
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        for content_type in ("application/sparql-query", "application/x-www-form-urlencoded"):
            response = client.post(ENDPOINT, data=body, content_type=content_type)
            assert 400 <= response.status_code < 500 or response.status_code == 200
    assert count(client) == before


def test_service_description_for_rdf_clients(client: FlaskClient) -> None:
    response = client.get(ENDPOINT, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.get_data(), format="turtle")
    service = URIRef(TEST_BASE + "sparql")
    assert (service, RDF.type, SD.Service) in graph
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert len(list(graph.objects(service, SD.resultFormat))) == 8
    names = {str(n) for n in graph.objects(None, SD.name)}
    assert TEST_BASE + "graph/data" in names
    assert client.head(ENDPOINT).status_code == 200


def test_browser_gets_the_query_editor_served_same_origin(client: FlaskClient) -> None:
    response = client.get(ENDPOINT, headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert f"{TEST_BASE}static/yasgui/yasgui.min.js" in page
    assert "connect-src 'self'" in response.headers["Content-Security-Policy"]
    with client.get("/lacs/static/yasgui/yasgui.min.js") as script:
        assert script.status_code == 200
    shared = client.get(ENDPOINT, query_string={"query": COUNT}, headers={"Accept": "text/html"})
    assert json.loads(_config(shared.get_data(as_text=True)))["query"] == COUNT


def _config(page: str) -> str:
    import html
    import re

    found = re.search(r'data-config="([^"]*)"', page)
    assert found
    return html.unescape(found.group(1))


def test_cors_preflight_is_answered(client: FlaskClient) -> None:
    response = client.options(
        ENDPOINT,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_large_answers_are_gzipped_when_asked(client: FlaskClient) -> None:
    query = "SELECT * WHERE { ?s a ?o } LIMIT 500"
    response = client.get(
        ENDPOINT, query_string={"query": query}, headers={"Accept-Encoding": "gzip"}
    )
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.vary


@pytest.mark.parametrize("example", examples(), ids=lambda e: e.slug)
def test_every_example_query_returns_its_expected_row_count(
    client: FlaskClient, example: object
) -> None:
    response = client.get(f"/lacs/query/{example.slug}", headers={"Accept": "text/csv"})  # type: ignore[attr-defined]
    assert response.status_code == 200, response.get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) - 1 == example.expected_rows  # type: ignore[attr-defined]
    assert example.expected_rows > 0  # type: ignore[attr-defined]


def test_example_queries_answer_in_every_results_format(client: FlaskClient) -> None:
    slug = examples()[0].slug
    for accept in (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ):
        response = client.get(f"/lacs/query/{slug}", headers={"Accept": accept})
        assert response.status_code == 200 and response.mimetype == accept
    assert client.get("/lacs/query/no-such-example").status_code == 404


def test_busy_endpoint_answers_503_with_retry_after(client: FlaskClient) -> None:
    import threading

    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    statuses: list[int] = []

    def run_slow() -> None:
        statuses.append(client.get(ENDPOINT, query_string={"query": cartesian}).status_code)

    slow = [threading.Thread(target=run_slow) for _ in range(2)]
    for thread in slow:
        thread.start()
    import time

    time.sleep(0.5)
    # A query no earlier test asked, so no cached answer can serve it.
    fresh = 'ASK { ?s ?p ?o FILTER (?o != "busy endpoint") }'
    response = client.get(ENDPOINT, query_string={"query": fresh})
    for thread in slow:
        thread.join()
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert statuses == [503, 503]


def test_an_example_for_a_browser_is_a_page_with_its_query_results_and_formats(
    client: FlaskClient,
) -> None:
    example = examples()[0]
    for accept in ("text/html", "text/html,application/xhtml+xml,*/*;q=0.8"):
        response = client.get(f"/lacs/query/{example.slug}", headers={"Accept": accept})
        assert response.status_code == 200
        assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert html.escape(example.title) in page and html.escape(example.description) in page
    assert html.escape(example.text.splitlines()[-1]) in page
    assert page.count("<tr>") - 1 == example.expected_rows
    for key in ("json", "xml", "csv", "tsv"):
        assert f'href="{TEST_BASE}query/{example.slug}?format={key}"' in page
    assert f'href="{TEST_BASE}sparql?query=' in page
    as_csv = client.get(f"/lacs/query/{example.slug}", query_string={"format": "csv"})
    assert as_csv.mimetype == "text/csv"
    assert client.get(f"/lacs/query/{example.slug}").mimetype == "application/sparql-results+json"
