"""Documents about things: what the RDF for `{base}id/X` holds, bounded and paged.

A document holds every triple whose subject is X, the triples of X's sub-resources
(a quote's selector and governance links, an inspection's judgements), the labels of
every resource those triples mention and, for the resources that link *to* X, at most
`PAGE_SIZE` per property. When more link to X through one property than a page holds,
the document says so in RDF (a `hydra:Collection` with `hydra:totalItems` and a
`hydra:next` view); the rest are read page by page at
`{base}doc/X/incoming?property={curie}&page=N`. Nothing is dropped without saying so.

Every query binds X (and the project's terms) as RDF terms and starts from a bound
subject or object, so a document costs index lookups, never a scan of the dataset.
"""

from __future__ import annotations

from datetime import datetime

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Identifier

from lacs_ld import queries, uris
from lacs_ld.namespaces import HYDRA, ProjectNamespaces
from lacs_ld.services.describe.model import Description, Incoming, Tally
from lacs_ld.services.describe.paging import (
    about_document,
    about_page,
    collection,
    state_paging,
    view_links,
)
from lacs_ld.services.describe.terms import (
    bindings_for,
    display_query,
    exists,
    incoming_list_url,
    only_used,
)
from lacs_ld.store import Store

PAGE_SIZE = 50


class Describer:
    """Builds documents from the store under one base URI."""

    def __init__(self, store: Store, base: str, page_size: int = PAGE_SIZE) -> None:
        self.store = store
        self.base = base
        self.namespaces = ProjectNamespaces(base)
        self.page_size = page_size

    def describe(self, path: str, *, modified: datetime | None = None) -> Description | None:
        """The document about `{base}id/{path}`, or None when the data names no such thing."""
        subject = URIRef(uris.thing(self.base, path))
        if not exists(self.store, subject):
            return None
        document = URIRef(uris.document(self.base, path))
        bound = bindings_for(self.namespaces, this=subject)
        graph = self._graph()
        shown: list[str] = []
        for name in ("describe-outgoing", "describe-parts"):
            text = queries.load(name)
            graph += self.store.construct(text, only_used(text, bound))
            shown.append(display_query(text, bound))
        counts_text = queries.load("describe-incoming-counts")
        shown.append(display_query(counts_text, bound))
        incoming: list[Incoming] = []
        for row in self.store.select(counts_text, {"this": subject}):
            prop, total = row["p"], int(row["n"])
            assert isinstance(prop, URIRef)
            incoming.append(self._incoming(graph, path, subject, prop, total, 1))
        incoming.sort(key=lambda i: (-i.total, str(i.via)))
        parsed = uris.parse(path)
        kind = parsed.kind if parsed else ""
        tallies: tuple[Tally, ...] = ()
        if kind == "guidance":
            text = queries.load("describe-guidance-clauses")
            graph += self.store.construct(text, only_used(text, bound))
            shown.append(display_query(text, bound))
        elif kind == "clause":
            tallies = self.tallies(subject)
            shown.append(display_query(queries.load("describe-clause-links"), bound))
        if incoming:
            page_text = queries.load("describe-incoming-page")
            shown.append(
                display_query(page_text, self._page_bindings(subject, incoming[0].via))
                + f"LIMIT {self.page_size}\n"
            )
        about_document(graph, self.base, document, subject, path, modified)
        state_paging(graph, document, subject, incoming)
        return Description(subject, document, graph, tuple(incoming), tuple(shown), tallies)

    def tallies(self, clause: URIRef) -> tuple[Tally, ...]:
        """The quotes a clause governs, counted by how their links were made."""
        text = queries.load("describe-clause-links")
        found = []
        for row in self.store.select(
            text, only_used(text, bindings_for(self.namespaces, this=clause))
        ):
            method, rule = row.get("method"), row.get("rule")
            if isinstance(method, URIRef):
                found.append(
                    Tally(
                        method,
                        rule if isinstance(rule, URIRef) else None,
                        int(row["n"]),
                        str(row.get("methodLabel", "")),
                        str(row.get("ruleLabel", "")),
                    )
                )
        found.sort(key=lambda t: (not str(t.method).endswith("/curated"), -t.count, str(t.rule)))
        return tuple(found)

    def incoming_page(
        self, path: str, prop: URIRef, page: int, *, modified: datetime | None = None
    ) -> Description | None:
        """One page of what links to `{base}id/{path}` through `prop`; None past the end."""
        subject = URIRef(uris.thing(self.base, path))
        if not exists(self.store, subject):
            return None
        total = 0
        for row in self.store.select(queries.load("describe-incoming-counts"), {"this": subject}):
            if row["p"] == prop:
                total = int(row["n"])
        if page < 1 or (page - 1) * self.page_size >= max(total, 1):
            return None
        graph = self._graph()
        summary = queries.load("describe-summary")
        graph += self.store.construct(
            summary, only_used(summary, bindings_for(self.namespaces, s=subject))
        )
        found = self._incoming(graph, path, subject, prop, total, page)
        document = URIRef(found.page_url(page))
        graph.add((document, RDF.type, HYDRA.PartialCollectionView))
        graph.add((URIRef(found.list_url), HYDRA.view, document))
        about_page(graph, self.base, document, subject, path, modified)
        collection(graph, subject, found)
        view_links(graph, document, found, page)
        shown = (
            display_query(
                queries.load("describe-incoming-page"), self._page_bindings(subject, prop)
            )
            + f"LIMIT {self.page_size} OFFSET {(page - 1) * self.page_size}\n"
        )
        return Description(subject, document, graph, (found,), (shown,))

    def _page_bindings(self, subject: URIRef, prop: URIRef) -> dict[str, Identifier]:
        text = queries.load("describe-incoming-page")
        return only_used(text, bindings_for(self.namespaces, this=subject, p=prop))

    def _graph(self) -> Graph:
        graph = Graph()
        for prefix, ns in self.namespaces.prefixes().items():
            graph.bind(prefix, ns, override=True)
        return graph

    def _incoming(
        self, graph: Graph, path: str, subject: URIRef, prop: URIRef, total: int, page: int
    ) -> Incoming:
        text = queries.load("describe-incoming-page")
        text += f"LIMIT {self.page_size} OFFSET {(page - 1) * self.page_size}\n"
        rows = self.store.select(text, self._page_bindings(subject, prop))
        subjects = tuple(r["s"] for r in rows if isinstance(r["s"], URIRef))
        summary = queries.load("describe-summary")
        links = queries.load("describe-governance-link")
        for s in subjects:
            graph.add((s, prop, subject))
            graph += self.store.construct(
                summary, only_used(summary, bindings_for(self.namespaces, s=s))
            )
            if prop == self.namespaces.lacs.governedBy:
                graph += self.store.construct(
                    links, only_used(links, bindings_for(self.namespaces, s=s, this=subject))
                )
        return Incoming(
            prop,
            total,
            page,
            self.page_size,
            subjects,
            incoming_list_url(self.base, path, self.namespaces, prop),
        )
