"""Reading a document's own graph for a page: labels, links and the incoming lists.

Every IRI is shown by its label and linked to its local page (things through their
`id/` URI, vocabulary terms through their `def/` URI).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from lacs_ld import uris
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.describe.model import Description, Group, Term
from lacs_ld.services.describe.terms import curie
from lacs_ld.services.describe.words import (
    INVERSE_BY_KIND,
    SHOWN_ABOVE,
    SOURCE_SUFFIX,
    long_date,
    plain_words,
    source_label,
    words_for,
)

LABELS = (SKOS.prefLabel, RDFS.label, DCTERMS.title)
HIDDEN = {RDFS.label, SKOS.prefLabel, RDF.type}


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
        clause = self.one(node, self.lacs.linkedClause)
        if clause is not None:
            return self.link_label(node, clause)
        if isinstance(node, URIRef):
            text = str(node)
            named = source_label(text)
            if named:
                return named
            if not text.startswith(self.base):  # a page elsewhere: where it is, readably
                return unquote(text.split("://", 1)[-1])
            local = text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]
            return local or text
        return str(node)

    def link_label(self, link: Node, clause: Node) -> str:
        """A governance link as what it says: the clause, and how the link was made."""
        method, rule = self.one(link, self.lacs.linkMethod), self.one(link, self.lacs.linkRule)
        how = self.label(method) if method is not None else "linked"
        if rule is not None:
            how = f"derived by the rule {self.label(rule)}"
        return f"{self.label(clause)} — {how.lower()}"

    def property_label(self, prop: URIRef) -> str:
        """A property in words: the ontology's label, else the words table, else its name split."""
        own = self.one(prop, RDFS.label)
        if isinstance(own, Literal):
            return str(own)
        words = words_for(prop, str(self.lacs))
        if words is not None:
            return words.label
        return plain_words(self.label(prop))

    def inverse_label(self, prop: URIRef) -> str:
        """What links *here* through a property, in words: "Inspections of this authority"."""
        words = words_for(prop, str(self.lacs))
        if words is not None:
            return words.inverse
        return "Linking here as " + self.property_label(prop)

    def term(self, node: Node) -> Term:
        if isinstance(node, Literal):
            if node.datatype == XSD.date:
                return Term(long_date(str(node)), literal=True, datetime=str(node))
            if node.datatype == XSD.boolean:
                return Term("yes" if node.toPython() is True else "no", literal=True)
            return Term(str(node), literal=True, language=node.language)
        text = str(node)
        slug = text.rstrip("/").rsplit("/", 1)[-1]
        return Term(self.label(node), href=text, iri=text, slug=slug)

    def maybe_term(self, node: Node | None) -> Term | None:
        """`term(node)`, or None for a value the data does not give."""
        return None if node is None else self.term(node)

    def one(self, subject: Node, prop: URIRef) -> Node | None:
        return next(iter(self.g.objects(subject, prop)), None)

    def text(self, subject: Node, prop: URIRef) -> str:
        value = self.one(subject, prop)
        return str(value) if value is not None else ""

    def outgoing(self) -> list[Group]:
        """The facts about the thing not already shown above them, by property, in words."""
        groups: dict[URIRef, Group] = {}
        above = SHOWN_ABOVE.get(self.kind(), ())
        for prop, value in sorted(self.g.predicate_objects(self.d.subject)):
            if prop in HIDDEN or not isinstance(prop, URIRef):
                continue
            name = curie(self.ns, prop)
            if name in above:
                continue
            heading = Term(self.property_label(prop), href=str(prop), iri=str(prop))
            group = groups.setdefault(prop, Group(heading, name))
            group.values.append(self.term(value))
        for group in groups.values():
            group.values.sort(key=lambda t: t.label.lower())
        return sorted(groups.values(), key=lambda g: g.property.label.lower())

    def incoming(self) -> list[Group]:
        """What links here, by property, each headed by the property's inverse in words."""
        found = []
        above = SHOWN_ABOVE.get(self.kind() + " incoming", ())
        for inc in self.d.incoming:
            name = curie(self.ns, inc.via)
            if name in above:
                continue
            inverse = INVERSE_BY_KIND.get((self.kind(), name)) or self.inverse_label(inc.via)
            heading = Term(inverse, href=str(inc.via), iri=str(inc.via))
            group = Group(heading, name, total=inc.total)
            group.list_url = inc.list_url
            if inc.page < inc.pages:
                group.next_url = inc.page_url(inc.page + 1)
            group.items = [self.summary(s) for s in inc.subjects]
            if name == "lacs:quotedFrom":  # on its source's own page a quote needs only its number
                for item in group.items:
                    item["term"].label = SOURCE_SUFFIX.sub(r"\1", item["term"].label)
            found.append(group)
        return found

    def summary(self, node: Node) -> dict[str, Any]:
        """What a list shows of one linking thing: its name, date, grade and text."""
        grade = self.one(node, self.lacs.overallJudgement)
        framework = self.one(node, self.lacs.framework)
        return {
            "term": self.term(node),
            "text": self.text(node, self.lacs.text),
            "issued": self.text(node, DCTERMS.issued),
            "visited": self.text(node, self.lacs.startDate),
            "notation": self.text(node, SKOS.notation),
            "grade": self.maybe_term(grade),
            "framework": self.maybe_term(framework),
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
                    "method": self.maybe_term(method),
                    "rule": self.maybe_term(rule),
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
