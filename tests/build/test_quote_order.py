"""Quotes are numbered in the order they appear in their report, curated and derived together."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import Graph, URIRef

from lacs_ld.build.quote_order import same_words

from .support import BASE, REPO, Built

LACS = f"{BASE}def/lacs#"


@pytest.fixture(scope="module")
def quotes(built: Built) -> Graph:
    graph = Graph()
    graph.parse(built.data_dir / "generated" / "report-quotes.ttl", publicID=BASE)
    graph.parse(REPO / "data" / "curated" / "quotes.ttl", publicID=BASE)
    return graph


def _by_inspection(graph: Graph) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for quote, inspection in graph.subject_objects(URIRef(LACS + "quotedFrom")):
        if "/id/inspection/" not in str(inspection):
            continue
        n = int(str(graph.value(quote, URIRef(LACS + "position"))))
        page = int(str(graph.value(quote, URIRef(LACS + "pdfPage"))))
        assert str(quote).endswith(f"/quote/{n}")
        found[str(inspection)].append((n, page, str(graph.value(quote, URIRef(LACS + "text")))))
    return found


def test_every_inspection_numbers_its_quotes_from_1_page_by_page(quotes: Graph) -> None:
    for inspection, held in _by_inspection(quotes).items():
        held.sort()
        assert [n for n, _, _ in held] == list(range(1, len(held) + 1)), inspection
        pages = [page for _, page, _ in held]
        assert pages == sorted(pages), inspection


def test_curated_quotes_take_their_place_in_report_order(quotes: Graph) -> None:
    birmingham = _by_inspection(quotes)[f"{BASE}id/inspection/E08000025/sif/2016-11-25"]
    twelfth = next(text for n, _, text in birmingham if n == 12)
    assert twelfth.startswith("Elective home education (EHE) data is now also secure")


def test_a_sentence_is_quoted_once_per_inspection_even_when_curated(quotes: Graph) -> None:
    kirklees = _by_inspection(quotes)[f"{BASE}id/inspection/E08000034/sif/2016-11-25"]
    oversight = [t for _, _, t in kirklees if "oversight of children missing education" in t]
    assert len(oversight) == 1
    for inspection, held in _by_inspection(quotes).items():
        words = [same_words(text) for _, _, text in held]
        assert len(words) == len(set(words)), inspection


def test_the_build_reports_no_curated_quote_out_of_order(built: Built) -> None:
    assert not [k for k in built.report.notes if "out of report order" in k]
