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

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, VOID, XSD
from rdflib.term import Identifier

from lacs_ld import queries, uris
from lacs_ld.formats import DOCUMENT_FORMATS
from lacs_ld.namespaces import HYDRA, OGL, ProjectNamespaces
from lacs_ld.store import Store

PAGE_SIZE = 50
LACS_TERMS = (
    "rank",
    "inForceFrom",
    "inForceTo",
    "selector",
    "governanceLink",
    "judgement",
    "text",
    "framework",
    "overallJudgement",
    "pdfPage",
    "position",
    "linkMethod",
    "linkRule",
    "linkedClause",
    "governedBy",
)
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")
_VARIABLE = re.compile(r"\?(lacs_\w+|this|p)\b")


@dataclass(frozen=True)
class Incoming:
    """The resources linking to a thing through one property: a count and one page."""

    via: URIRef
    total: int
    page: int
    size: int
    subjects: tuple[URIRef, ...]
    list_url: str

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def paged(self) -> bool:
        return self.total > self.size

    def page_url(self, page: int) -> str:
        return f"{self.list_url}&page={page}"


@dataclass(frozen=True)
class Tally:
    """How many quotes a clause governs through links made one way (curated, or by a rule)."""

    method: URIRef
    rule: URIRef | None
    count: int
    method_label: str = ""
    rule_label: str = ""


@dataclass(frozen=True)
class Description:
    """A document's graph, what it is about, its incoming pages and the queries that built it."""

    subject: URIRef
    document: URIRef
    graph: Graph
    incoming: tuple[Incoming, ...]
    queries: tuple[str, ...] = field(default=())
    tallies: tuple[Tally, ...] = field(default=())


def bindings_for(namespaces: ProjectNamespaces, **terms: Identifier) -> dict[str, Identifier]:
    """The project's terms as `?lacs_{name}` bindings, plus the given ones."""
    found: dict[str, Identifier] = {f"lacs_{t}": namespaces.lacs[t] for t in LACS_TERMS}
    found.update(terms)
    return found


def only_used(text: str, bindings: dict[str, Identifier]) -> dict[str, Identifier]:
    """The bindings a query text names (a store refuses to bind a variable it lacks)."""
    return {k: v for k, v in bindings.items() if re.search(rf"\?{k}\b", text)}


def display_query(text: str, bindings: dict[str, Identifier]) -> str:
    """A query as a person can run it in the editor: bound terms written in place.

    Only for showing: the service itself always runs the text with bound terms.
    """
    lines = [line for line in text.splitlines() if not line.startswith("VALUES (?lacs_")]
    shown = "\n".join(line for line in lines if "bound as terms by the caller" not in line)

    def term(match: re.Match[str]) -> str:
        value = bindings.get(match.group(1))
        return value.n3() if value is not None else match.group(0)

    return _VARIABLE.sub(term, shown).strip() + "\n"


def exists(store: Store, iri: URIRef) -> bool:
    """Whether the data says anything about this IRI as a subject."""
    return store.ask(queries.load("describe-exists"), {"this": iri})


def curie(namespaces: ProjectNamespaces, iri: URIRef) -> str:
    """A compact name for a property (`lacs:governedBy`), else the IRI itself."""
    for prefix, ns in namespaces.prefixes().items():
        if str(iri).startswith(ns) and re.fullmatch(r"[A-Za-z][\w-]*", str(iri)[len(ns) :]):
            return f"{prefix}:{str(iri)[len(ns) :]}"
    return str(iri)


def expand(namespaces: ProjectNamespaces, name: str) -> URIRef | None:
    """The property a `property=` parameter names (a compact name or an http(s) IRI)."""
    if name.startswith(("http://", "https://")):
        return URIRef(name) if _IRI.fullmatch(name) else None
    prefix, _, local = name.partition(":")
    ns = namespaces.prefixes().get(prefix)
    if ns is None or not re.fullmatch(r"[A-Za-z][\w-]*", local):
        return None
    return URIRef(ns + local)


def incoming_list_url(base: str, path: str, namespaces: ProjectNamespaces, prop: URIRef) -> str:
    """The paged list of what links to a thing through one property."""
    return (
        f"{uris.document(base, path)}/incoming?property={quote(curie(namespaces, prop), safe=':')}"
    )


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
                display_query(page_text, {"this": subject, "p": incoming[0].via})
                + f"LIMIT {self.page_size}\n"
            )
        self._about_document(graph, document, subject, path, modified)
        self._state_paging(graph, document, subject, incoming)
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
        collection = URIRef(found.list_url)
        graph.add((document, RDF.type, HYDRA.PartialCollectionView))
        graph.add((collection, HYDRA.view, document))
        graph.add((document, FOAF.primaryTopic, subject))
        graph.add((document, DCTERMS.license, URIRef(OGL)))
        graph.add((document, VOID.inDataset, URIRef(self.base + "id/dataset")))
        graph.add((document, DCTERMS.isPartOf, URIRef(uris.document(self.base, path))))
        if modified is not None:
            graph.add((document, DCTERMS.modified, Literal(modified.date(), datatype=XSD.date)))
        self._collection(graph, subject, found)
        self._view_links(graph, document, found, page)
        shown = (
            display_query(queries.load("describe-incoming-page"), {"this": subject, "p": prop})
            + f"LIMIT {self.page_size} OFFSET {(page - 1) * self.page_size}\n"
        )
        return Description(subject, document, graph, (found,), (shown,))

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
        rows = self.store.select(text, {"this": subject, "p": prop})
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

    def _about_document(
        self,
        graph: Graph,
        document: URIRef,
        subject: URIRef,
        path: str,
        modified: datetime | None,
    ) -> None:
        graph.add((document, RDF.type, FOAF.Document))
        graph.add((document, FOAF.primaryTopic, subject))
        graph.add((document, DCTERMS.license, URIRef(OGL)))
        graph.add((document, VOID.inDataset, URIRef(self.base + "id/dataset")))
        if modified is not None:
            graph.add((document, DCTERMS.modified, Literal(modified.date(), datatype=XSD.date)))
        for fmt in DOCUMENT_FORMATS:
            rendition = URIRef(uris.document(self.base, path, fmt.extension))
            graph.add((document, DCTERMS.hasFormat, rendition))
            graph.add((rendition, DCTERMS.format, Literal(fmt.media_type)))

    def _state_paging(
        self, graph: Graph, document: URIRef, subject: URIRef, incoming: list[Incoming]
    ) -> None:
        for found in incoming:
            if not found.paged:
                continue
            self._collection(graph, subject, found)
            graph.add((document, RDFS.seeAlso, URIRef(found.list_url)))
            first = URIRef(found.page_url(1))
            graph.add((URIRef(found.list_url), HYDRA.view, first))
            self._view_links(graph, first, found, 1)

    def _collection(self, graph: Graph, subject: URIRef, found: Incoming) -> None:
        collection = URIRef(found.list_url)
        graph.add((collection, RDF.type, HYDRA.Collection))
        graph.add((collection, HYDRA.totalItems, Literal(found.total)))
        manages = BNode()
        graph.add((collection, HYDRA.manages, manages))
        graph.add((manages, HYDRA.property, found.via))
        graph.add((manages, HYDRA.object, subject))

    def _view_links(self, graph: Graph, view: URIRef, found: Incoming, page: int) -> None:
        graph.add((view, RDF.type, HYDRA.PartialCollectionView))
        graph.add((view, HYDRA.first, URIRef(found.page_url(1))))
        graph.add((view, HYDRA.last, URIRef(found.page_url(found.pages))))
        if page > 1:
            graph.add((view, HYDRA.previous, URIRef(found.page_url(page - 1))))
        if page < found.pages:
            graph.add((view, HYDRA.next, URIRef(found.page_url(page + 1))))
