"""Quotes from the inspection report texts, verified verbatim against their page,
with governance links derived by the rules in ontology/link-rule.ttl."""

from __future__ import annotations

import csv
import json
import lzma
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from lacs_ld.build.quote_cut import Cut, cut
from lacs_ld.build.quote_order import Placed, curated_quotes, numbered
from lacs_ld.build.quote_rules import RULES, ReportFacts, rules_for
from lacs_ld.build.quote_text import Lexicon, Page, dehyphenate, header_lines, matches_exact
from lacs_ld.build.quote_text import make_page as _make_page
from lacs_ld.build.turtle import PLACEHOLDER_BASE

OA = Namespace("http://www.w3.org/ns/oa#")
LACS = Namespace(PLACEHOLDER_BASE + "def/lacs#")
CONTEXT = 32
TOPIC_SLUGS = {
    "elective_home_education": "elective-home-education",
    "children_missing_education": "children-missing-education",
    "section_47": "section-47",
    "section_17": "section-17",
    "working_together": "working-together",
    "private_fostering": "private-fostering",
    "lado": "lado",
}
NO_INSPECTION = "no inspection event"
# Hand-curated quotes share the {inspection}/quote/{n} IRIs and the order of the report
# (quote_order.py); a report sentence they already quote is not quoted again.
CURATED_QUOTES = Path(__file__).resolve().parents[3] / "data" / "curated" / "quotes.ttl"
NOT_VERIFIED = "not found in the page text"


@dataclass
class Candidate:
    report: dict[str, str]
    inspection: str
    page_number: int
    start: int
    end: int
    text: str
    exact: str
    prefix: str
    suffix: str
    topics: set[str] = field(default_factory=set)


def _iri(path: str) -> URIRef:
    return URIRef(PLACEHOLDER_BASE + path)


def _read_reports(sources: Path) -> tuple[dict[str, list[str]], dict[str, dict[str, str]]]:
    pages: dict[str, list[str]] = {}
    index: dict[str, dict[str, str]] = {}
    path = sources / "data-sources" / "report_text" / "ofsted_report_texts.jsonl.xz"
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            pages[record["report_id"]] = record["pages"]
            index[record["report_id"]] = {k: str(v) for k, v in record.items() if k != "pages"}
    return pages, index


def _authority_names(sources: Path) -> dict[str, str]:
    path = sources / "data-sources" / "derived" / "la_crosswalk_derived.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["gss_code"]: row["la_name"] for row in csv.DictReader(handle)}


def _report_name(report: dict[str, str], names: dict[str, str]) -> str:
    authority = names.get(report["gss_code"]) or report["la_folder_name"].title()
    date = report["publication_date_from_filename"]
    return f"the {authority} {report['report_category']} report published {date}"


def _candidates(
    sources: Path,
    report_to_inspection: dict[str, str],
    counts: Counter[str],
    raw_pages: dict[str, list[str]],
    index: dict[str, dict[str, str]],
) -> list[Candidate]:
    lexicon = Lexicon(text for pages in raw_pages.values() for text in pages)
    made: dict[tuple[str, int], Page] = {}
    headers = {rid: header_lines(pages) for rid, pages in raw_pages.items()}
    out: list[Candidate] = []
    path = sources / "data-sources" / "report_text" / "report_sentences_by_topic.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        counts["sentences read"] += 1
        report_id = row["report_id"]
        inspection = report_to_inspection.get(report_id)
        if inspection is None:
            counts[f"rejected: {NO_INSPECTION}"] += 1
            continue
        number = int(row["pdf_page"])
        key = (report_id, number)
        if key not in made:
            report_pages = raw_pages[report_id]
            previous = report_pages[number - 2] if number > 1 else None
            made[key] = _make_page(report_pages[number - 1], headers[report_id], previous)
        page = made[key]
        start = page.text.find(row["sentence"])
        if start < 0:
            counts[f"rejected: {NOT_VERIFIED}"] += 1
            continue
        pieces = cut(page, start, start + len(row["sentence"]), row["topics"].split(";"))
        for piece in pieces:
            if isinstance(piece, str):
                counts[f"rejected: {piece}"] += 1
                continue
            candidate = _candidate(page, piece, lexicon, index[report_id], inspection, number)
            exact_in_page = candidate.exact in " ".join(raw_pages[report_id][number - 1].split())
            if not exact_in_page or not matches_exact(candidate.text, candidate.exact):
                counts[f"rejected: {NOT_VERIFIED}"] += 1
                continue
            for reason in dict.fromkeys(piece.recuts):
                counts[f"re-cut: {reason}"] += 1
            if piece.recuts:
                counts["re-cut sentences"] += 1
            if candidate.text != candidate.exact:
                counts["hyphenation normalised"] += 1
            if not piece.recuts and candidate.exact == row["sentence"]:
                counts["sentence unchanged"] += 1
            out.append(candidate)
    return out


def _candidate(
    page: Page, piece: Cut, lexicon: Lexicon, report: dict[str, str], inspection: str, number: int
) -> Candidate:
    text = page.text
    return Candidate(
        report=report,
        inspection=inspection,
        page_number=number,
        start=piece.start,
        end=piece.end,
        text=dehyphenate(page, piece.start, piece.end, lexicon),
        exact=text[piece.start : piece.end],
        prefix=text[max(0, piece.start - CONTEXT) : piece.start],
        suffix=text[piece.end : piece.end + CONTEXT],
        topics=set(piece.topics),
    )


def _merge(candidates: list[Candidate], counts: Counter[str]) -> dict[str, list[Candidate]]:
    """One quote per distinct text within an inspection, ordered as in the report."""
    merged: dict[tuple[str, str], Candidate] = {}
    order = sorted(
        candidates,
        key=lambda c: (
            c.inspection,
            c.report["publication_date_from_filename"],
            c.report["report_id"],
            c.page_number,
            c.start,
            c.end,
        ),
    )
    for candidate in order:
        key = (candidate.inspection, candidate.text)
        if key in merged:
            merged[key].topics |= candidate.topics
            counts["duplicates merged"] += 1
        else:
            merged[key] = candidate
    by_inspection: dict[str, list[Candidate]] = {}
    for candidate in merged.values():
        by_inspection.setdefault(candidate.inspection, []).append(candidate)
    return by_inspection


def _add_quote(
    graph: Graph, quote: Candidate, n: int, names: dict[str, str], counts: Counter[str]
) -> None:
    iri = _iri(f"{quote.inspection}/quote/{n}")
    report = quote.report
    graph.add((iri, RDF.type, LACS.Quote))
    graph.add(
        (iri, RDFS.label, Literal(f"Quote {n} from {_report_name(report, names)}", lang="en"))
    )
    graph.add((iri, LACS.text, Literal(quote.text)))
    graph.add((iri, LACS.quotedFrom, _iri(quote.inspection)))
    graph.add((iri, LACS.position, Literal(n, datatype=XSD.integer)))
    graph.add((iri, LACS.pdfPage, Literal(quote.page_number, datatype=XSD.integer)))
    for topic in sorted(quote.topics):
        graph.add((iri, LACS.topic, _iri(f"def/topic/{TOPIC_SLUGS[topic]}")))
    if report.get("pdf_url"):
        graph.add((iri, DCTERMS.source, URIRef(report["pdf_url"])))
    else:
        citation = f"Ofsted, {_report_name(report, names)[4:]}, page {quote.page_number}"
        graph.add((iri, DCTERMS.bibliographicCitation, Literal(citation, lang="en")))
    selector = _iri(f"{quote.inspection}/quote/{n}/selector")
    graph.add((iri, LACS.selector, selector))
    graph.add((selector, RDF.type, OA.TextQuoteSelector))
    graph.add((selector, OA.exact, Literal(quote.exact)))
    for prop, context in ((OA.prefix, quote.prefix), (OA.suffix, quote.suffix)):
        if context:  # none before the page's first word or after its last
            graph.add((selector, prop, Literal(context)))
    facts = ReportFacts(
        inspection=quote.inspection,
        published=report["publication_date_from_filename"],
        topics=frozenset(TOPIC_SLUGS[t] for t in quote.topics),
        text=quote.text,
    )
    for k, (rule, clause) in enumerate(rules_for(facts), start=1):
        link = _iri(f"{quote.inspection}/quote/{n}/link/{k}")
        graph.add((iri, LACS.governedBy, _iri(clause)))
        graph.add((iri, LACS.governanceLink, link))
        graph.add((link, RDF.type, LACS.GovernanceLink))
        graph.add((link, LACS.linkedClause, _iri(clause)))
        graph.add((link, LACS.linkMethod, _iri("def/link-method/derived")))
        graph.add((link, LACS.linkRule, _iri(f"def/link-rule/{rule.slug}")))
        counts[f"derived links: {rule.slug}"] += 1


def build(
    sources: Path,
    report_to_inspection: dict[str, str],
    *,
    curated_quotes_path: Path | None = CURATED_QUOTES,
) -> tuple[Graph, dict[str, int]]:
    """Quotes (lacs:Quote) from the report sentences that `report_to_inspection`
    places at an inspection; `sources` is the folder holding data-sources/.

    Counts: "sentences read"; "quotes minted" (each verified as a contiguous
    run of its page, so also "verified exact"); "sentence unchanged" (quoted
    exactly as the sentence file has it); "re-cut: <reason>" and "rejected:
    <reason>" per sentence piece; "duplicates merged"; "already a curated
    quote"; "hyphenation normalised"; "derived links: <rule slug>"."""
    counts: Counter[str] = Counter()
    for key in ("sentences read", "quotes minted", "duplicates merged", "re-cut sentences"):
        counts[key] = 0
    for rule in RULES:
        counts[f"derived links: {rule.slug}"] = 0
    raw_pages, index = _read_reports(sources)
    candidates = _candidates(sources, report_to_inspection, counts, raw_pages, index)
    names = _authority_names(sources)
    curated = curated_quotes(curated_quotes_path)
    reports: dict[str, list[str]] = {}
    for report_id in sorted(
        report_to_inspection, key=lambda r: (index[r]["publication_date_from_filename"], r)
    ):
        if report_id in raw_pages:
            reports.setdefault(report_to_inspection[report_id], []).append(report_id)
    graph = Graph()
    graph.bind("lacs", LACS)
    graph.bind("oa", OA)
    graph.bind("dcterms", DCTERMS)
    merged = _merge(candidates, counts)
    for inspection in sorted(set(merged) | set(curated)):
        held = reports.get(inspection, [])
        placed = [
            Placed(held.index(q.report["report_id"]), q.page_number, q.start, q.text, q.exact, q)
            for q in merged.get(inspection, [])
        ]
        texts = [raw_pages[r] for r in held]
        for n, quote in numbered(inspection, placed, curated.get(inspection, []), texts, counts):
            _add_quote(graph, quote, n, names, counts)
            counts["quotes minted"] += 1
    counts["verified exact"] = counts["quotes minted"]
    return graph, dict(sorted(counts.items()))
