"""Replays every case of the W3C SPARQL 1.1 Protocol test manifest against the endpoint.

Graph IRIs under http://kasei.us/ are mapped to this dataset's named graphs (each names itself
with `a sd:Graph`, so the manifest's ASK queries keep their meaning); the update cases must be
refused with a 4xx by this read-only endpoint.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import RDF
from rdflib.term import Node

from tests.conftest import STANDARDS, TEST_BASE

MANIFEST = STANDARDS / "w3c-sparql11-protocol-manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
KASEI = "http://kasei.us/2009/09/sparql/data/"
GRAPHS = {
    "data0.rdf": "meta",
    "data1.rdf": "data",
    "data2.rdf": "vocabulary",
    "data3.rdf": "shapes",
}


def mapped(text: str, encoded: bool) -> str:
    for name, graph in GRAPHS.items():
        source, target = KASEI + name, TEST_BASE + "graph/" + graph
        if encoded:
            source, target = quote(source, safe=""), quote(target, safe="")
        text = text.replace(source, target)
    return text


def cases() -> list[tuple[str, Graph, Node]]:
    graph = Graph().parse(MANIFEST, format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    entries = Collection(graph, graph.value(manifest, MF.entries))
    return [(str(graph.value(e, MF.name)), graph, e) for e in entries]


@pytest.mark.parametrize(("name", "graph", "entry"), cases(), ids=[c[0] for c in cases()])
def test_protocol_manifest_case(client: FlaskClient, name: str, graph: Graph, entry: Node) -> None:
    action = graph.value(entry, MF.action)
    requests = Collection(graph, graph.value(action, HT.requests))
    is_update = str(entry).rsplit("#", 1)[-1].startswith("update_")
    for request in requests:
        method = str(graph.value(request, HT.methodName))
        path = mapped(str(graph.value(request, HT.absolutePath)), encoded=True)
        path = path.replace("/sparql/", "/lacs/sparql", 1)
        headers = {}
        for header in (
            Collection(graph, graph.value(request, HT.headers))
            if graph.value(request, HT.headers)
            else []
        ):
            headers[str(graph.value(header, HT.fieldName))] = str(
                graph.value(header, HT.fieldValue)
            )
        body_node = graph.value(request, HT.body)
        body = b""
        if body_node is not None:
            chars = str(graph.value(body_node, CNT.chars) or "")
            encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
            body = mapped(
                chars, encoded="x-www-form-urlencoded" in headers.get("content-type", "")
            ).encode("utf-8" if encoding.upper() == "UTF-8" else encoding)
        content_type = headers.pop("content-type", None)
        response = client.open(
            path, method=method, data=body, content_type=content_type, headers=headers
        )
        expected = graph.value(request, HT.resp)
        statuses = {str(s).rsplit("#", 1)[-1] for s in graph.objects(expected, MF.expectedStatus)}
        sends_update = (
            content_type == "application/sparql-update"
            or b"update=" in body
            or ("update=" in path or "using-graph-uri" in path)
        )
        if sends_update:
            assert 400 <= response.status_code < 500, (name, response.status_code)
            continue
        if is_update:
            # The update before this request was refused, so only its status is comparable.
            assert 200 <= response.status_code < 300, (name, response.status_code)
            continue
        klass = f"StatusCode{response.status_code // 100}xx"
        assert klass in statuses, (
            name,
            response.status_code,
            response.get_data(as_text=True)[:300],
        )
        boolean = graph.value(expected, MF.expectedBoolean)
        if boolean is not None:
            assert response.json is not None and response.json["boolean"] is boolean.toPython()
        result_format = graph.value(expected, MF.expectedFormat)
        if result_format is not None and str(result_format) == "RDF":
            assert response.mimetype in (
                "text/turtle",
                "application/rdf+xml",
                "application/n-triples",
            )
