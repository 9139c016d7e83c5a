"""RDF in HTML: each page embeds its own graph as JSON-LD, and the dataset pages a schema.org
Dataset that dataset search engines read."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import RDF

from lacs_ld.namespaces import CC_BY, OGL
from lacs_ld.web.signposting.embedded import escape
from tests.conftest import TEST_BASE

SDO = Namespace("https://schema.org/")
LACS = TEST_BASE + "def/lacs#"
# Every class whose instances have documents of their own.
CLASSES = (
    "LocalAuthority",
    "Inspection",
    "GuidanceDocument",
    "GuidanceClause",
    "SourceDocument",
    "Quote",
)


class Scripts(HTMLParser):
    """The text of every `<script type="application/ld+json">` in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._open:
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.found[-1] += data


def scripts(html: str) -> list[str]:
    parser = Scripts()
    parser.feed(html)
    return parser.found


def one_of(app: Flask, cls: str) -> str:
    rows = app.extensions["lacs"].store.select(
        f"SELECT ?s WHERE {{ GRAPH <{TEST_BASE}graph/data> {{ ?s a <{LACS}{cls}> }} }} "
        "ORDER BY ?s LIMIT 1"
    )
    assert rows, f"the data has no {cls}"
    return str(rows[0]["s"])[len(TEST_BASE + "id/") :]


@pytest.mark.parametrize("cls", CLASSES)
def test_a_documents_html_embeds_the_same_graph_as_its_turtle(
    app: Flask, client: FlaskClient, cls: str
) -> None:
    path = one_of(app, cls)
    html = client.get(f"/lacs/doc/{path}.html").get_data(as_text=True)
    embedded = scripts(html)
    assert embedded, f"no JSON-LD in the page of {path}"
    assert "@context" in json.loads(embedded[0])
    from_html = Graph().parse(data=embedded[0], format="json-ld")
    turtle = client.get(f"/lacs/doc/{path}.ttl").get_data()
    from_turtle = Graph().parse(data=turtle, format="turtle")
    assert isomorphic(from_html, from_turtle), sorted(
        set(to_isomorphic(from_html)) ^ set(to_isomorphic(from_turtle))
    )[:5]


def test_the_dataset_page_embeds_the_description(client: FlaskClient) -> None:
    html = client.get("/lacs/doc/dataset.html").get_data(as_text=True)
    from_html = Graph().parse(data=scripts(html)[0], format="json-ld")
    turtle = Graph().parse(data=client.get("/lacs/doc/dataset.ttl").get_data(), format="turtle")
    assert isomorphic(from_html, turtle)


@pytest.mark.parametrize("path", ["", "doc/dataset.html"])
def test_the_landing_pages_carry_a_schema_org_dataset(client: FlaskClient, path: str) -> None:
    html = client.get(f"/lacs/{path}", headers={"Accept": "text/html"}).get_data(as_text=True)
    graph = Graph()
    for text in scripts(html):
        graph.parse(data=text, format="json-ld")
    (dataset,) = graph.subjects(RDF.type, SDO.Dataset)
    assert dataset == URIRef(TEST_BASE + "id/dataset")
    for prop in (SDO.name, SDO.description, SDO.creator, SDO.temporalCoverage):
        assert graph.value(dataset, prop) is not None, prop
    assert set(graph.objects(dataset, SDO.license)) >= {Literal(OGL), Literal(CC_BY)} or set(
        graph.objects(dataset, SDO.license)
    ) >= {URIRef(OGL), URIRef(CC_BY)}
    place = graph.value(dataset, SDO.spatialCoverage)
    assert graph.value(place, SDO.name) == Literal("England")
    downloads = list(graph.objects(dataset, SDO.distribution))
    assert downloads
    for download in downloads:
        assert (download, RDF.type, SDO.DataDownload) in graph
        assert graph.value(download, SDO.contentUrl) is not None
        assert graph.value(download, SDO.encodingFormat) is not None


def test_json_in_a_script_cannot_end_the_element() -> None:
    text = json.dumps({"quote": "</script><script>alert(1)</script> & <!--"})
    escaped = escape(text)
    assert "</" not in escaped and "<!--" not in escaped
    assert json.loads(escaped) == json.loads(text)


@pytest.mark.parametrize(
    "path",
    ["", "dumps/", "def/lacs", "def/shapes", "def/judgement", "def/judgement/inadequate"],
)
def test_other_pages_embed_the_graph_their_turtle_holds(client: FlaskClient, path: str) -> None:
    html = client.get(f"/lacs/{path}", headers={"Accept": "text/html"}).get_data(as_text=True)
    from_html = Graph().parse(data=scripts(html)[0], format="json-ld")
    turtle = client.get(f"/lacs/{path}", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle"
    from_turtle = Graph().parse(data=turtle.get_data(), format="turtle")
    assert len(from_html) > 0 and isomorphic(from_html, from_turtle)
