"""Report quotes: verbatim runs of their report page, re-cut or rejected with a
reason, and linked to guidance only by the rules ontology/link-rule.ttl states."""

from __future__ import annotations

import csv
import functools
import json
import lzma
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from lacs_ld.build import report_quotes
from lacs_ld.build.inspections import report_inspections

from .support import SOURCES

REPO = Path(__file__).parents[2]
REPORT_TEXT = SOURCES / "data-sources" / "report_text"
BASE = report_quotes.PLACEHOLDER_BASE
LACS = Namespace(BASE + "def/lacs#")
OA = Namespace("http://www.w3.org/ns/oa#")
DERIVED = URIRef(BASE + "def/link-method/derived")


@dataclass(frozen=True)
class Built:
    graph: Graph
    counts: dict[str, int]
    mapping: dict[str, str]
    pages: dict[str, list[str]]  # report_id -> raw page texts
    published: dict[str, str]  # report_id -> publication date
    reports: dict[str, list[str]]  # inspection IRI -> its report_ids


@pytest.fixture(scope="module")
def built() -> Built:
    if not (REPORT_TEXT / "report_sentences_by_topic.csv").is_file():
        pytest.fail(f"the report quote tests need the source tables at {SOURCES}")
    mapping = report_inspections(SOURCES)
    graph, counts = report_quotes.build(SOURCES, mapping)
    pages: dict[str, list[str]] = {}
    published: dict[str, str] = {}
    with lzma.open(REPORT_TEXT / "ofsted_report_texts.jsonl.xz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            pages[record["report_id"]] = record["pages"]
            published[record["report_id"]] = record["publication_date_from_filename"]
    reports: dict[str, list[str]] = defaultdict(list)
    for report_id, path in sorted(mapping.items()):
        reports[BASE + path].append(report_id)
    return Built(graph, counts, mapping, pages, published, dict(reports))


@functools.cache
def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _in_page(quote: str, raw: str) -> bool:
    """The quote is a contiguous run of the page once runs of white space are
    one space and a hyphen that ends a line may join the next line's word."""
    if quote in _collapse(raw):
        return True
    pattern = []
    for i, char in enumerate(quote):
        if char == " ":
            pattern.append(r"\s+")
        elif char == "-":
            pattern.append(r"-(?:[ \t]*\n\s*)?")
        else:
            pattern.append(re.escape(char))
            if char.isalnum() and quote[i + 1 : i + 2].isalnum():
                pattern.append(r"(?:-[ \t]*\n\s*)?")
    return re.search("".join(pattern), raw) is not None


def _int(graph: Graph, subject: Node, predicate: URIRef) -> int:
    return int(str(graph.value(subject, predicate)))


def _quotes(built: Built) -> list[URIRef]:
    return sorted(q for q in built.graph.subjects(RDF.type, LACS.Quote) if isinstance(q, URIRef))


def _pages_of(built: Built, quote: URIRef) -> list[str]:
    """The quote's page in each report of the inspection it is quoted from."""
    reports = built.reports[str(built.graph.value(quote, LACS.quotedFrom))]
    page = _int(built.graph, quote, LACS.pdfPage)
    return [built.pages[rid][page - 1] for rid in reports if page <= len(built.pages[rid])]


def _published(built: Built, quote: URIRef) -> str:
    reports = built.reports[str(built.graph.value(quote, LACS.quotedFrom))]
    return min(built.published[rid] for rid in reports)


def test_every_quote_text_is_a_contiguous_run_of_its_page(built: Built) -> None:
    missing = [
        str(quote)
        for quote in _quotes(built)
        if not any(
            _in_page(str(built.graph.value(quote, LACS.text)), raw)
            for raw in _pages_of(built, quote)
        )
    ]
    assert len(_quotes(built)) > 4000
    assert missing == []


def test_selector_exact_prefix_and_suffix_are_the_page_text_and_words_match(built: Built) -> None:
    def letters(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9]", "", text)

    wrong = []
    for quote in _quotes(built):
        selector = built.graph.value(quote, LACS.selector)
        assert selector == URIRef(str(quote) + "/selector")
        assert (selector, RDF.type, OA.TextQuoteSelector) in built.graph
        exact, prefix, suffix = (
            str(built.graph.value(selector, p) or "") for p in (OA.exact, OA.prefix, OA.suffix)
        )
        pages = [_collapse(raw) for raw in _pages_of(built, quote)]
        text = str(built.graph.value(quote, LACS.text))
        if not any(prefix + exact + suffix in page for page in pages):
            wrong.append(("selector not in page", str(quote)))
        if letters(text) != letters(exact) and letters(text) != letters(exact.replace("- ", "")):
            wrong.append(("words differ from the page", str(quote)))
    assert wrong == []


def test_readme_example_sentences_are_quoted_on_their_pages(built: Built) -> None:
    examples = [
        (
            "E08000025",
            "/ilacs/2019",
            6,
            "The local authority fulfils its responsibilities for the provision of children "
            "who are electively home educated, and appropriate safeguarding measures are in place.",
        ),
        (
            "E06000053",
            "/2023",
            5,
            "However, leaders do not use the information they hold to proactively identify all "
            "children who are EHE.",
        ),
        (
            "E09000001",
            "/sif/2016",
            14,
            "Very few children are electively home educated in the City of London.",
        ),
    ]
    for gss, framework_and_year, page, sentence in examples:
        found = [
            quote
            for quote in built.graph.subjects(LACS.text, Literal(sentence))
            if f"id/inspection/{gss}/" in str(quote)
            and framework_and_year in str(quote)
            and _int(built.graph, quote, LACS.pdfPage) == page
        ]
        assert len(found) == 1, sentence
        topics = set(built.graph.objects(found[0], LACS.topic))
        assert URIRef(BASE + "def/topic/elective-home-education") in topics


def test_counts_report_sentences_read_and_re_cut_and_rejected_by_reason(built: Built) -> None:
    counts = built.counts
    with (REPORT_TEXT / "report_sentences_by_topic.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert counts["sentences read"] == len(rows) == 5252
    assert counts["quotes minted"] == len(_quotes(built))
    assert counts["verified exact"] == counts["quotes minted"]
    recut = {k: v for k, v in counts.items() if k.startswith("re-cut: ")}
    rejected = {k: v for k, v in counts.items() if k.startswith("rejected: ")}
    assert recut["re-cut: trailing paragraph number removed"] > 500
    assert rejected["rejected: begins on the previous page"] > 0
    assert rejected["rejected: continues on the next page"] > 0
    unmapped = sum(1 for row in rows if row["report_id"] not in built.mapping)
    assert counts.get("rejected: no inspection event", 0) == unmapped
    assert "rejected: not found in the page text" not in counts


def test_no_quote_keeps_a_trailing_paragraph_number_or_starts_mid_sentence(built: Built) -> None:
    texts = [str(built.graph.value(q, LACS.text)) for q in _quotes(built)]
    assert [t for t in texts if re.search(r"[.!?][\u2019\u201d\"')]? \d{1,3}\.$", t)] == []
    assert [t for t in texts if t[0].islower()] == []
    assert [t for t in texts if t.startswith(("Inspection of ", "What needs to improve"))] == []


def test_quotes_are_numbered_from_one_in_order_of_page(built: Built) -> None:
    by_inspection: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for quote in _quotes(built):
        inspection, _, n = str(quote).rpartition("/quote/")
        assert built.graph.value(quote, LACS.quotedFrom) == URIRef(inspection)
        assert _int(built.graph, quote, LACS.position) == int(n)
        by_inspection[inspection].append((int(n), _int(built.graph, quote, LACS.pdfPage)))
    for numbered in by_inspection.values():
        pages = [page for _, page in sorted(numbered)]
        assert pages == sorted(pages)


def test_quotes_cite_the_report_pdf_or_name_the_report(built: Built) -> None:
    for quote in _quotes(built):
        sources = list(built.graph.objects(quote, URIRef("http://purl.org/dc/terms/source")))
        citations = list(
            built.graph.objects(quote, URIRef("http://purl.org/dc/terms/bibliographicCitation"))
        )
        assert len(sources) + len(citations) == 1, quote
        assert all(str(s).startswith("https://") for s in sources)
        assert all("Ofsted" in str(c) for c in citations)


def test_derived_links_use_only_rules_defined_in_the_link_rule_scheme(built: Built) -> None:
    parse_base = "http://lacs-base.test/"
    scheme = Graph().parse(
        REPO / "ontology" / "link-rule.ttl", format="turtle", publicID=parse_base
    )
    concepts = set(scheme.subjects(SKOS.inScheme, URIRef(parse_base + "def/link-rule")))
    for concept in concepts:
        assert scheme.value(concept, SKOS.prefLabel) is not None
        assert scheme.value(concept, SKOS.definition) is not None
    rules = {URIRef(BASE + str(c).removeprefix(parse_base)) for c in concepts}
    code_rules = {URIRef(BASE + f"def/link-rule/{r.slug}") for r in report_quotes.RULES}
    assert code_rules == rules
    graph = built.graph
    links = list(graph.subjects(RDF.type, LACS.GovernanceLink))
    assert len(links) > 2000
    for link in links:
        assert graph.value(link, LACS.linkRule) in rules
        assert graph.value(link, LACS.linkMethod) == DERIVED
        quote = graph.value(predicate=LACS.governanceLink, object=link)
        assert str(link).startswith(str(quote) + "/link/")
        assert (quote, LACS.governedBy, graph.value(link, LACS.linkedClause)) in graph
    for quote in _quotes(built):
        clauses = set(graph.objects(quote, LACS.governedBy))
        linked = {
            graph.value(k, LACS.linkedClause) for k in graph.objects(quote, LACS.governanceLink)
        }
        assert clauses == linked


def test_guidance_links_only_reports_published_after_the_guidance(built: Built) -> None:
    graph = built.graph
    for link in graph.subjects(RDF.type, LACS.GovernanceLink):
        quote = URIRef(str(graph.value(predicate=LACS.governanceLink, object=link)))
        clause = str(graph.value(link, LACS.linkedClause))
        if "/sif-annex-a/" in clause or "/ofsted-ehe-advice-2015/" in clause:
            assert "/sif/" in str(quote)
        if "/ofsted-ehe-advice-2015/" in clause:
            assert _published(built, quote) >= "2015-06-01"


def test_no_blank_nodes_and_every_iri_under_the_base_or_a_known_namespace(built: Built) -> None:
    for triple in built.graph:
        assert not any(isinstance(term, BNode) for term in triple)


def test_two_builds_serialise_identically(built: Built) -> None:
    again, counts = report_quotes.build(SOURCES, built.mapping)
    assert counts == built.counts
    first = sorted(built.graph.serialize(format="nt").splitlines())
    second = sorted(again.serialize(format="nt").splitlines())
    assert first == second
    try:
        from lacs_ld.build.turtle import serialize
    except ImportError:  # pragma: no cover - before the writer exists
        return
    assert serialize(built.graph) == serialize(again)


def test_no_quote_holds_pdf_debris_glyphs_footnotes_or_two_paragraphs(built: Built) -> None:
    texts = {str(q): str(built.graph.value(q, LACS.text)) for q in _quotes(built)}
    assert [q for q, t in texts.items() if re.search("[\ue000-\uf8ff]", t)] == []
    assert [q for q, t in texts.items() if re.search(r"[.!?] \d{1,3}\. [A-Z0-9]", t)] == []
    assert [q for q, t in texts.items() if "ONS 2011 census" in t] == []
    numbered = [t for t in texts.values() if t.startswith("307 families who experience high risk")]
    assert numbered == [], "the paragraph without the topic is not quoted"
    assert "Private fostering arrangements have been strengthened by a dedicated post." in (
        texts.values()
    )


def test_selectors_state_no_empty_prefix_or_suffix(built: Built) -> None:
    empty = [
        (str(selector), str(prop))
        for prop in (OA.prefix, OA.suffix)
        for selector, value in built.graph.subject_objects(prop)
        if str(value) == ""
    ]
    assert empty == []


def _text_of(built: Built, path: str) -> str:
    return str(built.graph.value(URIRef(BASE + path), LACS.text))


def test_a_key_judgement_table_opening_a_section_is_left_out_of_its_first_sentence(
    built: Built,
) -> None:
    texts = {str(q): str(built.graph.value(q, LACS.text)) for q in _quotes(built)}
    assert [q for q, t in texts.items() if "Judgement grade" in t] == []
    quote = "id/inspection/E10000030/sif/2015-06-03/quote/2"
    text = _text_of(built, quote)
    assert text.startswith("The local authority is failing in its statutory duty under section 17")
    assert text.endswith("are not being adequately supported or helped.")
    assert any(_in_page(text, raw) for raw in _pages_of(built, URIRef(BASE + quote)))


def test_a_paragraph_that_ends_without_a_full_stop_ends_its_quote(built: Built) -> None:
    quote = "id/inspection/E09000023/sif/2016-01-20/quote/2"
    text = _text_of(built, quote)
    assert text.endswith("for children missing education or being educated at home"), text
    assert "Performance management" not in text
    assert any(_in_page(text, raw) for raw in _pages_of(built, URIRef(BASE + quote)))
    assert built.counts["re-cut: unpunctuated paragraph end split"] > 0


def test_a_board_judgement_and_executive_summary_heading_are_left_out_of_the_quote(
    built: Built,
) -> None:
    texts = {str(q): str(built.graph.value(q, LACS.text)) for q in _quotes(built)}
    headed = [q for q, t in texts.items() if t.startswith(("The Local Safeguarding", "Executive"))]
    assert headed == []
    quote = "id/inspection/E08000034/sif/2016-11-25/quote/10"
    assert _text_of(built, quote).startswith(
        "Kirklees Safeguarding Children Board (KSCB) is judged"
    )
