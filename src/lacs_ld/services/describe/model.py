"""What a document about a thing is made of (its graph, incoming pages, tallies) and shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, URIRef


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


@dataclass
class Term:
    """An IRI or literal as shown: its label, and where it links."""

    label: str
    href: str | None = None
    iri: str | None = None
    slug: str = ""
    literal: bool = False
    language: str | None = None
    datetime: str | None = None
    title: str | None = None


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
