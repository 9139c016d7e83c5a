"""FAIR Signposting: each kind of resource sends the profile's relations, everywhere alike."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, VOID
from requests.utils import parse_header_links

from lacs_ld.namespaces import CC_BY, OGL
from tests.conftest import TEST_BASE

AUTHORITY = "authority/E08000025"
# Bournemouth: facts from mySociety's CC BY 4.0 data as well as Crown material.
MYSOCIETY_AUTHORITY = "authority/E06000028"
Links = set[tuple[str, str, str]]


def header_links(response: object) -> Links:
    text = response.headers.get("Link", "")  # type: ignore[attr-defined]
    return {(link["rel"], link["url"], link.get("type", "")) for link in parse_header_links(text)}


def targets(links: Links, rel: str) -> set[str]:
    return {url for r, url, _ in links if r == rel}


class LinkElements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: Links = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") not in ("stylesheet", "search", "icon"):
            self.found.add((values["rel"] or "", values["href"] or "", values.get("type") or ""))


@pytest.fixture(scope="module")
def void(app: Flask) -> Graph:
    response = app.test_client().get("/lacs/.well-known/void")
    return Graph().parse(data=response.get_data(), format="turtle")


def test_a_document_sends_every_relation_of_the_profile(client: FlaskClient) -> None:
    links = header_links(client.get(f"/lacs/doc/{AUTHORITY}"))
    assert targets(links, "cite-as") == {TEST_BASE + f"id/{AUTHORITY}"}
    described = {(url, kind) for rel, url, kind in links if rel == "describedby"}
    assert (TEST_BASE + f"doc/{AUTHORITY}.ttl", "text/turtle") in described
    assert all(kind for _, kind in described)
    assert TEST_BASE + "def/lacs#LocalAuthority" in targets(links, "type")
    assert "https://schema.org/AboutPage" in targets(links, "type")
    assert targets(links, "license") == {OGL}
    assert targets(links, "collection") == {TEST_BASE + "id/dataset"}
    linksets = {kind for rel, _, kind in links if rel == "linkset"}
    assert linksets == {"application/linkset+json", "application/linkset"}


def test_a_document_with_mysociety_facts_names_both_licences(client: FlaskClient) -> None:
    response = client.get(f"/lacs/doc/{MYSOCIETY_AUTHORITY}.ttl")
    assert targets(header_links(response), "license") == {OGL, CC_BY}
    graph = Graph().parse(data=response.get_data(), format="turtle")
    document = URIRef(TEST_BASE + f"doc/{MYSOCIETY_AUTHORITY}")
    licences = {str(o) for o in graph.objects(document, URIRef("http://purl.org/dc/terms/license"))}
    assert licences == {OGL, CC_BY}


def test_the_dataset_links_each_download_as_an_item(client: FlaskClient, void: Graph) -> None:
    links = header_links(client.get("/lacs/doc/dataset"))
    downloads = {str(url) for url in void.objects(None, DCAT.downloadURL)}
    assert downloads and targets(links, "item") == downloads
    assert TEST_BASE + "doc/dataset.ttl" in targets(links, "describedby")
    assert targets(links, "license") == {OGL, CC_BY}
    assert targets(links, "cite-as") == {TEST_BASE + "id/dataset"}


def test_a_download_links_its_collection_and_licences(client: FlaskClient, void: Graph) -> None:
    dump = next(str(url) for url in void.objects(None, VOID.dataDump) if str(url).endswith(".ttl"))
    response = client.get("/lacs/" + dump[len(TEST_BASE) :])
    response.close()
    assert response.status_code == 200
    links = header_links(response)
    assert targets(links, "collection") == {TEST_BASE + "id/dataset"}
    assert targets(links, "license")


def test_the_home_page_signposts_the_dataset(client: FlaskClient) -> None:
    links = header_links(client.get("/lacs/", headers={"Accept": "text/html"}))
    assert targets(links, "cite-as") == {TEST_BASE + "id/dataset"}
    assert TEST_BASE + "doc/dataset.ttl" in targets(links, "describedby")
    assert targets(links, "license") == {OGL, CC_BY}
    assert targets(links, "item")


@pytest.mark.parametrize("path", [f"doc/{AUTHORITY}.html", "doc/dataset.html", ""])
def test_html_pages_repeat_their_links_as_link_elements(client: FlaskClient, path: str) -> None:
    response = client.get(f"/lacs/{path}", headers={"Accept": "text/html"})
    parser = LinkElements()
    parser.feed(response.text)
    fair = {link for link in header_links(response) if link[0] != "alternate"}
    assert fair and {link for link in parser.found if link[0] != "alternate"} == fair


def test_the_linkset_lists_the_documents_links_in_both_formats(client: FlaskClient) -> None:
    sent = header_links(client.get(f"/lacs/doc/{AUTHORITY}"))
    url = f"/lacs/linkset/doc/{AUTHORITY}"
    as_json = client.get(url, headers={"Accept": "application/linkset+json"})
    assert as_json.mimetype == "application/linkset+json"
    (context,) = json.loads(as_json.get_data())["linkset"]
    assert context["anchor"] == TEST_BASE + f"doc/{AUTHORITY}"
    listed = {
        (rel, target["href"], target.get("type", ""))
        for rel, found in context.items()
        if rel != "anchor"
        for target in found
    }
    assert listed == sent
    as_text = client.get(url, headers={"Accept": "application/linkset"})
    assert as_text.mimetype == "application/linkset"
    parsed = parse_header_links(as_text.get_data(as_text=True).replace("\n", " "))
    assert {(p["rel"], p["url"], p.get("type", "")) for p in parsed} == sent
    assert {p["anchor"] for p in parsed} == {TEST_BASE + f"doc/{AUTHORITY}"}


def test_linksets_of_unknown_resources_are_404_and_json_is_the_default(client: FlaskClient) -> None:
    assert client.get("/lacs/linkset/doc/authority/E99999999").status_code == 404
    assert client.get("/lacs/linkset/nothing-here").status_code == 404
    other = client.get("/lacs/linkset/doc/dataset", headers={"Accept": "text/html"})
    assert other.mimetype == "application/linkset+json"


def test_the_datasets_linkset_holds_the_links_its_description_sends(client: FlaskClient) -> None:
    sent = header_links(client.get("/lacs/doc/dataset.ttl"))
    listed = json.loads(client.get("/lacs/linkset/doc/dataset").get_data())["linkset"][0]
    in_linkset = {
        (rel, target["href"], target.get("type", ""))
        for rel, found in listed.items()
        if rel != "anchor"
        for target in found
    }
    assert {link for link in sent if link[0] != "alternate"} <= in_linkset
