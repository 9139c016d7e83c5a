"""Pages speak in words: no property name in a facts table or heading, no fact twice."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from flask.testing import FlaskClient

from tests.conftest import TEST_BASE

PAGES = (
    "doc/authority/E08000025.html",
    "doc/authority/E10000021.html",
    "doc/inspection/E08000025/sif/2016-11-25.html",
    "doc/inspection/E08000025/sif/2016-11-25/quote/1.html",
    "doc/guidance/sif-annex-a/clause/2.05.html",
    "doc/guidance/ofsted-ehe-advice-2015.html",
    "doc/guidance/sif-annex-a.html",
    "def/judgement/inadequate",
    "def/region/west-midlands",
)
CAMEL = re.compile(r"\b[a-z]+[A-Z]\w*\b")


class Headings(HTMLParser):
    """Collects the text of every heading, facts-table term and table header cell."""

    WATCHED = frozenset({"h1", "h2", "h3", "h4", "dt", "th", "caption", "summary"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.WATCHED:
            self.open.append(tag)
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.WATCHED and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open:
            self.found[-1] += " " + data


def main(client: FlaskClient, path: str) -> str:
    """The visible page: what is inside <main>, without the head's embedded JSON-LD."""
    response = client.get("/lacs/" + path, headers={"Accept": "text/html"})
    assert response.status_code == 200, path
    return response.data.decode().split("<main", 1)[1].split("</main>", 1)[0]


def headings(html: str) -> list[str]:
    parser = Headings()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.found]


@pytest.mark.parametrize("path", PAGES)
def test_no_heading_or_facts_term_shows_a_camel_case_property_name(
    client: FlaskClient, path: str
) -> None:
    named = [text for text in headings(main(client, path)) if CAMEL.search(text)]
    assert named == [], (path, named)


def test_links_to_an_authority_are_headed_in_words_and_its_name_does_not_prefix_its_history(
    client: FlaskClient,
) -> None:
    html = main(client, "doc/authority/E08000025.html")
    timeline = html[html.index('class="timeline"') :]
    timeline = timeline[: timeline.index("</section>")]
    assert "Birmingham —" not in timeline
    assert "SIF re-inspection" in timeline
    assert '<time datetime="2016-11-25">25 November 2016</time>' in timeline


def test_an_inspection_shows_its_judgements_once(client: FlaskClient) -> None:
    html = main(client, "doc/inspection/E08000025/sif/2016-11-25.html")
    assert html.count("Leadership, management and governance") == 1
    assert "judgement of" not in html.lower()
    assert "Quotes from its report <span" in html
    assert ">Quote 10</a>" in html


def test_quotes_of_a_report_are_listed_in_the_order_they_appear(client: FlaskClient) -> None:
    html = main(client, "doc/inspection/E08000025/sif/2016-11-25.html")
    quote = f"{TEST_BASE}id/inspection/E08000025/sif/2016-11-25/quote/"
    numbers = [int(n) for n in re.findall(re.escape(quote) + r"(\d+)\"", html)]
    assert numbers[:12] == list(range(1, 13)), numbers


def test_a_clause_names_the_quotes_it_governs_and_not_its_link_records(
    client: FlaskClient,
) -> None:
    html = main(client, "doc/guidance/sif-annex-a/clause/2.05.html")
    assert "Quotes governed by this clause <span" in html
    assert "Governance links to this clause" not in html
    issued = re.findall(r"published (\d{4}-\d\d-\d\d)", html)
    assert issued == sorted(issued, reverse=True), issued


def test_sources_are_named_by_what_they_are(client: FlaskClient) -> None:
    html = main(client, "doc/inspection/E08000025/sif/2016-11-25.html")
    assert "children's services inspection - 25 november 2016.pdf" in html.replace("&#39;", "'")
    facts = html.split("Facts", 1)[1].split("</dl>", 1)[0]
    assert "%20" not in re.sub(r"<[^>]+>", "", facts)


def test_a_rule_behind_several_links_of_a_quote_is_stated_once(client: FlaskClient) -> None:
    html = main(client, "doc/inspection/E08000021/sif/2017-07-07/quote/6.html")
    assert html.count('class="governance-link"') >= 3
    rules = re.findall(r'<p class="rule">The rule: (.*?)</p>', html)
    assert rules and len(rules) == len(set(rules)) < html.count('class="governance-link"')
