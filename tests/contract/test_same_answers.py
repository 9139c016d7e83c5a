"""The same queries and the same HTTP requests give the same answers on both backends."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from flask import Flask
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Identifier
from werkzeug.test import TestResponse

from lacs_ld.queries import Example, examples
from lacs_ld.store import Store
from tests.conftest import TEST_BASE

QUERIES = sorted((Path(__file__).parents[2] / "src/lacs_ld/queries").glob("*.rq"))
AUTHORITY = "id/authority/E08000025"
INSPECTION = "id/inspection/E08000025/sif/2016-11-25"
LACS = TEST_BASE + "def/lacs#"
CLAUSE = URIRef(TEST_BASE + "id/guidance/children-act-1989/clause/section-47")
QUOTE = URIRef(TEST_BASE + "id/inspection/E10000034/sif/2017-01-24/quote/9")
DATA_GRAPH = URIRef(TEST_BASE + "graph/data")
# Values for the variables a query file leaves to its caller, as the services bind them.
BOUND: dict[str, Identifier] = {
    "this": URIRef(TEST_BASE + AUTHORITY),
    "graph": DATA_GRAPH,
    "data_graph": DATA_GRAPH,
    "resource": URIRef(TEST_BASE + AUTHORITY),
    "space": URIRef(TEST_BASE + "id/"),
    "namespace": URIRef(LACS),
    "term": URIRef(LACS + "inspectedAuthority"),
}
PER_QUERY: dict[str, dict[str, Identifier]] = {
    "describe-incoming-page": {"p": URIRef(LACS + "inspectedAuthority")},
    "vocab-graph": {"graph": URIRef(TEST_BASE + "graph/vocabulary")},
    "vocab-scheme": {"this": URIRef(TEST_BASE + "def/judgement")},
    "describe-clause-links": {"this": CLAUSE},
    "describe-governance-link": {"this": CLAUSE, "s": QUOTE},
    "describe-summary": {"s": URIRef(TEST_BASE + INSPECTION)},
    "describe-guidance-clauses": {"this": URIRef(TEST_BASE + "id/guidance/children-act-1989")},
    "describe-parts": {"this": QUOTE},
}


def bindings(name: str, text: str) -> dict[str, Identifier]:
    used = set(re.findall(r"[?$](\w+)", re.sub(r"(?m)#.*$", "", text)))
    values = {**{k: v for k, v in BOUND.items() if k not in ("s", "p")}, **PER_QUERY.get(name, {})}
    found = {k: v for k, v in values.items() if k in used}
    found.update({v: URIRef(LACS + v[5:]) for v in used if v.startswith("lacs_")})
    return found


def stores(apps: dict[str, Flask]) -> dict[str, Store]:
    return {name: app.extensions["lacs"].store for name, app in apps.items()}


def answer(store: Store, text: str, values: dict[str, Identifier]) -> object:
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT)\b", re.sub(r"(?m)#.*$", "", text))
    assert form is not None
    if form.group(1) == "SELECT":
        rows = store.select(text, values)
        return sorted(sorted((k, v.n3()) for k, v in row.items()) for row in rows)
    if form.group(1) == "ASK":
        return store.ask(text, values)
    return store.construct(text, values)


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_every_service_query_answers_the_same_on_both_backends(
    path: Path, backend_apps: dict[str, Flask]
) -> None:
    text = path.read_text()
    values = bindings(path.stem, text)
    embedded, remote = (answer(s, text, values) for s in stores(backend_apps).values())
    if isinstance(embedded, Graph):
        assert isinstance(remote, Graph)
        assert len(embedded) == len(remote)
        assert isomorphic(embedded, remote)
    else:
        assert embedded == remote
    assert embedded not in ([], False) or path.stem in ("description-mysociety",)


@pytest.mark.parametrize("example", examples(), ids=[e.slug for e in examples()])
def test_every_example_query_gives_its_stated_row_count_on_each_backend(
    example: Example, backend_app: Flask
) -> None:
    response = backend_app.test_client().get(
        f"/lacs/query/{example.slug}",
        headers={"Accept": "text/csv"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))[1:]
    assert len(rows) == example.expected_rows


def both(apps: dict[str, Flask], url: str, **kwargs: object) -> tuple[TestResponse, TestResponse]:
    found = [app.test_client().open(url, **kwargs) for app in apps.values()]  # type: ignore[arg-type]
    return found[0], found[1]


DOCUMENTS = [
    f"/lacs/doc/{AUTHORITY[3:]}.ttl",
    f"/lacs/doc/{INSPECTION[3:]}.jsonld",
    f"/lacs/doc/{INSPECTION[3:]}/quote/1.nt",
    "/lacs/doc/authority/E10000009.rdf",
    "/lacs/def/lacs.ttl",
    "/lacs/def/judgement.ttl",
]
RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}


@pytest.mark.parametrize("url", DOCUMENTS)
def test_entity_documents_are_the_same_graph_on_both_backends(
    url: str, backend_apps: dict[str, Flask]
) -> None:
    embedded, remote = both(backend_apps, url)
    assert embedded.status_code == remote.status_code == 200
    fmt = RDF_FORMATS[url.rsplit(".", 1)[1]]
    graphs = [Graph().parse(data=r.get_data(), format=fmt) for r in (embedded, remote)]
    assert len(graphs[0]) > 5
    assert isomorphic(graphs[0], graphs[1])


PAGES = [
    f"/lacs/doc/{AUTHORITY[3:]}.html",
    "/lacs/authorities",
    "/lacs/quotes?topic=elective-home-education&format=csv",
    "/lacs/",
    "/lacs/doc/dataset.ttl",
    "/lacs/guidance",
    "/lacs/inspections?grade=good&page=2",
    "/lacs/search?q=home+educated&format=json",
    "/lacs/search?q=section+47",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_lists_and_search_are_byte_identical_on_both_backends(
    url: str, backend_apps: dict[str, Flask]
) -> None:
    embedded, remote = both(backend_apps, url)
    assert embedded.status_code == remote.status_code == 200
    assert embedded.get_data() == remote.get_data()


SELECT = (
    "PREFIX lacs: <def/lacs#> SELECT ?a ?label WHERE { ?a a lacs:LocalAuthority ; "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?a LIMIT 20"
)
ASK = "ASK { ?s a <def/lacs#Inspection> }"
CONSTRUCT = (
    "CONSTRUCT { ?a ?p ?o } WHERE { ?a a <def/lacs#LocalAuthority> ; ?p ?o } "
    "ORDER BY ?a ?p ?o LIMIT 40"
)


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        (SELECT, "application/sparql-results+json"),
        (SELECT, "application/sparql-results+xml"),
        (SELECT, "text/csv"),
        (SELECT, "text/tab-separated-values"),
        (ASK, "application/sparql-results+json"),
        (ASK, "application/sparql-results+xml"),
    ],
)
def test_sparql_endpoint_answers_are_byte_identical_on_both_backends(
    query: str, accept: str, backend_apps: dict[str, Flask]
) -> None:
    embedded, remote = both(
        backend_apps, "/lacs/sparql", query_string={"query": query}, headers={"Accept": accept}
    )
    assert embedded.status_code == remote.status_code == 200
    assert embedded.headers["Content-Type"] == remote.headers["Content-Type"]
    assert embedded.get_data() == remote.get_data()


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_sparql_construct_is_the_same_graph_in_every_format_on_both_backends(
    accept: str, fmt: str, backend_apps: dict[str, Flask]
) -> None:
    embedded, remote = both(
        backend_apps, "/lacs/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept}
    )
    assert embedded.status_code == remote.status_code == 200
    graphs = [Graph().parse(data=r.get_data(), format=fmt) for r in (embedded, remote)]
    assert len(graphs[0]) == 40
    assert isomorphic(graphs[0], graphs[1])


@pytest.mark.parametrize(
    "params",
    [
        {"named-graph-uri": TEST_BASE + "graph/vocabulary"},
        {"default-graph-uri": TEST_BASE + "graph/meta"},
    ],
)
def test_protocol_datasets_give_the_same_answers_on_both_backends(
    params: dict[str, str], backend_apps: dict[str, Flask]
) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    embedded, remote = both(
        backend_apps,
        "/lacs/sparql",
        query_string={"query": query, **params},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert embedded.status_code == remote.status_code == 200
    counts = [
        json.loads(r.get_data())["results"]["bindings"][0]["n"]["value"] for r in (embedded, remote)
    ]
    assert counts[0] == counts[1] != "0"


def test_from_clause_names_the_default_graph_on_both_backends(
    backend_apps: dict[str, Flask],
) -> None:
    query = f"SELECT (COUNT(*) AS ?n) FROM <{TEST_BASE}graph/shapes> WHERE {{ ?s ?p ?o }}"
    embedded, remote = both(
        backend_apps, "/lacs/sparql", query_string={"query": query}, headers={"Accept": "text/csv"}
    )
    assert embedded.get_data() == remote.get_data()
