"""Page ⇄ query: every "query that built this page" link runs, and answers what the page shows."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from tests.conftest import TEST_BASE

PAGES = {
    "authority": "authority/E08000025",
    "inspection": "inspection/E08000025/sif/2016-11-25",
    "guidance": "guidance/ofsted-ehe-advice-2015",
    "clause": "guidance/sif-annex-a/clause/2.05",
    "quote": "inspection/E10000034/sif/2017-01-24/quote/9",
}
PAGE_SIZE = 50


def page_queries(client: FlaskClient, path: str) -> list[str]:
    page = client.get(f"/lacs/doc/{path}", headers={"Accept": "text/html"})
    assert page.status_code == 200
    links = re.findall(r'href="([^"]*sparql\?query=[^"]*)"', page.get_data(as_text=True))
    return [parse_qs(urlsplit(html.unescape(link)).query)["query"][0] for link in links]


def form(query: str) -> str:
    text = re.sub(r"(?m)#.*$|<[^>]*>", " ", query)
    return next(
        w.upper() for w in re.findall(r"[A-Za-z]+", text) if w.upper() in ("SELECT", "CONSTRUCT")
    )


@pytest.mark.parametrize("kind", list(PAGES))
def test_every_page_query_link_runs_and_answers_what_the_page_shows(
    client: FlaskClient, kind: str
) -> None:
    path = PAGES[kind]
    thing = URIRef(TEST_BASE + "id/" + path)
    document = Graph().parse(
        data=client.get(f"/lacs/doc/{path}", headers={"Accept": "text/turtle"}).get_data(),
        format="turtle",
    )
    queries = page_queries(client, path)
    assert len(queries) >= 3
    built = Graph()
    selected: list[dict[str, str]] = []
    for query in queries:
        if form(query) == "CONSTRUCT":
            answer = client.get(
                "/lacs/sparql", query_string={"query": query}, headers={"Accept": "text/turtle"}
            )
            assert answer.status_code == 200, (query, answer.get_data(as_text=True))
            built.parse(data=answer.get_data(), format="turtle")
        else:
            answer = client.get("/lacs/sparql", query_string={"query": query})
            assert answer.status_code == 200, (query, answer.get_data(as_text=True))
            rows = answer.json["results"]["bindings"]  # type: ignore[index]
            selected += [{k: v["value"] for k, v in row.items()} for row in rows]

    # What the page says about the thing itself is what the CONSTRUCT queries build.
    stated = set(document.triples((thing, None, None)))
    assert stated and stated <= set(built)
    # What links to it: the counts query gives each property's total, the page holds at
    # least the first page of each and never more than the total, and the page query lists
    # the page's own first property.
    counts = {row["p"]: int(row["n"]) for row in selected if "n" in row and "p" in row}
    for prop, total in counts.items():
        linking = set(document.subjects(URIRef(prop), thing))
        assert min(total, PAGE_SIZE) <= len(linking) <= total, prop
    listed = {URIRef(row["s"]) for row in selected if "s" in row}
    assert listed <= set(document.subjects(None, thing))
    if kind == "clause":
        assert any("method" in row and int(row["n"]) > 0 for row in selected)
