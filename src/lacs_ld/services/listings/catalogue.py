"""One snapshot's list rows, read once from the store, to be written into the snapshot's file."""

from __future__ import annotations

from dataclasses import dataclass

from lacs_ld.services.listings.model import Item

PAGE_SIZE = 50


@dataclass
class Catalogue:
    """Everything the lists and the search need from one snapshot, read once."""

    key: str
    base: str
    items: dict[str, list[Item]]
    labels: dict[str, dict[str, str]]  # facet name -> value -> label
    clause_texts: dict[str, tuple[str, str]]  # clause IRI -> (label, text)
    counts: dict[str, int]  # class IRI -> resources in the data graph
