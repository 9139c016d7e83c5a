"""The lists over HTTP: counts agree with SPARQL, paging, facets, CSV and RDF forms."""

from __future__ import annotations

import csv
import io
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from lacs_ld.namespaces import HYDRA
from tests.conftest import TEST_BASE

HTML = {"Accept": "text/html"}
LACS = TEST_BASE + "def/lacs#"
PREFIXES = f"""
PREFIX lacs: <{LACS}>
PREFIX region: <{TEST_BASE}def/region/>
PREFIX topic: <{TEST_BASE}def/topic/>
PREFIX method: <{TEST_BASE}def/link-method/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def sparql_count(app: Flask, where: str) -> int:
    """COUNT over the store (trusted test text: project IRIs as prefixes, nothing bound)."""
    store = app.extensions["lacs"].store
    rows = store.select(PREFIXES + "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { " + where + " }")
    value = rows[0]["n"]
    assert isinstance(value, Literal)
    return int(value.toPython())


def total(client: FlaskClient, path: str) -> int:
    response = client.get(f"/lacs/{path}", headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.get_data(as_text=True)
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    collection = next(graph.subjects(RDF.type, HYDRA.Collection))
    found = graph.value(collection, HYDRA.totalItems)
    assert isinstance(found, Literal)
    return int(found.toPython())


def test_totals_agree_with_sparql_counts(client: FlaskClient, app: Flask) -> None:
    for path, cls in [
        ("authorities", "LocalAuthority"),
        ("inspections", "Inspection"),
        ("quotes", "Quote"),
    ]:
        assert total(client, path) == sparql_count(app, f"?s a lacs:{cls}"), path
    documents = "{ ?s a lacs:GuidanceDocument } UNION { ?s a lacs:SourceDocument }"
    assert total(client, "guidance") == sparql_count(app, documents)


def test_facet_counts_agree_with_sparql(client: FlaskClient, app: Flask) -> None:
    cases = {
        "authorities?region=london": "?s a lacs:LocalAuthority ; lacs:region region:london",
        "authorities?status=abolished": "?s a lacs:LocalAuthority ; lacs:inForceTo ?to",
        "quotes?topic=elective-home-education": (
            "?s a lacs:Quote ; lacs:topic topic:elective-home-education"
        ),
        "quotes?method=curated": (
            "?s a lacs:Quote ; lacs:governanceLink [ lacs:linkMethod method:curated ]"
        ),
        "inspections?year=2016": (
            "?s a lacs:Inspection ; dcterms:issued ?d FILTER(SUBSTR(STR(?d), 1, 4) = '2016')"
        ),
        "quotes?region=london&year=2016": (
            "?s a lacs:Quote ; lacs:quotedFrom ?i . ?i dcterms:issued ?d ;"
            " lacs:inspectedAuthority/lacs:region region:london"
            " FILTER(SUBSTR(STR(?d), 1, 4) = '2016')"
        ),
    }
    for path, where in cases.items():
        assert total(client, path) == sparql_count(app, where), path


def test_facet_counts_in_the_page_match_the_filtered_totals(client: FlaskClient) -> None:
    page = client.get("/lacs/quotes", headers=HTML).get_data(as_text=True)
    assert 'name="topic"' in page and 'name="clause"' in page and 'name="method"' in page
    london = total(client, "quotes?region=london")
    assert f">London ({london})<" in page


@pytest.mark.parametrize("name", ["authorities", "inspections", "guidance", "quotes"])
def test_each_list_pages(client: FlaskClient, name: str) -> None:
    first = client.get(f"/lacs/{name}", headers=HTML)
    assert first.status_code == 200
    assert 'href="' + TEST_BASE + "id/" in first.get_data(as_text=True)
    n = total(client, name)
    last = -(-n // 50)
    assert client.get(f"/lacs/{name}?page={last}", headers=HTML).status_code == 200
    assert client.get(f"/lacs/{name}?page={last + 1}").status_code == 404


@pytest.mark.parametrize("page", ["0", "-3", "abc", "2.5", "9" * 30])
def test_bad_pages_are_400_and_say_why(client: FlaskClient, page: str) -> None:
    response = client.get(f"/lacs/quotes?page={page}")
    assert response.status_code == 400
    assert "page" in response.get_data(as_text=True)


def test_unknown_facet_values_and_sorts_are_400(client: FlaskClient) -> None:
    response = client.get("/lacs/authorities?region=atlantis")
    assert response.status_code == 400
    assert "london" in response.get_data(as_text=True)
    assert client.get("/lacs/inspections?sort=random").status_code == 400
    assert client.get("/lacs/quotes?format=pdf").status_code == 406


def test_csv_holds_every_filtered_row(client: FlaskClient) -> None:
    response = client.get("/lacs/quotes?topic=elective-home-education&format=csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == total(client, "quotes?topic=elective-home-education")
    assert all(r["iri"].startswith(TEST_BASE + "id/") for r in rows)
    by_accept = client.get("/lacs/authorities", headers={"Accept": "text/csv"})
    assert by_accept.mimetype == "text/csv"
    assert len(list(csv.reader(io.StringIO(by_accept.get_data(as_text=True))))) == 1 + total(
        client, "authorities"
    )


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_rdf_forms_parse(client: FlaskClient, accept: str, fmt: str) -> None:
    response = client.get("/lacs/inspections?grade=good&page=2", headers={"Accept": accept})
    assert response.status_code == 200
    assert "Accept" in response.headers["Vary"]
    graph = Graph().parse(data=response.get_data(as_text=True), format=fmt)
    members = list(graph.objects(None, HYDRA.member))
    assert len(members) == 50
    views = list(graph.subjects(RDF.type, HYDRA.PartialCollectionView))
    assert graph.value(views[0], HYDRA.previous) is not None


def test_lists_are_conditional(client: FlaskClient) -> None:
    first = client.get("/lacs/guidance", headers=HTML)
    etag = first.headers["ETag"]
    again = client.get("/lacs/guidance", headers={**HTML, "If-None-Match": etag})
    assert again.status_code == 304


@pytest.mark.parametrize("fmt", ["html", "csv", "ttl"])
def test_a_repeated_list_page_is_the_same_bytes_and_validator(
    client: FlaskClient, fmt: str
) -> None:
    url = f"/lacs/quotes?topic=elective-home-education&page=2&format={fmt}"
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert first.get_data() == second.get_data()
    assert first.headers["ETag"] == second.headers["ETag"]
    assert first.headers["Content-Type"] == second.headers["Content-Type"]
    revalidated = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert revalidated.status_code == 304


def test_a_refused_list_page_is_refused_every_time(client: FlaskClient) -> None:
    for _ in range(2):
        assert client.get("/lacs/quotes?topic=no-such-topic").status_code == 400
        assert client.get("/lacs/quotes?page=999").status_code == 404


def _inspection_rows(client: FlaskClient, query: str = "") -> list[dict[str, str]]:
    response = client.get(f"/lacs/inspections?format=csv{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_visits_without_a_publication_date_show_their_first_day_on_site_alone(
    client: FlaskClient, app: Flask
) -> None:
    undated = "?s a lacs:Inspection ; lacs:startDate ?d FILTER NOT EXISTS { ?s dcterms:issued ?i }"
    visits = [r for r in _inspection_rows(client) if "/visited-" in r["iri"]]
    assert visits and len(visits) == sparql_count(app, undated)
    for row in visits:
        day = row["iri"].split("/visited-")[1][:10]
        assert (row["date"], row["visited"]) == ("", day), row
    rows = _inspection_rows(client)
    dates = [r[k] for r in rows for k in ("date", "visited") if r[k]]
    assert all(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", d) for d in dates), (
        "a date cell holds words"
    )


def test_inspections_and_visits_sort_together_by_date(client: FlaskClient) -> None:
    def day(row: dict[str, str]) -> str:
        return row["date"] or row["visited"]

    for sort, reverse in (("", True), ("&sort=newest", True), ("&sort=oldest", False)):
        rows = _inspection_rows(client, sort)
        days = [day(r) or "0000" for r in rows]
        assert days == sorted(days, reverse=reverse), sort
    newest = _inspection_rows(client)
    first_visit = next(n for n, r in enumerate(newest) if "/visited-" in r["iri"])
    assert first_visit < len(newest) // 4, "visits sorted among the oldest"


def test_visits_are_counted_under_the_year_they_were_visited(client: FlaskClient) -> None:
    visits = [r for r in _inspection_rows(client) if "/visited-" in r["iri"]]
    year = visits[0]["iri"].split("/visited-")[1][:4]
    in_year = {r["iri"] for r in _inspection_rows(client, f"&year={year}")}
    assert {r["iri"] for r in visits if f"/visited-{year}" in r["iri"]} <= in_year
