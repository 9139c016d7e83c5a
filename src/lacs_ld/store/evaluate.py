"""Run one untrusted query against a pyoxigraph store, serialising the answer natively as it goes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox

from lacs_ld.errors import QueryError
from lacs_ld.syntax_errors import explain

RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPHS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def evaluate(
    store: ox.Store,
    query: str,
    format_key: str,
    default_graphs: Sequence[str],
    named_graphs: Sequence[str],
    prefixes: dict[str, str],
    base: str,
    output: Any,
    own_dataset: bool = False,
) -> None:
    """Write the answer to `output` (a binary writer) as the engine produces it."""
    # SPARQL 1.1 Protocol §2.1.4: a protocol dataset overrides the query's FROM clauses.
    options: dict[str, object] = {"base_iri": base}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    elif not own_dataset or named_graphs:
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        result = store.query(query, **options)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise QueryError(explain(str(exc), query)) from None
    if isinstance(result, ox.QueryBoolean | ox.QuerySolutions):
        result.serialize(output, format=RESULTS[format_key])
    else:
        ox.serialize(result, output, format=GRAPHS[format_key], prefixes=prefixes)
