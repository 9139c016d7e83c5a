"""Numbering an inspection's quotes, curated and derived together, in the order of the report.

URI scheme: "{n} numbers quotes in the order they appear in their source, from 1". The
curated quotes (data/curated/quotes.ttl, written by hand) keep the numbers their IRIs carry;
the build places them by page and offset beside the derived quotes, numbers all of them in
that order, and reports any curated number that is out of order so that the curated file is
corrected. A derived sentence that a curated quote already holds (its words, a final full stop
aside) is the same quote and is not minted again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from rdflib import RDF, Graph, URIRef

from lacs_ld.build.quote_text import collapse

T = TypeVar("T")
_PARSE_BASE = "http://lacs-base.invalid/"
# How many characters of a curated quote locate it on its page.
_LOCATE = 60


@dataclass(frozen=True)
class CuratedQuote:
    """A hand-curated quote of an inspection report: its number, its words and its page."""

    number: int
    text: str
    page: int


@dataclass(frozen=True)
class Placed(Generic[T]):
    """A derived quote with where it starts: report rank, PDF page, offset in the page text."""

    report: int
    page: int
    start: int
    text: str
    exact: str
    item: T


def curated_quotes(path: Path | None) -> dict[str, list[CuratedQuote]]:
    """Inspection path -> its curated quotes, from the curated Turtle file."""
    if path is None or not path.is_file():
        return {}
    graph = Graph().parse(path, format="turtle", publicID=_PARSE_BASE)
    lacs = _PARSE_BASE + "def/lacs#"
    found: dict[str, list[CuratedQuote]] = {}
    for quote in graph.subjects(RDF.type, URIRef(lacs + "Quote")):
        inspection, _, number = str(quote).removeprefix(_PARSE_BASE).rpartition("/quote/")
        if not inspection.startswith("id/inspection/") or not number.isdigit():
            continue
        text = " ".join(str(graph.value(quote, URIRef(lacs + "text")) or "").split())
        page = int(str(graph.value(quote, URIRef(lacs + "pdfPage")) or 0))
        found.setdefault(inspection, []).append(CuratedQuote(int(number), text, page))
    return found


def same_words(text: str) -> str:
    """A quote's words for comparison: whitespace normalised, a final full stop dropped."""
    return " ".join(text.split()).rstrip(" .")


def _where(quote: CuratedQuote, reports: list[list[str]]) -> tuple[int, int, int]:
    """(report rank, page, offset) of a curated quote in the inspection's report texts."""
    head = quote.text[:_LOCATE]
    for rank, pages in enumerate(reports):
        if 0 < quote.page <= len(pages):
            offset = collapse(pages[quote.page - 1])[0].find(head)
            if offset >= 0:
                return rank, quote.page, offset
    return 0, quote.page, 0


def numbered(
    inspection: str,
    derived: list[Placed[T]],
    curated: list[CuratedQuote],
    reports: list[list[str]],
    counts: Counter[str],
) -> list[tuple[int, T]]:
    """Number curated and derived quotes from 1 in report order; the derived ones, numbered."""
    held = [same_words(c.text) for c in curated]
    entries: list[tuple[tuple[int, int, int], CuratedQuote | Placed[T]]] = [
        (_where(c, reports), c) for c in curated
    ]
    for quote in derived:
        if any(same_words(quote.text) in h or same_words(quote.exact) in h for h in held):
            counts["already a curated quote"] += 1
            continue
        entries.append(((quote.report, quote.page, quote.start), quote))
    out: list[tuple[int, T]] = []
    for n, (_, entry) in enumerate(sorted(entries, key=lambda e: e[0]), start=1):
        if isinstance(entry, CuratedQuote):
            if entry.number != n:
                counts[
                    f"curated quote out of report order: {inspection}/quote/{entry.number} "
                    f"is quote {n}"
                ] += 1
            continue
        out.append((n, entry.item))
    return out
