"""What a list is made of: its columns, facets, sorts and rows, a page of it, and its errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lacs_ld.errors import LacsError


class ListingError(LacsError):
    """A request for a list that cannot be answered as asked (HTTP 400)."""

    status = 400


class PageNotFound(LacsError):
    """A page past the end of a list (HTTP 404)."""

    status = 404


@dataclass(frozen=True)
class Facet:
    """A dimension a list can be filtered by, named as its query parameter is."""

    name: str
    label: str


@dataclass(frozen=True)
class Column:
    """A field shown for every row, named by its key in `Item.fields`."""

    key: str
    label: str


@dataclass
class Item:
    """One row of a list: the thing, what to show, and its facet values (slugs)."""

    iri: str
    label: str
    fields: dict[str, str]
    facets: dict[str, tuple[str, ...]]
    links: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Sort:
    """A documented order of a list, named by its `?sort=` key."""

    key: str
    label: str
    order: Callable[[Item], Any]
    reverse: bool = False


@dataclass(frozen=True)
class ListSpec:
    """What a list is: its columns, facets and the documented sort orders (first is default)."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    facets: tuple[Facet, ...]
    sorts: tuple[Sort, ...]

    def sort(self, key: str | None) -> Sort:
        """The order asked for by `?sort=`, the default when none; refused when unknown."""
        if not key:
            return self.sorts[0]
        for candidate in self.sorts:
            if candidate.key == key:
                return candidate
        known = ", ".join(s.key for s in self.sorts)
        raise ListingError(f"unknown sort {key[:40]!r}: sort by one of {known}")


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet as offered to the reader: how many rows have it, if it is chosen."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Page:
    """One page of a filtered, sorted list, with the facet counts of the filtered list."""

    spec: ListSpec
    items: list[Item]
    total: int
    number: int
    pages: int
    size: int
    sort: str
    filters: dict[str, str]
    facets: dict[str, list[FacetValue]]
    everything: Callable[[], list[Item]]  # every matching row, in order (for CSV)
