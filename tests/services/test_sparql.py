"""SPARQL 1.1 Protocol semantics, checked before any engine sees a query."""

from __future__ import annotations

import pytest

from lacs_ld.errors import QueryError, QueryRefused, UnsupportedMediaType
from lacs_ld.services import sparql
from tests.conftest import TEST_BASE

DATA_GRAPH = TEST_BASE + "graph/data"


def op(query: str, **extra: str) -> sparql.Operation:
    return sparql.operation([("query", query), *extra.items()], None, TEST_BASE)


def test_form_is_read_from_the_query() -> None:
    assert op("PREFIX a: <http://x/> ASK { ?s ?p ?o }").form == "ASK"
    assert op("# SELECT\nCONSTRUCT WHERE { ?s ?p ?o }").form == "CONSTRUCT"


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <a> <b> <c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <http://example.org/g>",
        "prefix x: <http://x/> with <http://x/g> delete { ?s ?p ?o } where { ?s ?p ?o }",
    ],
)
def test_updates_in_any_shape_are_refused(update: str) -> None:
    with pytest.raises(QueryRefused):
        op(update)


def test_update_parameter_and_update_media_type_are_refused() -> None:
    with pytest.raises(QueryRefused):
        sparql.operation([("update", "CLEAR ALL")], None, TEST_BASE)
    with pytest.raises(QueryRefused):
        sparql.parse_request("POST", sparql.UPDATE, None, b"", b"CLEAR ALL")


def test_service_is_refused_without_contacting_anything() -> None:
    with pytest.raises(QueryError, match="never contacts"):
        op("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


def test_keywords_inside_strings_iris_and_comments_do_not_count() -> None:
    query = 'SELECT * WHERE { ?s <http://x/SERVICE> "INSERT { SERVICE" } # DROP ALL'
    assert op(query).form == "SELECT"


def test_from_a_graph_elsewhere_is_refused_and_our_graphs_are_honoured() -> None:
    with pytest.raises(QueryError, match="not a graph of this dataset"):
        op("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }")
    assert op(f"SELECT * FROM <{DATA_GRAPH}> WHERE {{ ?s ?p ?o }}").form == "SELECT"
    with pytest.raises(QueryError):
        op("ASK {}", **{"default-graph-uri": "http://kasei.us/2009/09/sparql/data/data0.rdf"})


def test_deep_nesting_is_refused_before_the_engine() -> None:
    with pytest.raises(QueryError, match="nests"):
        op("SELECT * WHERE " + "{" * 5000 + "}" * 5000)


def test_missing_empty_and_repeated_queries_are_client_errors() -> None:
    for params in ([], [("query", "  ")], [("query", "ASK {}"), ("query", "ASK {}")]):
        with pytest.raises(QueryError):
            sparql.operation(params, None, TEST_BASE)


def test_non_utf8_bodies_and_escapes_are_client_errors() -> None:
    with pytest.raises(QueryError, match="UTF-8"):
        sparql.parse_request("POST", sparql.QUERY, None, b"", b"ASK {\xff}")
    with pytest.raises(QueryError, match="UTF-8"):
        sparql.parse_request("GET", "", None, b"query=ASK%20%7B%FF%7D", b"")


def test_other_media_types_are_unsupported() -> None:
    with pytest.raises(UnsupportedMediaType):
        sparql.parse_request("POST", "text/plain", None, b"", b"ASK {}")
    with pytest.raises(UnsupportedMediaType):
        sparql.parse_request("POST", sparql.QUERY, "latin-1", b"", b"ASK {}")
