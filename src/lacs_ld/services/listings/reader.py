"""Answering a list page from the snapshot's file: an indexed range, counts by SQL.

A page costs a few indexed lookups whatever the size of the list: its rows are a range of
the precomputed order, a filter is a lookup in the facet index, and the counts of an
unfiltered list were taken when the file was written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from lacs_ld.services.listings.catalogue import PAGE_SIZE
from lacs_ld.services.listings.connection import Readonly
from lacs_ld.services.listings.filtering import check_filters, count_pages, facet_values
from lacs_ld.services.listings.labels import Labels
from lacs_ld.services.listings.model import Facet, FacetValue, Item, Page
from lacs_ld.services.listings.specs import SPECS


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
        db = self._db()
        first, count = self._ids(db, name)
        chosen_ids = self._value_ids(db, name, active)
        span = (first, first + count - 1)
        if len(active) > 1:
            sql, params = matching(chosen_ids, span)
            total = int(db.execute(f"SELECT COUNT(*) {sql}", params).fetchone()[0])
        else:
            total = chosen_ids[0][0] if active else count
        pages = count_pages(total, size, page, "this list has")
        start = (page - 1) * size

        def rows(limit: int = -1, offset: int = 0) -> list[Item]:
            if not active:
                found = db.execute(
                    "SELECT i.iri, i.label, i.fields, i.facets, i.links FROM orders o "
                    "JOIN items i ON i.id = o.item WHERE o.list = ? AND o.sort = ? "
                    "ORDER BY o.pos LIMIT ? OFFSET ?",
                    (name, chosen.key, limit, offset),
                )
                return [as_item(row) for row in found.fetchall()]
            # Only the row numbers are sorted; the rows shown are then read by number.
            joins = "CROSS JOIN orders o ON o.item = f.item AND o.sort = ?"
            sql, params = matching(chosen_ids, span, joins, [chosen.key])
            numbers = [
                n
                for (n,) in db.execute(
                    f"SELECT f.item {sql} ORDER BY o.pos LIMIT ? OFFSET ?", (*params, limit, offset)
                ).fetchall()
            ]
            return [as_item(row) for row in read_items(db, numbers)]

        return Page(
            spec=spec,
            items=rows(size, start),
            total=total,
            number=page,
            pages=pages,
            size=size,
            sort=chosen.key,
            filters=active,
            facets={
                f.name: self._counts(db, name, f, active, chosen_ids, span) for f in spec.facets
            },
            everything=rows,
        )

    def _counts(
        self,
        db: sqlite3.Connection,
        name: str,
        facet: Facet,
        active: Mapping[str, str],
        ids: list[tuple[int, int]],
        span: tuple[int, int],
    ) -> list[FacetValue]:
        """How many rows matching the *other* filters have each value of the facet."""
        others = [n for n, key in zip(ids, sorted(active), strict=True) if key != facet.name]
        if len(others) == 1:
            found = db.execute(
                "SELECT v.value, v.label, p.count FROM pairs p "
                "JOIN facet_values v ON v.id = p.value AND v.facet = ? "
                "WHERE p.list = ? AND p.chosen = ?",
                (facet.name, name, others[0][1]),
            )
        elif others:
            joins = (
                "CROSS JOIN item_values x ON x.item = f.item "
                "JOIN facet_values v ON v.id = x.value AND v.facet = ?"
            )
            sql, params = matching(others, span, joins, [facet.name])
            found = db.execute(f"SELECT v.value, v.label, COUNT(*) {sql} GROUP BY x.value", params)
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

    @staticmethod
    def _value_ids(
        db: sqlite3.Connection, name: str, active: Mapping[str, str]
    ) -> list[tuple[int, int]]:
        """Each chosen value (in facet-name order) as (rows of the list having it, its number)."""
        found = []
        for facet in sorted(active):
            row = db.execute(
                "SELECT v.id, COALESCE(t.count, 0) FROM facet_values v LEFT JOIN totals t "
                "ON t.value = v.id AND t.list = ? WHERE v.facet = ? AND v.value = ?",
                (name, facet, active[facet]),
            ).fetchone()
            found.append((int(row[1]), int(row[0])))
        return found


def matching(
    chosen: list[tuple[int, int]],
    span: tuple[int, int],
    joins: str = "",
    join_params: Sequence[Any] = (),
) -> tuple[str, list[Any]]:
    """`FROM … WHERE …` for the rows (numbered within `span`) that have every chosen value.

    The rarest value drives (an index range), the others are checked row by row, so the
    work follows the smallest filter, not the length of the list.
    """
    driver, *rest = sorted(chosen)
    sql = f"FROM item_values f {joins} WHERE f.value = ? AND f.item BETWEEN ? AND ?"
    params: list[Any] = [*join_params, driver[1], *span]
    for _, value in rest:
        sql += " AND EXISTS (SELECT 1 FROM item_values y WHERE y.item = f.item AND y.value = ?)"
        params.append(value)
    return sql, params


def read_items(db: sqlite3.Connection, numbers: list[int]) -> list[tuple[str, str, str, str, str]]:
    """The stored rows with these numbers, in the order given."""
    found: dict[int, tuple[str, str, str, str, str]] = {}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for n, iri, label, fields, facets, links in db.execute(
            f"SELECT id, iri, label, fields, facets, links FROM items WHERE id IN ({marks})", chunk
        ):
            found[n] = (iri, label, fields, facets, links)
    return [found[n] for n in numbers]


def as_item(row: tuple[str, str, str, str, str]) -> Item:
    iri, label, fields, facets, links = row
    return Item(
        iri=iri,
        label=label,
        fields=json.loads(fields),
        facets={k: tuple(v) for k, v in json.loads(facets).items()},
        links=json.loads(links),
    )
