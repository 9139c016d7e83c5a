"""A thing or document path with a trailing slash answers 301 to the path without it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from tests.conftest import TEST_BASE

PREFIX = "/lacs/"


@pytest.mark.parametrize(
    "path",
    [
        "id/authority/E08000025",
        "doc/authority/E08000025",
        "doc/authority/E08000025.ttl",
        "def/lacs",
        "def/judgement",
        "id/dataset",
        "doc/dataset",
    ],
)
def test_a_trailing_slash_answers_301_to_the_path_without_it(
    client: FlaskClient, path: str
) -> None:
    answer = client.get(PREFIX + path + "/")
    assert answer.status_code == 301
    assert answer.headers["Location"] == TEST_BASE + path
    assert client.get(urlsplit(answer.headers["Location"]).path).status_code in (200, 303)


def test_the_redirect_keeps_the_query_and_drops_every_trailing_slash(client: FlaskClient) -> None:
    answer = client.get(PREFIX + "doc/authority/E08000025/incoming//?page=2")
    assert answer.status_code == 301
    assert answer.headers["Location"] == TEST_BASE + "doc/authority/E08000025/incoming?page=2"


@pytest.mark.parametrize("path", ["id/", "doc/", "id/authority/../x/", "id/a%2Fb/"])
def test_a_malformed_path_with_a_trailing_slash_is_not_redirected(
    client: FlaskClient, path: str
) -> None:
    answer = client.get(PREFIX + path)
    assert answer.status_code in (400, 404)
    assert "Location" not in answer.headers


def test_listing_paths_that_end_in_a_slash_are_untouched(client: FlaskClient) -> None:
    assert client.get(PREFIX + "dumps/", headers={"Accept": "text/html"}).status_code == 200
