"""Concept labels and broader links, and the label each facet value is shown with."""

from __future__ import annotations

import re

from lacs_ld.services.listings.rows import run, text
from lacs_ld.store import Reader


class Terms:
    """The concepts of one snapshot, and the facet values noted while its rows are read.

    The first label noted for a facet value is the one it is shown with.
    """

    def __init__(self, concepts: dict[str, tuple[str, str, str]]) -> None:
        self.concepts = concepts  # iri -> (label, broader, rank)
        self.labels: dict[str, dict[str, str]] = {}  # facet name -> value -> label

    @classmethod
    def read(cls, store: Reader, base: str) -> Terms:
        """The concepts of the store, merging the rows each concept's several labels give."""
        concepts: dict[str, tuple[str, str, str]] = {}
        for row in run(store, "list-concepts", base):
            iri = text(row, "concept")
            label, broader, rank = concepts.get(iri, ("", "", ""))
            concepts[iri] = (
                label or text(row, "label"),
                broader or text(row, "broader"),
                rank or text(row, "rank"),
            )
        return cls(concepts)

    def concept_label(self, iri: str) -> str:
        """A concept's label, or the last segment of its IRI when it has none."""
        return self.concepts.get(iri, ("", "", ""))[0] or iri.rsplit("/", 1)[-1]

    def broad(self, iri: str) -> str:
        """The top of a concept's broader chain (a framework's family), cycles stopped."""
        seen = {iri}
        while True:
            parent = self.concepts.get(iri, ("", "", ""))[1]
            if not parent or parent in seen:
                return iri
            seen.add(parent)
            iri = parent

    def note(self, facet: str, value: str, label: str) -> str:
        """Record a facet value's label (the first one wins) and give the value back."""
        if value:
            self.labels.setdefault(facet, {}).setdefault(value, label or value)
        return value

    def scheme_slug(self, facet: str, iri: str) -> str:
        """A concept as a facet value: the last segment of its IRI, noted with its label."""
        return self.note(facet, iri.rsplit("/", 1)[-1], self.concept_label(iri)) if iri else ""


def one(value: str) -> tuple[str, ...]:
    """A single facet value as the tuple of values an item has, none when empty."""
    return (value,) if value else ()


def slug(label: str) -> str:
    """A facet value made from free text (a publisher's name)."""
    return re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")


def tail(iri: str, marker: str) -> str:
    """What follows `marker` in an IRI, or the whole IRI when it is absent."""
    index = iri.find(marker)
    return iri[index + len(marker) :] if index >= 0 else iri


def year(value: str) -> str:
    """The year of an `xsd:date` text, empty when it does not start with one."""
    return value[:4] if len(value) >= 4 and value[:4].isdigit() else ""
