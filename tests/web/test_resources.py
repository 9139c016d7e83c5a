"""Dereferencing things over HTTP: the 303 pattern, five formats, validators and errors."""

from __future__ import annotations

import rdflib
from flask.testing import FlaskClient
from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, RDFS

from lacs_ld.formats import DOCUMENT_FORMATS
from tests.conftest import TEST_BASE

BIRMINGHAM = "authority/E08000025"
THING = TEST_BASE + "id/" + BIRMINGHAM
DOC = TEST_BASE + "doc/" + BIRMINGHAM
HYDRA = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
LACS = rdflib.Namespace(TEST_BASE + "def/lacs#")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "rdf": "xml", "jsonld": "json-ld"}


def parse(body: bytes, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=body, format=fmt, publicID=TEST_BASE)


def test_thing_uri_answers_303_to_turtle_when_nothing_is_asked(client: FlaskClient) -> None:
    response = client.get("/lacs/id/" + BIRMINGHAM)
    assert response.status_code == 303
    assert response.headers["Location"] == DOC + ".ttl"
    assert "Accept" in response.headers["Vary"]


def test_thing_uri_sends_browsers_to_the_html_page(client: FlaskClient) -> None:
    response = client.get("/lacs/id/" + BIRMINGHAM, headers={"Accept": BROWSER})
    assert response.status_code == 303
    assert response.headers["Location"] == DOC + ".html"


def test_thing_uri_honours_rdf_accept(client: FlaskClient) -> None:
    response = client.get("/lacs/id/" + BIRMINGHAM, headers={"Accept": "application/ld+json"})
    assert response.headers["Location"] == DOC + ".jsonld"


def test_every_rdf_format_describes_the_canonical_uri(client: FlaskClient) -> None:
    for ext, fmt in RDF_FORMATS.items():
        response = client.get(f"/lacs/doc/{BIRMINGHAM}.{ext}", headers={"Accept": "text/html"})
        assert response.status_code == 200, ext
        graph = parse(response.data, fmt)
        assert (URIRef(THING), RDFS.label, None) in graph, ext
        assert (URIRef(DOC), FOAF.primaryTopic, URIRef(THING)) in graph
        assert (URIRef(DOC), DCTERMS.license, None) in graph
        assert len(list(graph.objects(URIRef(DOC), DCTERMS.hasFormat))) == 5


def test_content_types_are_the_registered_ones(client: FlaskClient) -> None:
    for fmt in DOCUMENT_FORMATS:
        response = client.get(f"/lacs/doc/{BIRMINGHAM}.{fmt.extension}")
        assert response.headers["Content-Type"] == fmt.content_type
        assert response.mimetype == fmt.media_type


def test_negotiated_document_names_its_format_url(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/" + BIRMINGHAM, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.headers["Content-Location"] == DOC + ".nt"
    assert "Accept" in response.headers["Vary"]


def test_document_links_its_alternates_licence_and_citation(client: FlaskClient) -> None:
    link = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl").headers["Link"]
    assert f'<{DOC}.jsonld>; rel="alternate"; type="application/ld+json"' in link
    assert f'<{THING}>; rel="cite-as"' in link
    assert f'<{TEST_BASE}doc/dataset>; rel="describedby"' in link
    assert 'rel="license"' in link


def test_etag_and_last_modified_give_304(client: FlaskClient) -> None:
    first = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl")
    etag = first.headers["ETag"]
    assert not etag.startswith("W/")
    assert first.headers["Last-Modified"]
    assert first.headers["Cache-Control"]
    again = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl", headers={"If-None-Match": etag})
    assert again.status_code == 304
    since = client.get(
        f"/lacs/doc/{BIRMINGHAM}.ttl", headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert since.status_code == 304


def test_head_answers_like_get_without_a_body(client: FlaskClient) -> None:
    get = client.get(f"/lacs/doc/{BIRMINGHAM}.ttl")
    head = client.head(f"/lacs/doc/{BIRMINGHAM}.ttl")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["ETag"] == get.headers["ETag"]


def test_unsatisfiable_accept_lists_the_formats(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/" + BIRMINGHAM, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert (DOC + ".ttl").encode() in response.data
    assert (DOC + ".jsonld").encode() in response.data


def test_unknown_thing_is_404_with_a_search_link(client: FlaskClient) -> None:
    response = client.get("/lacs/id/authority/E08999999", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert b"search" in response.data
    assert client.get("/lacs/doc/authority/E08999999.ttl").status_code == 404


def test_lower_case_gss_redirects_permanently(client: FlaskClient) -> None:
    response = client.get("/lacs/id/authority/e08000025")
    assert response.status_code == 301
    assert response.headers["Location"] == THING


def test_bad_paths_get_precise_client_errors(client: FlaskClient) -> None:
    assert client.get(f"/lacs/doc/{BIRMINGHAM}.png").status_code == 404
    assert client.get("/lacs/id/authority/%2e%2e/%2e%2e/etc").status_code in (400, 404)
    assert client.get("/lacs/id/authority%2fE08000025").status_code in (400, 404)
    assert client.get("/lacs/id/authority/../authority/E08000025").status_code in (400, 404)
    assert client.get("/lacs/id/authority/%ff%fe").status_code == 400
    assert client.get("/lacs/id/" + "a/" * 400).status_code == 414
    assert client.get("/lacs/id/nonsense").status_code == 404


def test_abolished_authority_keeps_its_page_and_names_its_successor(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/authority/E10000009.ttl")
    assert response.status_code == 200
    graph = parse(response.data, "turtle")
    successors = set(
        graph.objects(URIRef(TEST_BASE + "id/authority/E10000009"), DCTERMS.isReplacedBy)
    )
    assert successors
    html = client.get("/lacs/doc/authority/E10000009.html").data.decode()
    assert "Replaced by" in html


def test_sub_resources_are_documented_in_their_parent(client: FlaskClient) -> None:
    quote = "inspection/E06000001/ilacs/2018-08-28/quote/2"
    response = client.get(f"/lacs/id/{quote}/selector")
    assert response.status_code == 303
    assert response.headers["Location"] == f"{TEST_BASE}doc/{quote}.ttl#selector"
    graph = parse(client.get(f"/lacs/doc/{quote}.ttl").data, "turtle")
    selector = URIRef(f"{TEST_BASE}id/{quote}/selector")
    assert (selector, None, None) in graph
    assert (URIRef(f"{TEST_BASE}id/{quote}/link/1"), LACS.linkMethod, None) in graph


def test_incoming_links_are_paged_and_the_paging_is_stated(client: FlaskClient) -> None:
    clause = "guidance/children-act-1989/clause/section-47"
    graph = parse(client.get(f"/lacs/doc/{clause}.ttl").data, "turtle")
    thing = URIRef(TEST_BASE + "id/" + clause)
    governed = set(graph.subjects(LACS.governedBy, thing))
    assert len(governed) <= 50
    totals = {int(str(t)) for t in graph.objects(None, HYDRA.totalItems)}
    assert totals and max(totals) > 50
    nexts = list(graph.objects(None, HYDRA.next))
    assert nexts
    page2 = client.get(
        str(nexts[0]).removeprefix("https://data.example.test"), headers={"Accept": "text/turtle"}
    )
    assert page2.status_code == 200
    more = set(parse(page2.data, "turtle").subjects(LACS.governedBy, thing))
    assert more and not more & governed
    html = client.get(f"/lacs/doc/{clause}.html").data.decode()
    assert "Showing 50 of" in html


def test_no_response_names_another_host(client: FlaskClient) -> None:
    for url in (
        f"/lacs/doc/{BIRMINGHAM}.html",
        f"/lacs/doc/{BIRMINGHAM}.ttl",
        "/lacs/id/" + BIRMINGHAM,
    ):
        response = client.get(url)
        text = response.data.decode() + str(response.headers)
        assert "127.0.0.1" not in text and "localhost" not in text


def test_authority_page_shows_inspection_history_with_grades(client: FlaskClient) -> None:
    html = client.get(f"/lacs/doc/{BIRMINGHAM}.html").data.decode()
    assert "<h1>Birmingham" in html
    assert "Inspection history" in html
    assert "grade-inadequate" in html
    assert "Cite this" in html
    assert f"{TEST_BASE}sparql?query=" in html


def test_quote_page_links_the_report_pdf_at_its_page(client: FlaskClient) -> None:
    html = client.get("/lacs/doc/inspection/E08000025/sif/2016-11-25/quote/1.html").data.decode()
    assert "#page=17" in html
    assert "Clauses that govern it" in html
