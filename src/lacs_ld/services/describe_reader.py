"""Reading a document's own graph for a page: labels, links and the incoming lists.

Every IRI is shown by its label and linked to its local page (things through their
`id/` URI, vocabulary terms through their `def/` URI).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from lacs_ld import uris
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.describe_model import Description
from lacs_ld.services.describe_terms import curie

LABELS = (SKOS.prefLabel, RDFS.label, DCTERMS.title)
HIDDEN = {RDFS.label, SKOS.prefLabel}


@dataclass
class Term:
    """An IRI or literal as shown: its label, and where it links."""

    label: str
    href: str | None = None
    iri: str | None = None
    slug: str = ""
    literal: bool = False
    language: str | None = None


@dataclass
class Group:
    """The values of one property, or the resources linking through one property."""

    property: Term
    curie: str
    values: list[Term] = field(default_factory=list)
    total: int = 0
    next_url: str | None = None
    list_url: str | None = None
    items: list[dict[str, Any]] = field(default_factory=list)


class View:
    """Reads a document graph for the templates."""

    def __init__(self, description: Description, base: str) -> None:
        self.d = description
        self.g: Graph = description.graph
        self.base = base
        self.ns = ProjectNamespaces(base)
        self.lacs = self.ns.lacs

    def label(self, node: Node) -> str:
        for prop in LABELS:
            for value in self.g.objects(node, prop):
                if isinstance(value, Literal) and value.language in (None, "en"):
                    return str(value)
        if isinstance(node, URIRef):
            text = str(node)
            local = text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]
            return local or text
        return str(node)

    def term(self, node: Node) -> Term:
        if isinstance(node, Literal):
            return Term(str(node), literal=True, language=node.language)
        text = str(node)
        slug = text.rstrip("/").rsplit("/", 1)[-1]
        return Term(self.label(node), href=text, iri=text, slug=slug)

    def one(self, subject: Node, prop: URIRef) -> Node | None:
        return next(iter(self.g.objects(subject, prop)), None)

    def text(self, subject: Node, prop: URIRef) -> str:
        value = self.one(subject, prop)
        return str(value) if value is not None else ""

    def outgoing(self) -> list[Group]:
        groups: dict[URIRef, Group] = {}
        for prop, value in sorted(self.g.predicate_objects(self.d.subject)):
            if prop in HIDDEN or not isinstance(prop, URIRef):
                continue
            group = groups.setdefault(prop, Group(self.term(prop), curie(self.ns, prop)))
            group.values.append(self.term(value))
        return sorted(groups.values(), key=lambda g: g.property.label.lower())

    def incoming(self) -> list[Group]:
        found = []
        for inc in self.d.incoming:
            group = Group(self.term(inc.via), curie(self.ns, inc.via), total=inc.total)
            group.list_url = inc.list_url
            if inc.page < inc.pages:
                group.next_url = inc.page_url(inc.page + 1)
            group.items = [self.summary(s) for s in inc.subjects]
            found.append(group)
        return found

    def summary(self, node: Node) -> dict[str, Any]:
        grade = self.one(node, self.lacs.overallJudgement)
        framework = self.one(node, self.lacs.framework)
        return {
            "term": self.term(node),
            "text": self.text(node, self.lacs.text),
            "issued": self.text(node, DCTERMS.issued),
            "notation": self.text(node, SKOS.notation),
            "grade": self.term(grade) if grade is not None else None,
            "framework": self.term(framework) if framework is not None else None,
            "page": self.text(node, self.lacs.pdfPage),
            "how": self.how_linked(node),
        }

    def how_linked(self, quote: Node) -> list[dict[str, Any]]:
        """How a quote's links to this document's clause were made (curated, or the rule)."""
        found = []
        for link in sorted(self.g.objects(quote, self.lacs.governanceLink), key=str):
            if (link, self.lacs.linkedClause, self.d.subject) not in self.g:
                continue
            method = self.one(link, self.lacs.linkMethod)
            rule = self.one(link, self.lacs.linkRule)
            found.append(
                {
                    "curated": method is not None and str(method).endswith("/curated"),
                    "method": self.term(method) if method is not None else None,
                    "rule": self.term(rule) if rule is not None else None,
                }
            )
        return found

    def kind(self) -> str:
        path = uris.thing_path_of(self.base, str(self.d.subject)) or ""
        parsed = uris.parse(path)
        kind = parsed.kind if parsed else "thing"
        return {"inspection-quote": "quote", "document-quote": "quote"}.get(kind, kind)

    def terms(self, subject: Node, prop: URIRef) -> list[Term]:
        return [self.term(o) for o in self.g.objects(subject, prop)]
