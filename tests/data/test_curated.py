"""The hand-curated facts in data/curated: they parse under any base, and their quotes
and governance links are whole (tests-seeds/ checks their texts against the source texts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

REPO = Path(__file__).resolve().parents[2]
CURATED = REPO / "data" / "curated"
BASE = "https://data.example.test/lacs/"
LACS = BASE + "def/lacs#"
POSITION = URIRef(LACS + "position")
QUOTE = URIRef(LACS + "Quote")
CLAUSE = URIRef(LACS + "GuidanceClause")
GOVERNED_BY = URIRef(LACS + "governedBy")
GOVERNANCE_LINK = URIRef(LACS + "governanceLink")
LINKED_CLAUSE = URIRef(LACS + "linkedClause")
LINK_METHOD = URIRef(LACS + "linkMethod")
GOVERNANCE_LINK_CLASS = URIRef(LACS + "GovernanceLink")
CURATED_METHOD = URIRef(BASE + "def/link-method/curated")
COMMENT = URIRef("http://www.w3.org/2000/01/rdf-schema#comment")

FILES = sorted(CURATED.glob("*.ttl"))

# Our own IRI kinds: written relative, never with a host.
OWN_ABSOLUTE = re.compile(
    r"<https?://[^>]*/(id/(authority|inspection|guidance|document|dataset)|def/[a-z-]+)[/#>]"
)


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    for path in FILES:
        g.parse(path, format="turtle", publicID=BASE)
    return g


def test_there_are_curated_files_for_guidance_documents_and_quotes() -> None:
    names = {path.name for path in FILES}
    assert {"guidance.ttl", "documents.ttl", "quotes.ttl"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_file_parses_with_rdflib_under_a_non_default_base(path: Path) -> None:
    g = Graph().parse(path, format="turtle", publicID=BASE)
    assert len(g) > 0
    subjects = {s for s in g.subjects() if isinstance(s, URIRef)}
    assert subjects, path
    outside = sorted(str(s) for s in subjects if not str(s).startswith(BASE))
    assert not outside, f"subjects not under the base, so not written relative: {outside}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_file_writes_one_of_our_own_iris_with_a_host(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"^\s*(@base|BASE)\b", text, re.MULTILINE), "no @base: IRIs stay relative"
    hits = [m.group(0) for m in OWN_ABSOLUTE.finditer(text)]
    assert not hits, f"absolute IRIs where relative ones belong: {hits}"


def test_every_quote_position_is_the_number_at_the_end_of_its_iri(graph: Graph) -> None:
    quotes = set(graph.subjects(RDF.type, QUOTE))
    assert quotes
    for quote in quotes:
        match = re.search(r"/quote/([1-9][0-9]*)$", str(quote))
        assert match, f"{quote} is not …/quote/{{n}}"
        positions = list(graph.objects(quote, POSITION))
        assert len(positions) == 1, quote
        assert isinstance(positions[0], Literal)
        assert positions[0].toPython() == int(match.group(1)), quote


def test_every_document_quote_is_numbered_from_one_without_gaps_in_its_source(
    graph: Graph,
) -> None:
    # Quotes of inspection reports share their numbers with the quotes the build derives
    # from the same report (tests/build/test_quote_order.py checks those together).
    by_source: dict[str, list[int]] = {}
    for quote in graph.subjects(RDF.type, QUOTE):
        source, n = str(quote).rsplit("/quote/", 1)
        if "/id/inspection/" in source:
            continue
        by_source.setdefault(source, []).append(int(n))
    for source, numbers in by_source.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), source


def test_every_governed_by_has_a_matching_curated_governance_link(graph: Graph) -> None:
    for quote, clause in graph.subject_objects(GOVERNED_BY):
        links = [
            link
            for link in graph.objects(quote, GOVERNANCE_LINK)
            if (link, LINKED_CLAUSE, clause) in graph
        ]
        assert len(links) == 1, f"{quote} governedBy {clause}: {len(links)} links"
        link = links[0]
        assert (link, RDF.type, GOVERNANCE_LINK_CLASS) in graph
        assert (link, LINK_METHOD, CURATED_METHOD) in graph
        assert re.fullmatch(re.escape(str(quote)) + r"/link/[1-9][0-9]*", str(link)), link
        assert any(True for _ in graph.objects(link, COMMENT)), f"{link} does not say why"


def test_every_governance_link_is_stated_as_governed_by_on_its_quote(graph: Graph) -> None:
    for quote, link in graph.subject_objects(GOVERNANCE_LINK):
        clauses = list(graph.objects(link, LINKED_CLAUSE))
        assert len(clauses) == 1, link
        assert (quote, GOVERNED_BY, clauses[0]) in graph, link


def test_curated_links_point_at_curated_clauses(graph: Graph) -> None:
    for clause in set(graph.objects(None, GOVERNED_BY)):
        assert (clause, RDF.type, CLAUSE) in graph, clause
