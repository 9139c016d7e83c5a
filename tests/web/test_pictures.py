"""The pictures are drawn from the data: every mark matches what SPARQL says, with words beside."""

from __future__ import annotations

import json
import re

from flask.testing import FlaskClient

from tests.conftest import TEST_BASE

PREFIXES = f"""PREFIX lacs: <{TEST_BASE}def/lacs#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
# Written independently of the service's own queries: the latest four-point grade of each
# authority in force, the way the first example query asks it.
LATEST = (
    PREFIXES
    + """SELECT ?authority ?grade WHERE {
  ?authority a lacs:LocalAuthority .
  FILTER NOT EXISTS { ?authority lacs:inForceTo ?until }
  OPTIONAL {
    ?inspection lacs:inspectedAuthority ?authority ; lacs:overallJudgement ?grade ;
                dcterms:issued ?published .
    ?grade skos:notation ?n . FILTER (?n IN ("1", "2", "3", "4"))
    FILTER NOT EXISTS {
      ?later lacs:inspectedAuthority ?authority ; lacs:overallJudgement ?g2 ;
             dcterms:issued ?p2 .
      ?g2 skos:notation ?n2 . FILTER (?n2 IN ("1", "2", "3", "4") && STR(?p2) > STR(?published))
    }
  }
}"""
)
HISTORY = (
    PREFIXES
    + """SELECT ?inspection ?grade WHERE {
  ?inspection lacs:inspectedAuthority <%s> .
  OPTIONAL { ?inspection dcterms:issued ?published }
  OPTIONAL { ?inspection lacs:startDate ?visited }
  FILTER (BOUND(?published) || BOUND(?visited))
  OPTIONAL { ?inspection lacs:overallJudgement ?grade }
}"""
)


def sparql(client: FlaskClient, query: str) -> list[dict[str, str]]:
    response = client.post(
        "/lacs/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200, response.text
    rows = json.loads(response.data)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def slug(iri: str | None) -> str:
    return iri.rsplit("/", 1)[-1] if iri else "none"


def test_home_map_marks_every_authority_with_its_latest_grade_as_sparql_answers(
    client: FlaskClient,
) -> None:
    html = client.get("/lacs/").text
    marks = dict(re.findall(r'<a class="tile" href="([^"]+)" data-grade="([a-z-]+)"', html))
    expected = {row["authority"]: slug(row.get("grade")) for row in sparql(client, LATEST)}
    assert len(expected) > 140
    assert marks == expected


def test_home_map_says_in_words_what_it_shows(client: FlaskClient) -> None:
    html = client.get("/lacs/").text
    picture = html.split('aria-labelledby="map-heading"', 1)[1].split("</section>", 1)[0]
    tiles = re.findall(r'<a class="tile"[^>]*aria-label="([^"]+)"', picture)
    assert tiles and all(": " in label for label in tiles)
    summary = re.search(r'<p id="map-summary">(.*?)</p>', picture, re.S)
    assert summary and "inadequate" in summary.group(1)
    table = picture.split("The table behind the picture", 1)[1]
    assert table.count("<tr>") == len(tiles) + 1


def test_grades_by_year_add_up_to_the_graded_inspections(client: FlaskClient) -> None:
    html = client.get("/lacs/").text
    picture = html.split('aria-labelledby="years-heading"', 1)[1].split("</section>", 1)[0]
    assert 'role="img" aria-labelledby="years-heading years-summary"' in picture
    drawn = sum(int(n) for n in re.findall(r"<title>\d{4}: (\d+) ", picture))
    graded = sparql(
        client,
        PREFIXES
        + """SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i lacs:overallJudgement ?g ;
        dcterms:issued ?d . ?g skos:notation ?x . FILTER (?x IN ("1", "2", "3", "4")) }""",
    )
    assert drawn == int(graded[0]["n"])


def test_authority_page_draws_each_inspection_with_its_grade(client: FlaskClient) -> None:
    authority = f"{TEST_BASE}id/authority/E08000025"
    html = client.get("/lacs/doc/authority/E08000025.html").text
    marks = dict(re.findall(r'<a class="history-mark" href="([^"]+)" data-grade="([a-z-]+)"', html))
    expected = {
        row["inspection"]: slug(row.get("grade"))
        if slug(row.get("grade")) in ("outstanding", "good", "requires-improvement", "inadequate")
        else "none"
        for row in sparql(client, HISTORY % authority)
    }
    assert len(expected) >= 8
    assert marks == expected
    assert 'id="history-caption"' in html and "one line per framework" in html


def test_inspections_list_opens_on_the_grades_by_year_drawn_as_on_the_home_page(
    client: FlaskClient,
) -> None:
    def drawn(html: str) -> list[str]:
        picture = html.split('aria-labelledby="years-heading"', 1)[1].split("</section>", 1)[0]
        return re.findall(r"<title>(\d{4}: \d+ [^<]+)</title>", picture)

    listed = client.get("/lacs/inspections", headers={"Accept": "text/html"})
    assert listed.status_code == 200
    assert drawn(listed.text) == drawn(client.get("/lacs/").text) != []
    filtered = client.get("/lacs/inspections?grade=inadequate", headers={"Accept": "text/html"})
    assert 'id="years-heading"' not in filtered.text
