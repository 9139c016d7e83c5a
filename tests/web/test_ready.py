"""Cached entries sent with prepared headers: the same answers as the general hooks give."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

from flask.testing import FlaskClient

BIRMINGHAM = "authority/E08000025"
TURTLE = f"/lacs/doc/{BIRMINGHAM}.ttl"
NEGOTIATED = f"/lacs/doc/{BIRMINGHAM}"


def test_if_none_match_uses_weak_comparison_over_a_list_and_star(client: FlaskClient) -> None:
    etag = client.get(TURTLE).headers["ETag"]
    for sent in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        again = client.get(TURTLE, headers={"If-None-Match": sent})
        assert again.status_code == 304, sent
        assert again.data == b""
    assert client.get(TURTLE, headers={"If-None-Match": '"other"'}).status_code == 200


def test_not_modified_repeats_what_a_cache_needs_and_no_body_metadata(client: FlaskClient) -> None:
    headers = {"Accept": "text/turtle", "Accept-Encoding": "gzip"}
    first = client.get(NEGOTIATED, headers=headers)
    again = client.get(NEGOTIATED, headers={**headers, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    # RFC 9110 §15.4.5: what the 200 would have sent of these, the 304 sends.
    for name in ("ETag", "Vary", "Cache-Control", "Content-Location", "Link"):
        assert again.headers[name] == first.headers[name], name
    assert first.headers["Vary"] == "Accept, Accept-Encoding"
    for name in ("Content-Type", "Content-Length", "Content-Encoding", "Last-Modified"):
        assert name not in again.headers, name


def test_gzip_representation_is_not_matched_by_the_identity_validator(
    client: FlaskClient,
) -> None:
    plain = client.get(TURTLE).headers["ETag"]
    packed = client.get(TURTLE, headers={"Accept-Encoding": "gzip", "If-None-Match": plain})
    assert packed.status_code == 200
    assert packed.headers["Content-Encoding"] == "gzip"
    refused = client.get(TURTLE, headers={"Accept-Encoding": "gzip;q=0", "If-None-Match": plain})
    assert refused.status_code == 304


def test_preconditions_before_if_none_match_still_decide(client: FlaskClient) -> None:
    first = client.get(TURTLE)
    etag = first.headers["ETag"]
    assert client.get(TURTLE, headers={"If-Match": '"other"'}).status_code == 412
    assert client.get(TURTLE, headers={"If-Match": etag}).status_code == 200
    later = "Fri, 01 Jan 2100 00:00:00 GMT"
    assert client.get(TURTLE, headers={"If-Modified-Since": later}).status_code == 304
    earlier = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get(TURTLE, headers={"If-Modified-Since": earlier}).status_code == 200


def test_head_sends_the_length_of_the_body_it_leaves_out(client: FlaskClient) -> None:
    get = client.get(TURTLE, headers={"Accept-Encoding": "gzip"})
    head = client.head(TURTLE, headers={"Accept-Encoding": "gzip"})
    assert head.data == b""
    assert head.headers["Content-Length"] == str(len(get.data))
    assert head.headers["ETag"] == get.headers["ETag"]


def test_a_cached_document_on_the_wire_has_one_date_and_one_of_each_header(
    live_server: str,
) -> None:
    parts = urlsplit(live_server)
    for headers in ({}, {"If-None-Match": "*"}):
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
        connection.request("GET", f"{parts.path}doc/{BIRMINGHAM}.ttl", headers=headers)
        answer = connection.getresponse()
        answer.read()
        connection.close()
        names = [name.lower() for name, _ in answer.getheaders()]
        # RFC 9110 §5.3: Date, ETag and the rest are singletons; a second one is an error.
        assert sorted(names) == sorted(set(names)), names
        assert "date" in names
        assert answer.getheader("ETag")
