"""Writing the search index into SQLite: an FTS5 table and each document's kind and facets.

Rowids follow `documents.prior` (by kind, newest first, then IRI): the order in which a
search meets its matches, so the bounded set it ranks (`matching`) holds the likeliest.
"""

from __future__ import annotations

import json
import sqlite3

from lacs_ld.services.listings import Catalogue
from lacs_ld.services.listings.tables import value_ids
from lacs_ld.services.search.documents import Doc, documents, facet_labels, prior
from lacs_ld.services.search.text import plain

# A thing named by the words searched for outranks passages that mention it; a title that is
# exactly the words searched for comes first of all (`plain`).
WEIGHTS = {"authority": 2.0}
# Each facet value a document has, as one token of its `tags` column: a filter is then one
# more term of the full-text match, which FTS5 intersects itself (see `matching`).
TAG = "lacsfacet"
TOKENIZER = "porter unicode61 remove_diacritics 2"
SCHEMA = f"""
CREATE VIRTUAL TABLE docs USING fts5(title, body, context, tags, tokenize = '{TOKENIZER}');
CREATE TABLE doc(id INTEGER PRIMARY KEY, iri TEXT NOT NULL, kind TEXT NOT NULL,
  weight REAL NOT NULL, plain TEXT NOT NULL, facets TEXT NOT NULL);
CREATE TABLE search_values(
  id INTEGER PRIMARY KEY, facet TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL,
  UNIQUE (facet, value));
CREATE TABLE doc_values(doc INTEGER NOT NULL, value INTEGER NOT NULL,
  PRIMARY KEY (doc, value)) WITHOUT ROWID;
CREATE INDEX doc_values_by_value ON doc_values(value, doc);
"""


def write_search(db: sqlite3.Connection, catalogue: Catalogue) -> int:
    """The catalogue's searchable documents, indexed, into a file holding no search yet."""
    db.executescript(SCHEMA)
    docs = sorted(documents(catalogue), key=prior)
    numbered = list(enumerate(docs, start=1))
    values = value_ids(db, "search_values", facet_labels(catalogue), [docs])
    db.executemany(
        "INSERT INTO docs(rowid, title, body, context, tags) VALUES (?, ?, ?, ?, ?)",
        ((n, d.title, d.body, d.context, tags(d, values)) for n, d in numbered),
    )
    db.executemany(
        "INSERT INTO doc VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                n,
                d.iri,
                d.kind,
                WEIGHTS.get(d.kind, 1.0),
                plain(d.title),
                json.dumps(d.facets, ensure_ascii=False),
            )
            for n, d in numbered
        ),
    )
    db.executemany(
        "INSERT OR IGNORE INTO doc_values VALUES (?, ?)",
        (
            (n, values[(facet, value)])
            for n, d in numbered
            for facet, chosen in d.facets.items()
            for value in chosen
        ),
    )
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    return len(docs)


def tags(doc: Doc, values: dict[tuple[str, str], int]) -> str:
    """The `tags` column of a document: a token for each of its facet values."""
    return " ".join(
        f"{TAG}{values[(facet, value)]}" for facet, chosen in doc.facets.items() for value in chosen
    )
