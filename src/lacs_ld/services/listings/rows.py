"""Reading a list query's rows: project IRIs bound, values as text, one row per thing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from rdflib import URIRef
from rdflib.term import Identifier

from lacs_ld import queries
from lacs_ld.store import Reader

_LACS_VAR = re.compile(r"\?lacs_([A-Za-z]+)")

Row = Mapping[str, Identifier]


def bindings_for(query: str, base: str, **extra: Identifier) -> dict[str, Identifier]:
    """Bind every `?lacs_X` variable of a query to `{base}def/lacs#X`, plus `extra`."""
    found: dict[str, Identifier] = {
        f"lacs_{name}": URIRef(f"{base}def/lacs#{name}")
        for line in query.splitlines()
        if not line.lstrip().startswith("#")
        for name in _LACS_VAR.findall(line)
    }
    found.update(extra)
    return found


def run(store: Reader, name: str, base: str, **extra: Identifier) -> list[dict[str, Identifier]]:
    """The rows of the named query `queries/{name}.rq`, project IRIs bound as terms."""
    query = queries.load(name)
    return store.select(query, bindings_for(query, base, **extra))


def text(row: Row, key: str) -> str:
    """A row's value as text, empty when unbound, so rows can be read without None checks."""
    value = row.get(key)
    return "" if value is None else str(value)


def first_rows(rows: Iterable[Row], key: str) -> Iterator[tuple[str, Row]]:
    """`(iri, row)` for the first row of each thing: a query repeats a thing per extra value."""
    seen: set[str] = set()
    for row in rows:
        iri = text(row, key)
        if iri in seen:
            continue
        seen.add(iri)
        yield iri, row
