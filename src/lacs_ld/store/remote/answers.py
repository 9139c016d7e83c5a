"""The store's SELECT and ASK answers, read the same whichever store gave them.

They are asked for as SPARQL XML (SPARQL 1.1 Query Results XML Format): the one format every
tested store writes without loss. Virtuoso 7.2 writes `"true"^^xsd:boolean` as `1` in its
JSON and as a bare `1` in its TSV, and drops the datatype of `xsd:gYear` in TSV; its XML is
exact. Virtuoso also answers an ASK as a SELECT of one variable, `__ASK_RETVAL`, bound to `1`
or `0` (or to nothing), which is read here as the boolean it stands for.
"""

from __future__ import annotations

import pyoxigraph as ox

from lacs_ld.errors import StoreUnavailable

XML = "application/sparql-results+xml"
ASK_VARIABLE = "__ASK_RETVAL"


def solutions(body: bytes) -> ox.QuerySolutions:
    """A SELECT answer."""
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
    if not isinstance(parsed, ox.QuerySolutions):
        raise StoreUnavailable("the SPARQL store answered a SELECT with a boolean")
    return parsed


def boolean(body: bytes) -> ox.QueryBoolean:
    """An ASK answer, from a SPARQL boolean or from Virtuoso's one-variable SELECT."""
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
    if isinstance(parsed, ox.QueryBoolean):
        return parsed
    if [v.value for v in parsed.variables] != [ASK_VARIABLE]:
        raise StoreUnavailable("the SPARQL store answered an ASK with a table")
    rows = [row[ASK_VARIABLE] for row in parsed]
    value = bool(rows) and isinstance(rows[0], ox.Literal) and rows[0].value not in ("0", "false")
    return fresh(value)


def fresh(value: bool) -> ox.QueryBoolean:
    """A boolean answer to serialise (parsed anew: an answer is read once)."""
    parsed = ox.parse_query_results(
        f'{{"head": {{}}, "boolean": {"true" if value else "false"}}}'.encode(),
        format=ox.QueryResultsFormat.JSON,
    )
    assert isinstance(parsed, ox.QueryBoolean)
    return parsed
