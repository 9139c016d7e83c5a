"""Writing a catalogue into SQLite tables: rows, each documented order, facet values, labels.

Everything a list page needs is precomputed here, once per snapshot: the position of every
row in every documented order (so a page is an indexed range), each row's facet values
(so a filter is an index lookup), and the facet counts of the unfiltered list.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping

from lacs_ld.services.listings.catalogue import Catalogue
from lacs_ld.services.listings.filtering import Faceted
from lacs_ld.services.listings.specs import SPECS

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE items(
  id INTEGER PRIMARY KEY, list TEXT NOT NULL, iri TEXT NOT NULL, label TEXT NOT NULL,
  fields TEXT NOT NULL, facets TEXT NOT NULL, links TEXT NOT NULL);
CREATE TABLE orders(
  list TEXT NOT NULL, sort TEXT NOT NULL, pos INTEGER NOT NULL, item INTEGER NOT NULL,
  PRIMARY KEY (list, sort, pos)) WITHOUT ROWID;
CREATE INDEX orders_by_item ON orders(item, sort, pos);
CREATE TABLE facet_values(
  id INTEGER PRIMARY KEY, facet TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL,
  UNIQUE (facet, value));
CREATE TABLE item_values(item INTEGER NOT NULL, value INTEGER NOT NULL,
  PRIMARY KEY (item, value)) WITHOUT ROWID;
CREATE INDEX item_values_by_value ON item_values(value, item);
CREATE TABLE totals(list TEXT NOT NULL, value INTEGER NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY (list, value)) WITHOUT ROWID;
CREATE TABLE pairs(list TEXT NOT NULL, chosen INTEGER NOT NULL, value INTEGER NOT NULL,
  count INTEGER NOT NULL, PRIMARY KEY (list, chosen, value)) WITHOUT ROWID;
"""


def write_lists(db: sqlite3.Connection, catalogue: Catalogue) -> None:
    """The catalogue's lists, orders, facets, labels and class counts, into an empty file."""
    db.executescript(SCHEMA)
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("key", catalogue.key),
            ("base", catalogue.base),
            ("counts", json.dumps(catalogue.counts, sort_keys=True)),
            *((f"rows:{name}", str(len(items))) for name, items in catalogue.items.items()),
        ],
    )
    ids: dict[tuple[str, str], int] = {}
    for name, items in catalogue.items.items():
        for item in items:
            ids[(name, item.iri)] = len(ids) + 1
    db.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)", _items(catalogue, ids))
    for name, items in catalogue.items.items():
        first = ids[(name, items[0].iri)] if items else 0
        db.execute("INSERT INTO meta VALUES (?, ?)", (f"ids:{name}", f"{first} {len(items)}"))
        for sort in SPECS[name].sorts:
            ordered = sorted(items, key=sort.order, reverse=sort.reverse)
            db.executemany(
                "INSERT INTO orders VALUES (?, ?, ?, ?)",
                ((name, sort.key, n, ids[(name, i.iri)]) for n, i in enumerate(ordered)),
            )
    values = value_ids(db, "facet_values", catalogue.labels, catalogue.items.values())
    db.executemany(
        "INSERT OR IGNORE INTO item_values VALUES (?, ?)",
        (
            (ids[(name, item.iri)], values[(facet, value)])
            for name, items in catalogue.items.items()
            for item in items
            for facet, chosen in item.facets.items()
            for value in chosen
        ),
    )
    db.execute(
        "INSERT INTO totals SELECT i.list, x.value, COUNT(*) FROM item_values x "
        "JOIN items i ON i.id = x.item GROUP BY i.list, x.value"
    )
    # The counts under one filter, the commonest request after none: for every value, how
    # many rows of the list having it have each other value.
    db.execute(
        "INSERT INTO pairs SELECT i.list, a.value, b.value, COUNT(*) FROM item_values a "
        "JOIN item_values b ON b.item = a.item JOIN items i ON i.id = a.item "
        "GROUP BY i.list, a.value, b.value"
    )


def value_ids(
    db: sqlite3.Connection,
    table: str,
    labels: Mapping[str, Mapping[str, str]],
    rows: Iterable[Iterable[Faceted]],
) -> dict[tuple[str, str], int]:
    """Number every facet value (labelled or found on a row) into `table`; the numbers.

    Counting and filtering by small whole numbers is several times faster than by text.
    """
    named = {(f, v): label for f, values in labels.items() for v, label in values.items()}
    for group in rows:
        for row in group:
            for facet, chosen in row.facets.items():
                for value in chosen:
                    named.setdefault((facet, value), value)
    ordered = sorted(named)
    db.executemany(
        f"INSERT INTO {table}(id, facet, value, label) VALUES (?, ?, ?, ?)",
        ((n, f, v, named[(f, v)]) for n, (f, v) in enumerate(ordered, start=1)),
    )
    return {key: n for n, key in enumerate(ordered, start=1)}


def _items(
    catalogue: Catalogue, ids: dict[tuple[str, str], int]
) -> Iterator[tuple[int, str, str, str, str, str, str]]:
    for name, items in catalogue.items.items():
        for item in items:
            yield (
                ids[(name, item.iri)],
                name,
                item.iri,
                item.label,
                json.dumps(item.fields, ensure_ascii=False),
                json.dumps(item.facets, ensure_ascii=False),
                json.dumps(item.links, ensure_ascii=False),
            )
