"""Views derived from the whole snapshot: kept per snapshot and sent with its validators."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from lacs_ld.web.snapshot_values import SnapshotValue


@pytest.mark.parametrize("path", ["/lacs/sitemap.xml", "/lacs/sitemaps/1.xml", "/lacs/doc/dataset"])
def test_a_snapshot_wide_view_revalidates_to_304(client: FlaskClient, path: str) -> None:
    first = client.get(path, headers={"Accept": "text/turtle"})
    assert first.status_code == 200
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    again = client.get(path, headers={"Accept": "text/turtle", "If-None-Match": etag})
    assert again.status_code == 304
    assert client.get(path, headers={"Accept": "text/turtle"}).headers["Last-Modified"] == modified


def test_a_snapshot_wide_value_is_computed_once_per_snapshot(
    client: FlaskClient, app: Flask
) -> None:
    for path in ("/lacs/sitemap.xml", "/lacs/doc/dataset.ttl"):
        assert client.get(path).status_code == 200
    held = [v for v in app.extensions.values() if isinstance(v, SnapshotValue)]
    assert len(held) == 2
    calls: list[str] = []

    def compute(key: str) -> str:
        calls.append(key)
        return key

    value = SnapshotValue[str]()
    for key in ("a", "a", "b", "b", "a"):
        assert value.get(key, lambda k=key: compute(k)) == key  # type: ignore[misc]
    assert calls == ["a", "b", "a"]
