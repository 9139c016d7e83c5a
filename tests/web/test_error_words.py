"""Errors in words: what went wrong, what to try, and for a query where it went wrong."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_a_format_not_offered_is_named_with_what_to_try(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/authority/E08000025", headers={"Accept": "image/png"})
    assert response.status_code == 406
    text = response.get_data(as_text=True)
    assert "Not available in that format" in text
    assert "This page is not available as image/png; try HTML or Turtle." in text
    assert "NotAcceptable" not in text


def test_a_missing_page_says_so_in_words_in_html(client: FlaskClient) -> None:
    response = client.get("/lacs/id/authority/E99999999", headers={"Accept": "text/html"})
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "<h1>This page does not exist</h1>" in html
    assert "Error 404" in html


def test_a_sparql_syntax_error_points_at_the_place_and_sums_up_what_may_follow(
    client: FlaskClient,
) -> None:
    response = client.get("/lacs/sparql", query_string={"query": "SELECT * WHERE { ?s ?p "})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "The query could not be read at the end of the query (1:24)" in text
    assert "expected a variable, an IRI" in text
    assert "QueryError" not in text and "\\u{" not in text
    assert "   1 | SELECT * WHERE { ?s ?p \n     |                        ^" in text
