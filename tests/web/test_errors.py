"""Error answers over HTTP: which a cache may keep (RFC 9111 §4.2.2), and what they vary on."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

LONG_URL = "/lacs/search?q=" + "a" * 9000


def _vary(response: TestResponse) -> set[str]:
    return {v.strip().lower() for v in response.headers.get("Vary", "").split(",") if v.strip()}


@pytest.mark.parametrize("accept", ["text/html", "text/turtle", "application/problem+json", "*/*"])
def test_a_404_for_an_unknown_uri_is_cached_briefly_and_varies_on_accept(
    client: FlaskClient, accept: str
) -> None:
    response = client.get("/lacs/id/authority/E99999999", headers={"Accept": accept})
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "public, max-age=60"
    assert "accept" in _vary(response)


def test_a_404_for_an_unknown_path_is_cached_briefly(client: FlaskClient) -> None:
    response = client.get("/lacs/no-such-page")
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/lacs/inspections?page=0", {}, 400),
        ("GET", "/lacs/inspections?sort=sideways", {}, 400),
        ("DELETE", "/lacs/inspections", {}, 405),
        ("GET", "/lacs/doc/authority/E08000025", {"headers": {"Accept": "image/png"}}, 406),
        ("GET", "/lacs/quotes?format=pdf", {}, 406),
        (
            "POST",
            "/lacs/sparql",
            {"data": "q" * 70_000, "content_type": "application/sparql-query"},
            413,
        ),
        ("GET", LONG_URL, {}, 414),
        ("POST", "/lacs/sparql", {"data": "x", "content_type": "image/png"}, 415),
    ],
)
def test_an_error_about_one_request_is_not_stored(
    client: FlaskClient, method: str, path: str, kwargs: dict[str, object], status: int
) -> None:
    response = client.open(path, method=method, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.headers["Cache-Control"] == "no-store"
    assert "accept" in _vary(response)


def test_a_preflight_answer_varies_on_the_headers_it_echoes(client: FlaskClient) -> None:
    response = client.options(
        "/lacs/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.headers["Access-Control-Allow-Headers"] == "content-type"
    assert "access-control-request-headers" in _vary(response)
