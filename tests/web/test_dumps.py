"""`/dumps/`: release-pinned files that match their checksums, over real HTTP semantics."""

from __future__ import annotations

import gzip
import hashlib
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, XSD
from werkzeug.test import TestResponse

from lacs_ld.namespaces import SPDX
from lacs_ld.services import dumps
from tests.conftest import TEST_BASE

PREFIX = "/lacs/"


@pytest.fixture(scope="module")
def release(app: Flask) -> dumps.Release:
    return dumps.ensure(app.extensions["lacs"].snapshot)


def get(client: FlaskClient, path: str, **headers: str) -> TestResponse:
    """A response read in full and closed (its file handle released)."""
    return client.get(path, headers=headers, buffered=True)


def url(release: dumps.Release, name: str) -> str:
    return f"{PREFIX}dumps/{release.release}/{name}"


def sums(client: FlaskClient, release: dumps.Release) -> dict[str, str]:
    response = get(client, url(release, "SHA256SUMS"))
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    return {
        name: digest
        for digest, name in (line.split("  ", 1) for line in response.text.splitlines())
    }


def test_every_download_matches_sha256sums_and_the_dcat_description(
    client: FlaskClient, release: dumps.Release
) -> None:
    listed = sums(client, release)
    void = Graph().parse(data=get(client, f"{PREFIX}.well-known/void").data, format="turtle")
    assert set(listed) == {f.name for f in release.files}
    for name, digest in listed.items():
        response = get(client, url(release, name))
        assert response.status_code == 200, name
        body = response.get_data()
        assert "Content-Encoding" not in response.headers
        assert hashlib.sha256(body).hexdigest() == digest, name
        assert int(response.headers["Content-Length"]) == len(body)
        download = URIRef(TEST_BASE + f"dumps/{release.release}/{name}")
        distribution = void.value(predicate=DCAT.downloadURL, object=download)
        assert distribution is not None, name
        checksum = void.value(distribution, SPDX.checksum)
        assert void.value(checksum, SPDX.checksumValue) == Literal(digest, datatype=XSD.hexBinary)
        assert void.value(distribution, DCAT.byteSize) == Literal(
            len(body), datatype=XSD.nonNegativeInteger
        )


def test_ntriples_download_parses_to_the_published_triple_count(
    client: FlaskClient, release: dumps.Release, app: Flask
) -> None:
    snapshot = app.extensions["lacs"].snapshot
    response = get(client, url(release, "lacs-ld.nt.gz"))
    assert response.mimetype == "application/gzip"
    assert "attachment" in response.headers["Content-Disposition"]
    graph = Graph().parse(data=gzip.decompress(response.get_data()).decode(), format="nt")
    assert len(graph) == sum(snapshot.graph_triples[p] for p in dumps.PARTS)
    birmingham = URIRef(TEST_BASE + "id/authority/E08000025")
    assert (birmingham, None, None) in graph


def test_turtle_download_is_utf8_turtle_holding_the_sampled_authority(
    client: FlaskClient, release: dumps.Release
) -> None:
    response = get(client, url(release, "lacs-ld.ttl.gz"))
    assert response.headers["Content-Type"] == "application/gzip"
    plain = get(client, url(release, "lacs-ld.ttl"), **{"Accept-Encoding": "gzip"})
    assert plain.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert "Content-Encoding" not in plain.headers
    assert gzip.decompress(response.get_data()) == plain.get_data()
    graph = Graph().parse(data=plain.get_data(), format="turtle")
    file = release.file("lacs-ld.ttl")
    assert file is not None and len(graph) == file.triples
    assert (URIRef(TEST_BASE + "id/authority/E08000025"), None, None) in graph


def test_jsonld_download_has_a_context_and_the_same_triples(
    client: FlaskClient, release: dumps.Release
) -> None:
    response = get(client, url(release, "lacs-ld.jsonld"))
    assert response.mimetype == "application/ld+json"
    assert response.get_data()[:40].lstrip().startswith(b'{\n "@context"')
    graph = Graph().parse(data=response.get_data(), format="json-ld")
    file = release.file("lacs-ld.jsonld")
    assert file is not None and len(graph) == file.triples


def test_latest_redirects_to_the_current_release(
    client: FlaskClient, release: dumps.Release
) -> None:
    response = get(client, f"{PREFIX}dumps/latest/lacs-ld.nt.gz")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/dumps/{release.release}/lacs-ld.nt.gz")
    assert get(client, f"{PREFIX}dumps/latest/nothing.ttl").status_code == 404


def test_range_request_returns_the_requested_bytes(
    client: FlaskClient, release: dumps.Release
) -> None:
    whole = get(client, url(release, "lacs-ld.ttl")).get_data()
    response = get(client, url(release, "lacs-ld.ttl"), Range="bytes=10-19")
    assert response.status_code == 206
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["Content-Range"] == f"bytes 10-19/{len(whole)}"
    assert response.get_data() == whole[10:20]


def test_range_beyond_the_end_is_416(client: FlaskClient, release: dumps.Release) -> None:
    file = release.file("lacs-ld.ttl")
    assert file is not None
    response = get(client, url(release, "lacs-ld.ttl"), Range=f"bytes={file.size + 10}-")
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{file.size}"


def test_revalidation_with_the_etag_is_304(client: FlaskClient, release: dumps.Release) -> None:
    first = get(client, url(release, "lacs-ld.nt.gz"))
    etag = first.headers["ETag"]
    file = release.file("lacs-ld.nt.gz")
    assert file is not None and etag == f'"{file.sha256}"'
    assert "immutable" in first.headers["Cache-Control"]
    assert first.headers["Last-Modified"]
    again = get(client, url(release, "lacs-ld.nt.gz"), **{"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""


def test_head_states_the_length_without_a_body(client: FlaskClient, release: dumps.Release) -> None:
    file = release.file("lacs-ld.ttl.gz")
    assert file is not None
    response = client.head(url(release, file.name), buffered=True)
    assert response.status_code == 200
    assert int(response.headers["Content-Length"]) == file.size
    assert response.get_data() == b""


@pytest.mark.parametrize(
    "path",
    ["dumps/0.0.0-1999-01-01/lacs-ld.ttl", "dumps/0.0.0-1999-01-01/", "dumps/{release}/nope.ttl"],
)
def test_unknown_release_or_file_is_a_negotiated_404(
    client: FlaskClient, release: dumps.Release, path: str
) -> None:
    target = PREFIX + path.format(release=release.release)
    plain = get(client, target)
    assert plain.status_code == 404
    assert plain.mimetype == "text/plain"
    page = get(client, target, Accept="text/html")
    assert page.status_code == 404 and page.mimetype == "text/html"


@pytest.mark.parametrize(
    "path",
    [
        "dumps/{release}/..%2Fmanifest.json",
        "dumps/{release}/index.json",
        "dumps/{release}/.%2E%2F.%2E%2Fcurrent",
        "dumps/..%2F..%2Fcurrent/x",
        "dumps/%2E%2E/dataset.nq",
    ],
)
def test_paths_outside_the_release_are_refused(
    client: FlaskClient, release: dumps.Release, path: str
) -> None:
    response = get(client, PREFIX + path.format(release=release.release))
    assert response.status_code == 404


def test_listing_page_shows_each_file_with_size_triples_and_checksum(
    client: FlaskClient, release: dumps.Release
) -> None:
    response = get(client, f"{PREFIX}dumps/", Accept="text/html")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.text.split('<table class="dumps', 1)[1]
    for file in release.files:
        row = re.search(rf">{re.escape(file.name)}</a>.*?</tr>", page, re.S)
        assert row, file.name
        assert f'title="{file.size:,} bytes"' in row.group(0)
        assert re.search(r">[0-9.,]+ (bytes|kB|MB|GB)<", row.group(0)), row.group(0)
        assert file.sha256 in row.group(0)
        if file.is_rdf:
            assert f">{file.triples:,}<" in row.group(0)


def test_listing_page_recommends_one_download(client: FlaskClient) -> None:
    page = get(client, f"{PREFIX}dumps/", Accept="text/html").text
    recommended = page.split("Recommended download", 1)[1].split("</section>", 1)[0]
    assert 'lacs-ld.ttl.gz" download>' in recommended
    assert re.search(r"[0-9.]+ (kB|MB)", recommended)


def test_listing_as_rdf_describes_every_distribution(
    client: FlaskClient, release: dumps.Release
) -> None:
    response = get(client, f"{PREFIX}dumps/", Accept="text/turtle")
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert "Accept" in response.headers["Vary"]
    graph = Graph().parse(data=response.get_data(), format="turtle")
    for file in release.files:
        download = URIRef(TEST_BASE + f"dumps/{release.release}/{file.name}")
        assert graph.value(predicate=DCAT.downloadURL, object=download) is not None
    jsonld = get(client, f"{PREFIX}dumps/", Accept="application/ld+json")
    assert jsonld.mimetype == "application/ld+json"
    assert len(Graph().parse(data=jsonld.get_data(), format="json-ld")) == len(graph)
