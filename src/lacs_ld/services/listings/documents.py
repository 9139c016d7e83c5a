"""Reading the guidance list (with its clauses) and the quotes list from one snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from lacs_ld.services.listings.model import Item
from lacs_ld.services.listings.rows import first_rows, run, text
from lacs_ld.services.listings.terms import Terms, one, slug, tail, year
from lacs_ld.store import Reader


@dataclass(frozen=True)
class Clauses:
    """The guidance clauses: their label and text, their labels alone, how many per document."""

    texts: dict[str, tuple[str, str]]
    labels: dict[str, str]
    per_document: dict[str, int]


def read_clauses(store: Reader, base: str) -> Clauses:
    """Every guidance clause, once."""
    clauses = Clauses({}, {}, {})
    for iri, row in first_rows(run(store, "list-clauses", base), "clause"):
        clauses.texts[iri] = (text(row, "label") or iri, text(row, "text"))
        clauses.labels[iri] = text(row, "label") or iri
        document = text(row, "document")
        clauses.per_document[document] = clauses.per_document.get(document, 0) + 1
    return clauses


def guidance_items(store: Reader, base: str, clauses: Clauses, terms: Terms) -> list[Item]:
    """The guidance list: statutory guidance and the other documents quotes come from."""
    items: list[Item] = []
    for iri, row in first_rows(run(store, "list-guidance", base), "document"):
        kind = text(row, "kind")
        terms.note("type", kind, "Guidance" if kind == "guidance" else "Other source document")
        publisher = text(row, "publisher")
        publisher_slug = slug(publisher)
        terms.note("publisher", publisher_slug, publisher)
        items.append(
            Item(
                iri=iri,
                label=text(row, "title") or text(row, "label") or iri,
                fields={
                    "type": "Guidance" if kind == "guidance" else "Source document",
                    "publisher": publisher,
                    "issued": text(row, "issued"),
                    "clauses": str(clauses.per_document.get(iri, 0)),
                    "statutory": text(row, "statutory"),
                },
                facets={"type": (kind,), "publisher": one(publisher_slug)},
            )
        )
    return items


def quote_items(
    store: Reader,
    base: str,
    terms: Terms,
    *,
    authorities: dict[str, dict[str, str]],
    inspections: dict[str, dict[str, str]],
    documents: dict[str, Item],
    clauses: Clauses,
) -> list[Item]:
    """The quotes list, each with its source, topics and the clauses that govern it."""
    topics: dict[str, list[str]] = {}
    for tagged in run(store, "list-quote-topics", base):
        topics.setdefault(text(tagged, "quote"), []).append(text(tagged, "topic"))
    links: dict[str, list[tuple[str, str]]] = {}
    for link in run(store, "list-quote-links", base):
        links.setdefault(text(link, "quote"), []).append(
            (text(link, "clause"), text(link, "method"))
        )
    items: list[Item] = []
    for iri, row in first_rows(run(store, "list-quotes", base), "quote"):
        source = text(row, "source")
        authority_iri = text(row, "authority")
        authority = authorities.get(authority_iri, {})
        gss = authority.get("gss", "") if authority_iri else ""
        if gss:
            terms.note("authority", gss, authority.get("facet", gss))
        issued = text(row, "issued")
        framework = text(row, "framework")
        source_label = (
            inspections[source]["label"]
            if source in inspections
            else documents[source].label
            if source in documents
            else source
        )
        quote_links = sorted(set(links.get(iri, [])))
        clause_slugs = tuple(
            sorted(
                {
                    terms.note("clause", tail(c, "id/guidance/"), clauses.labels.get(c, c))
                    for c, _ in quote_links
                }
            )
        )
        methods = tuple(sorted({terms.scheme_slug("method", m) for _, m in quote_links if m}))
        topic_slugs = tuple(sorted({terms.scheme_slug("topic", t) for t in topics.get(iri, [])}))
        region = authority.get("region", "")
        items.append(
            Item(
                iri=iri,
                label=text(row, "label") or iri,
                fields={
                    "text": text(row, "text"),
                    "source": source_label,
                    "date": issued,
                    "authority": authority.get("label", ""),
                    "topics": "; ".join(terms.labels["topic"][t] for t in topic_slugs),
                    "clauses": "; ".join(
                        clauses.labels.get(c, c) for c in sorted({c for c, _ in quote_links})
                    ),
                },
                facets={
                    "topic": topic_slugs,
                    "framework": one(terms.scheme_slug("framework", terms.broad(framework)))
                    if framework
                    else (),
                    "year": one(terms.note("year", year(issued), year(issued))),
                    "authority": one(gss),
                    "region": one(terms.scheme_slug("region", region)),
                    "clause": clause_slugs,
                    "method": methods,
                },
                links={"source": source, "authority": authority_iri},
            )
        )
    return items
