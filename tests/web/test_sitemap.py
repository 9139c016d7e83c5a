"""sitemap.xml, robots.txt, the favicon, and the Service Description's validators."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from lacs_ld.namespaces import SD
from tests.conftest import TEST_BASE

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_sitemap_index_lists_sitemaps_of_at_most_50000_urls(client: FlaskClient) -> None:
    response = client.get("/lacs/sitemap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    index = ET.fromstring(response.get_data())
    locations = [loc.text or "" for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert locations and all(loc.startswith(TEST_BASE + "sitemaps/") for loc in locations)
    urls: list[str] = []
    for location in locations:
        page = client.get("/lacs/" + location[len(TEST_BASE) :])
        assert page.status_code == 200
        found = [
            loc.text or "" for loc in ET.fromstring(page.get_data()).findall("sm:url/sm:loc", NS)
        ]
        assert 0 < len(found) <= 50_000
        urls += found
    assert TEST_BASE + "doc/authority/E08000025" in urls
    assert TEST_BASE + "doc/dataset" in urls
    assert TEST_BASE + "authorities" in urls


def test_a_sitemap_past_the_last_is_404(client: FlaskClient) -> None:
    assert client.get("/lacs/sitemaps/9999.xml").status_code == 404
    assert client.get("/lacs/sitemaps/0.xml").status_code == 404


def test_robots_txt_names_the_sitemap(client: FlaskClient) -> None:
    response = client.get("/lacs/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert f"Sitemap: {TEST_BASE}sitemap.xml" in response.get_data(as_text=True)


def test_the_favicon_is_an_icon(client: FlaskClient) -> None:
    response = client.get("/lacs/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon"
    assert response.get_data()[:4] == b"\x00\x00\x01\x00"
    response.close()
    page = client.get("/lacs/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert f'<link rel="icon" href="{TEST_BASE}favicon.ico"' in page


def test_service_description_has_simple_entailment_and_validators(client: FlaskClient) -> None:
    response = client.get("/lacs/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.get_data(), format="turtle")
    service = URIRef(TEST_BASE + "sparql")
    entailment = URIRef("http://www.w3.org/ns/entailment/Simple")
    assert graph.value(service, SD.defaultEntailmentRegime) == entailment
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    again = client.get(
        "/lacs/sparql",
        headers={"Accept": "text/turtle", "If-None-Match": response.headers["ETag"]},
    )
    assert again.status_code == 304
