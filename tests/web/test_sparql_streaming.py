"""Whole answers streamed by a real server; an answer past the byte ceiling never looks whole."""

from __future__ import annotations

import csv
import gzip
import http.client
import io
import json
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.query import Result

from tests.conftest import lacs_ld_serve

CEILING = 2 << 20
EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"
ALL_TRIPLES = "CONSTRUCT WHERE { ?s ?p ?o }"


@contextmanager
def get(
    root: str, query: str, accept: str, encoding: str = "identity"
) -> Iterator[http.client.HTTPResponse]:
    url = urllib.parse.urlsplit(root + "sparql?" + urllib.parse.urlencode({"query": query}))
    connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=60)
    try:
        headers = {"Accept": accept, "Accept-Encoding": encoding, "Connection": "close"}
        connection.request("GET", f"{url.path}?{url.query}", headers=headers)
        with connection.getresponse() as response:
            yield response
    finally:
        connection.close()


def test_select_everything_answers_every_row_within_the_default_limits(live_server: str) -> None:
    with get(live_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv") as counted:
        total = int(counted.read().decode().split()[-1])
    assert total > 100_000
    with get(live_server, EVERYTHING, "application/sparql-results+json") as answer:
        assert answer.status == 200
        body = answer.read()
    assert len(json.loads(body)["results"]["bindings"]) == total
    with get(live_server, EVERYTHING, "text/tab-separated-values") as answer:
        assert answer.read().count(b"\n") == total + 1
    with get(live_server, EVERYTHING, "text/csv", "gzip") as answer:
        assert answer.getheader("Content-Encoding") == "gzip"
        assert gzip.decompress(answer.read()).count(b"\r\n") == total + 1


@pytest.fixture(scope="module")
def small_ceiling_server(state_dir: Path) -> Iterator[str]:
    """`lacs-ld serve --workers 2` with a 2 MiB answer ceiling."""
    with lacs_ld_serve(state_dir, "--workers", "2", LACS_LD_MAX_RESULT_BYTES=str(CEILING)) as root:
        yield root


def _csv_strict(body: bytes) -> object:
    return list(csv.reader(io.StringIO(body.decode("utf-8", "replace")), strict=True))


def _results(fmt: str, oxigraph: ox.QueryResultsFormat | None) -> list[Callable[[bytes], object]]:
    parsers: list[Callable[[bytes], object]] = [
        lambda body: list(Result.parse(io.BytesIO(body), format=fmt))  # type: ignore[arg-type]
    ]
    if oxigraph is not None:
        parsers.append(lambda body: list(ox.parse_query_results(body, format=oxigraph)))
    return parsers


def _graph(fmt: str, oxigraph: ox.RdfFormat) -> list[Callable[[bytes], object]]:
    return [
        lambda body: Graph().parse(data=body, format=fmt),
        lambda body: list(ox.parse(body, format=oxigraph)),
    ]


# Each format, with the parsers that must refuse a cut answer.
CASES = {
    "application/sparql-results+json": (
        EVERYTHING,
        [json.loads, *_results("json", ox.QueryResultsFormat.JSON)],
    ),
    "application/sparql-results+xml": (
        EVERYTHING,
        [ET.fromstring, *_results("xml", ox.QueryResultsFormat.XML)],
    ),
    "text/tab-separated-values": (EVERYTHING, _results("tsv", ox.QueryResultsFormat.TSV)),
    "text/csv": (EVERYTHING, [_csv_strict]),
    "text/turtle": (ALL_TRIPLES, _graph("turtle", ox.RdfFormat.TURTLE)),
    "application/n-triples": (ALL_TRIPLES, _graph("nt", ox.RdfFormat.N_TRIPLES)),
    "application/rdf+xml": (ALL_TRIPLES, [ET.fromstring, *_graph("xml", ox.RdfFormat.RDF_XML)]),
    "application/ld+json": (ALL_TRIPLES, [json.loads, *_graph("json-ld", ox.RdfFormat.JSON_LD)]),
}


@pytest.mark.parametrize("accept", list(CASES))
def test_an_answer_cut_at_the_ceiling_is_an_error_to_http_and_to_every_parser(
    small_ceiling_server: str, accept: str
) -> None:
    query, parsers = CASES[accept]
    with get(small_ceiling_server, query, accept) as answer:
        assert answer.status == 200
        assert answer.getheader("Transfer-Encoding") == "chunked"
        with pytest.raises(http.client.IncompleteRead) as cut:
            answer.read()
    body = cut.value.partial
    assert CEILING - (1 << 16) < len(body) < CEILING + 4096
    assert f"larger than {CEILING} bytes".encode() in body[-600:]
    for parse in parsers:
        with pytest.raises(Exception) as refused:  # each parser has its own error
            parse(body)
        assert not isinstance(refused.value, AssertionError)


def test_a_gzipped_answer_cut_at_the_ceiling_shows_why_and_never_gunzips(
    small_ceiling_server: str,
) -> None:
    with get(small_ceiling_server, EVERYTHING, "text/tab-separated-values", "gzip") as answer:
        assert answer.getheader("Content-Encoding") == "gzip"
        with pytest.raises(http.client.IncompleteRead) as cut:
            answer.read()
    compressed = cut.value.partial
    text = zlib.decompressobj(31).decompress(compressed)
    assert f"larger than {CEILING} bytes".encode() in text[-600:]
    with pytest.raises(EOFError):
        gzip.decompress(compressed)


def test_an_answer_under_the_ceiling_streams_whole(small_ceiling_server: str) -> None:
    with get(small_ceiling_server, EVERYTHING + " LIMIT 6000", "text/tab-separated-values") as a:
        body = a.read()
    assert body.count(b"\n") == 6001
    assert len(ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV).variables) == 3
