"""Answering a list page from the snapshot's file: an indexed range, counts by SQL.

A page costs a few indexed lookups whatever the size of the list: its rows are a range of
the precomputed order, a filter is a lookup in the facet index, and the counts of an
unfiltered list were taken when the file was written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from lacs_ld.services.listings.catalogue import PAGE_SIZE
from lacs_ld.services.listings.connection import Readonly
from lacs_ld.services.listings.filtering import check_filters, count_pages, facet_values
from lacs_ld.services.listings.labels import Labels
from lacs_ld.services.listings.model import Facet, FacetValue, Item, Page
from lacs_ld.services.listings.specs import SPECS

Filter = tuple[str, list[Any]]


class ListReader:
    """The lists of one snapshot, answered from its file."""

    def __init__(self, db: Readonly) -> None:
        self._db = db
        self.labels = Labels(db)

    @property
    def counts(self) -> dict[str, int]:
        """How many resources of each class the data graph holds (for the home page)."""
        row = self._db().execute("SELECT value FROM meta WHERE key = 'counts'").fetchone()
        found: dict[str, int] = json.loads(row[0])
        return found

    def page(
        self,
        name: str,
        filters: Mapping[str, str],
        *,
        page: int = 1,
        sort: str | None = None,
        size: int = PAGE_SIZE,
    ) -> Page:
        """A page of a list; `ListingError` for bad filters, `PageNotFound` past the end."""
        spec = SPECS[name]
        chosen = spec.sort(sort)
        active = check_filters(spec.facets, filters, self.labels)
        where, params = narrowed(active)
        db = self._db()
        counted = (
            db.execute(
                f"SELECT COUNT(*) FROM orders o WHERE o.list = ? AND o.sort = ?{where}",
                (name, chosen.key, *params),
            )
            if active
            else db.execute("SELECT value FROM meta WHERE key = ?", (f"rows:{name}",))
        )
        total = int(counted.fetchone()[0])
        pages = count_pages(total, size, page, "this list has")
        start = (page - 1) * size

        def rows(limit: int = -1, offset: int = 0) -> list[Item]:
            found = db.execute(
                "SELECT i.iri, i.label, i.fields, i.facets, i.links FROM orders o "
                f"JOIN items i ON i.id = o.item WHERE o.list = ? AND o.sort = ?{where} "
                "ORDER BY o.pos LIMIT ? OFFSET ?",
                (name, chosen.key, *params, limit, offset),
            )
            return [as_item(row) for row in found.fetchall()]

        return Page(
            spec=spec,
            items=rows(size, start),
            total=total,
            number=page,
            pages=pages,
            size=size,
            sort=chosen.key,
            filters=active,
            facets={f.name: self._counts(db, name, f, active) for f in spec.facets},
            everything=rows,
        )

    def _counts(
        self, db: sqlite3.Connection, name: str, facet: Facet, active: Mapping[str, str]
    ) -> list[FacetValue]:
        """How many rows matching the *other* filters have each value of the facet."""
        others = {k: v for k, v in active.items() if k != facet.name}
        if others:
            first, count = self._ids(db, name)
            where, params = narrowed(others, column="x.item")
            found = db.execute(
                "SELECT v.value, v.label, COUNT(*) FROM item_values x "
                "JOIN facet_values v ON v.id = x.value "
                f"WHERE v.facet = ? AND x.item BETWEEN ? AND ?{where} GROUP BY x.value",
                (facet.name, first, first + count - 1, *params),
            )
        else:
            found = db.execute(
                "SELECT v.value, v.label, t.count FROM totals t "
                "JOIN facet_values v ON v.id = t.value WHERE t.list = ? AND v.facet = ?",
                (name, facet.name),
            )
        return facet_values(facet.name, found.fetchall(), active.get(facet.name))

    @staticmethod
    def _ids(db: sqlite3.Connection, name: str) -> tuple[int, int]:
        """The first row number of a list and how many rows it has (they are consecutive)."""
        row = db.execute("SELECT value FROM meta WHERE key = ?", (f"ids:{name}",)).fetchone()
        first, count = row[0].split()
        return int(first), int(count)


def narrowed(active: Mapping[str, str], column: str = "o.item") -> Filter:
    """SQL conditions keeping only the rows of `column` that have every chosen value."""
    where = ""
    params: list[Any] = []
    for facet, value in sorted(active.items()):
        where += (
            f" AND {column} IN (SELECT item FROM item_values WHERE value = "
            "(SELECT id FROM facet_values WHERE facet = ? AND value = ?))"
        )
        params += [facet, value]
    return where, params


def as_item(row: tuple[str, str, str, str, str]) -> Item:
    iri, label, fields, facets, links = row
    return Item(
        iri=iri,
        label=label,
        fields=json.loads(fields),
        facets={k: tuple(v) for k, v in json.loads(facets).items()},
        links=json.loads(links),
    )
