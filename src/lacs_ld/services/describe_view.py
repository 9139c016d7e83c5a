"""What a person reads on a document's page, taken from the document's own graph.

Everything here is plain data for the templates: labels, links and numbers. Every IRI
is shown by its label and linked to its local page (things through their `id/` URI,
vocabulary terms through their `def/` URI).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.resources import Description, curie

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

    def extras(self) -> dict[str, Any]:
        s = self.d.subject
        lacs = self.lacs
        found: dict[str, Any] = {}
        kind = self.kind()
        if kind == "authority":
            timeline = []
            for inc in self.d.incoming:
                if inc.via == lacs.inspectedAuthority:
                    timeline = [self.summary(i) for i in inc.subjects]
            timeline.sort(key=lambda item: item["issued"], reverse=True)
            found["timeline"] = timeline
            found["region"] = self._terms(s, lacs.region)
            found["successors"] = [
                {**vars(self.term(o)), "date": self.text(o, lacs.inForceFrom)}
                for o in self.g.objects(s, DCTERMS.isReplacedBy)
            ]
            found["predecessors"] = [
                {**vars(self.term(o)), "date": self.text(o, lacs.inForceTo)}
                for o in self.g.objects(s, DCTERMS.replaces)
            ]
            found["in_force_from"] = self.text(s, lacs.inForceFrom)
            found["in_force_to"] = self.text(s, lacs.inForceTo)
        elif kind == "inspection":
            judgements = []
            for j in self.g.objects(s, lacs.judgement):
                area, grade = self.one(j, lacs.area), self.one(j, lacs.grade)
                judgements.append(
                    {
                        "area": self.term(area) if area is not None else None,
                        "grade": self.term(grade) if grade is not None else None,
                    }
                )
            judgements.sort(key=lambda j: "" if j["area"] is None else j["area"].slug)
            found["judgements"] = judgements
            found["report"] = self.text(s, lacs.report)
            found["overall"] = self._terms(s, lacs.overallJudgement)
            found["authority"] = self._terms(s, lacs.inspectedAuthority)
            found["issued"] = self.text(s, DCTERMS.issued)
        elif kind == "quote":
            found["text"] = self.text(s, lacs.text)
            found["source"] = self._terms(s, lacs.quotedFrom)
            pdf, page = self.text(s, DCTERMS.source), self.text(s, lacs.pdfPage)
            found["pdf"] = f"{pdf}#page={page}" if pdf and page else pdf
            found["page"] = page
            links = []
            for link in sorted(self.g.objects(s, lacs.governanceLink), key=str):
                clause = self.one(link, lacs.linkedClause)
                method = self.one(link, lacs.linkMethod)
                rule = self.one(link, lacs.linkRule)
                links.append(
                    {
                        "anchor": "link-" + str(link).rsplit("/", 1)[-1],
                        "clause": self.term(clause) if clause is not None else None,
                        "method": self.term(method) if method is not None else None,
                        "curated": method is not None and str(method).endswith("/curated"),
                        "reason": self.text(link, RDFS.comment),
                        "rule": self.term(rule) if rule is not None else None,
                        "rule_definition": self.text(rule, SKOS.definition) if rule else "",
                    }
                )
            found["links"] = links
            selector = self.one(s, lacs.selector)
            if selector is not None:
                oa = "http://www.w3.org/ns/oa#"
                found["selector"] = {
                    "prefix": self.text(selector, URIRef(oa + "prefix")),
                    "exact": self.text(selector, URIRef(oa + "exact")),
                    "suffix": self.text(selector, URIRef(oa + "suffix")),
                }
        elif kind == "clause":
            found["text"] = self.text(s, lacs.text)
            found["document"] = self._terms(s, DCTERMS.isPartOf)
            found["notation"] = self.text(s, SKOS.notation)
            found.update(self._governs())
        elif kind == "guidance":
            found.update(self._guidance())
        return found

    def _governs(self) -> dict[str, Any]:
        """What a clause's page says about the quotes it governs: counts by how linked."""
        tallies = [
            {
                "curated": str(t.method).endswith("/curated"),
                "method": self._named(t.method, t.method_label),
                "rule": self._named(t.rule, t.rule_label) if t.rule is not None else None,
                "count": t.count,
            }
            for t in self.d.tallies
        ]
        governed = next((i for i in self.d.incoming if i.via == self.lacs.governedBy), None)
        return {
            "tallies": tallies,
            "curated_count": sum(t["count"] for t in tallies if t["curated"]),
            "derived_count": sum(t["count"] for t in tallies if not t["curated"]),
            "governed_total": governed.total if governed else 0,
            "governed_shown": len(governed.subjects) if governed else 0,
            "governed_list": governed.list_url if governed else "",
        }

    def _named(self, node: URIRef, label: str) -> Term:
        found = self.term(node)
        if label:
            found.label = label
        return found

    def _guidance(self) -> dict[str, Any]:
        """What a guidance document's page shows: its facts, editions and clauses in order."""
        s, lacs = self.d.subject, self.lacs
        clauses = {c for c in self.g.objects(s, DCTERMS.hasPart)}
        clauses |= {c for c in self.g.subjects(DCTERMS.isPartOf, s)}
        ordered = sorted(clauses, key=lambda c: (_natural(self.text(c, SKOS.notation)), str(c)))
        return {
            "doc_title": self.text(s, DCTERMS.title),
            "publisher": [self.term(o) for o in self.g.objects(s, DCTERMS.publisher)],
            "issued": self.text(s, DCTERMS.issued),
            "released": self.text(s, lacs.releasedOn),
            "status": self.text(s, lacs["status"]),
            "statutory": self.text(s, lacs.statutory),
            "sources": self._terms(s, DCTERMS.source),
            "citation": self.text(s, DCTERMS.bibliographicCitation),
            "replaced_by": [
                {**vars(self.term(o)), "date": self.text(o, DCTERMS.issued)}
                for o in sorted(self.g.objects(s, DCTERMS.isReplacedBy), key=str)
            ],
            "replaces": [
                {**vars(self.term(o)), "date": self.text(o, DCTERMS.issued)}
                for o in sorted(self.g.objects(s, DCTERMS.replaces), key=str)
            ],
            "clauses": [
                {
                    "term": self.term(c),
                    "notation": self.text(c, SKOS.notation),
                    "text": self.text(c, lacs.text),
                    "anchor": "clause-" + str(c).rsplit("/", 1)[-1],
                }
                for c in ordered
            ],
        }

    def _terms(self, subject: Node, prop: URIRef) -> list[Term]:
        return [self.term(o) for o in self.g.objects(subject, prop)]


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key putting clause numbers in reading order: 2 before 10, 2.05 before 2.06."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.findall(r"\d+|[^\d.-]+", text)
    )


def page_context(description: Description, path: str, base: str) -> dict[str, Any]:
    """Everything the resource templates show."""
    view = View(description, base)
    types = [view.term(t) for t in description.graph.objects(description.subject, RDF.type)]
    query = description.queries[0] if description.queries else ""
    return {
        "subject": str(description.subject),
        "title": view.label(description.subject),
        "kind": view.kind(),
        "types": types,
        "outgoing": view.outgoing(),
        "incoming": view.incoming(),
        "extras": view.extras(),
        "formats": [
            {"label": f.label, "type": f.media_type, "href": uris.document(base, path, f.extension)}
            for f in DOCUMENT_FORMATS
        ],
        "cite": uris.thing(base, path),
        "queries": [
            {"text": q, "href": f"{base}sparql?query={quote(q, safe='')}"}
            for q in description.queries
        ],
        "query": query,
        "document_url": uris.document(base, path),
        "page": description.incoming[0].page if description.incoming else 1,
        "pager": _pager(description),
    }


def _pager(description: Description) -> list[dict[str, str]]:
    links: list[dict[str, str]] = []
    for inc in description.incoming[:1]:
        if inc.page > 1:
            links.append({"rel": "prev", "href": inc.page_url(inc.page - 1), "label": "previous"})
        if inc.page < inc.pages:
            links.append({"rel": "next", "href": inc.page_url(inc.page + 1), "label": "next"})
    return links
