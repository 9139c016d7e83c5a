"""Search over HTTP: hostile input never fails, highlights are escaped, JSON/RDF/OpenSearch."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from markupsafe import escape
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDFS

from lacs_ld.namespaces import HYDRA
from tests.conftest import TEST_BASE

HTML = {"Accept": "text/html"}
HOSTILE = ['"', "*", "NEAR(", "OR OR", "((", "'; DROP TABLE x; --", "<script>alert(1)</script>"]


@pytest.mark.parametrize("q", HOSTILE)
@pytest.mark.parametrize("fmt", ["html", "json", "ttl"])
def test_hostile_input_never_fails(client: FlaskClient, q: str, fmt: str) -> None:
    response = client.get("/lacs/search", query_string={"q": q, "format": fmt})
    assert response.status_code == 200
    if fmt == "html":
        assert "<script>alert" not in response.get_data(as_text=True)


def test_very_long_input_is_refused_not_failed(client: FlaskClient) -> None:
    response = client.get("/lacs/search", query_string={"q": "x" * 201})
    assert response.status_code == 400
    assert "200" in response.get_data(as_text=True)
    huge = client.get("/lacs/search", query_string={"q": "(" * 10_240})
    assert 400 <= huge.status_code < 500


def test_empty_query_is_a_search_page(client: FlaskClient) -> None:
    response = client.get("/lacs/search", headers=HTML)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<label for="q">' in page and "results" not in page.split("<main", 1)[1]


def test_home_educated_finds_ehe_quotes_with_highlights(client: FlaskClient) -> None:
    response = client.get(
        "/lacs/search", query_string={"q": "home educated", "type": "quote"}, headers=HTML
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<mark>" in page
    assert f'href="{TEST_BASE}id/inspection/' in page
    data = client.get(
        "/lacs/search", query_string={"q": "home educated", "type": "quote", "format": "json"}
    ).get_json()
    assert data["total"] > 10
    assert any(h["match"] for r in data["results"] for h in r["highlights"])
    topics = {f["value"] for f in data["facets"]["topic"]}
    assert "elective-home-education" in topics


def test_highlights_escape_the_text(client: FlaskClient) -> None:
    page = client.get("/lacs/search", query_string={"q": "children"}, headers=HTML).get_data(
        as_text=True
    )
    for chunk in page.split("<mark>")[1:]:
        assert "<" not in chunk.split("</mark>", 1)[0]


def test_facet_filter_and_paging(client: FlaskClient) -> None:
    data = client.get("/lacs/search?q=home+educated&format=json").get_json()
    region = data["facets"]["region"][0]
    narrowed = client.get(
        f"/lacs/search?q=home+educated&format=json&region={region['value']}"
    ).get_json()
    assert narrowed["total"] == region["count"]
    assert client.get("/lacs/search?q=home&region=atlantis").status_code == 400
    past = f"/lacs/search?q=home+educated&page={data['pages'] + 1}"
    assert client.get(past).status_code == 404


def test_rdf_answer_parses(client: FlaskClient) -> None:
    response = client.get("/lacs/search?q=section+47", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert len(list(graph.objects(None, HYDRA.member))) == 20


def test_opensearch_description(client: FlaskClient) -> None:
    response = client.get("/lacs/opensearch.xml")
    assert response.mimetype == "application/opensearchdescription+xml"
    assert f"{TEST_BASE}search?q={{searchTerms}}" in response.get_data(as_text=True)


def test_json_rdf_and_html_give_each_hit_the_same_heading_and_kind(client: FlaskClient) -> None:
    args = {"q": "Birmingham"}
    data = client.get("/lacs/search", query_string={**args, "format": "json"}).get_json()
    page = client.get("/lacs/search", query_string=args, headers=HTML).get_data(as_text=True)
    graph = Graph().parse(
        data=client.get("/lacs/search", query_string={**args, "format": "ttl"}).get_data(),
        format="turtle",
    )
    first = data["results"][0]
    assert (first["type"], first["kind"], first["heading"]) == (
        "authority",
        "Local authority",
        "Birmingham",
    )
    for hit in data["results"]:
        member = URIRef(hit["iri"])
        assert f'<a href="{hit["iri"]}">{escape(hit["heading"])}</a>' in page
        assert str(graph.value(member, RDFS.label)) == hit["heading"]
        assert str(graph.value(member, DCTERMS.type)) == hit["kind"]


def test_inadequate_2023_answers_inspections_and_offers_the_kind_facet(
    client: FlaskClient,
) -> None:
    data = client.get("/lacs/search?q=inadequate+2023&format=json").get_json()
    assert data["total"] > 0
    assert {r["type"] for r in data["results"]} == {"inspection"}
    assert [f["value"] for f in data["facets"]["type"]] == ["inspection"]
    page = client.get("/lacs/search?q=inadequate+2023", headers=HTML).get_data(as_text=True)
    assert '<select id="facet-type" name="type">' in page
    assert "Inspection (" in page


def test_a_broad_search_says_it_matches_more_than_it_counted(client: FlaskClient) -> None:
    data = client.get("/lacs/search?q=children&format=json").get_json()
    assert data["more"] is True and data["total"] == 1000 and data["pages"] == 50
    assert "type" in data["sampled_facets"]
    page = client.get("/lacs/search?q=children", headers=HTML).get_data(as_text=True)
    assert "More than 1,000 results" in page
    response = client.get("/lacs/search?q=children", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert graph.value(None, HYDRA.totalItems) is None  # no total it does not know
    exact = client.get("/lacs/search?q=home+educated&format=json").get_json()
    assert exact["more"] is False and exact["sampled_facets"] == []


def test_a_repeated_search_is_the_same_answer_with_its_etag(client: FlaskClient) -> None:
    first = client.get("/lacs/search?q=fostering", headers=HTML)
    again = client.get("/lacs/search?q=fostering", headers=HTML)
    assert first.status_code == again.status_code == 200
    assert first.get_data() == again.get_data() and first.headers["ETag"] == again.headers["ETag"]
    revalidated = client.get(
        "/lacs/search?q=fostering", headers={**HTML, "If-None-Match": first.headers["ETag"]}
    )
    assert revalidated.status_code == 304
    as_json = client.get("/lacs/search?q=fostering&format=json")
    assert as_json.headers["ETag"] != first.headers["ETag"]


def test_parameters_a_search_ignores_change_neither_its_answer_nor_its_links(
    client: FlaskClient,
) -> None:
    plain = client.get("/lacs/search?q=children", headers=HTML).get_data(as_text=True)
    extra = client.get("/lacs/search?q=children&utm=x", headers=HTML).get_data(as_text=True)
    assert plain == extra and "utm" not in extra
