"""Run one untrusted query against a pyoxigraph store and serialise the answer, row cap enforced."""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from lacs_ld.errors import QueryError, TooManyRows

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
    max_rows: int,
    own_dataset: bool = False,
) -> tuple[bytes, int]:
    """The answer's bytes and row count; TooManyRows rather than a silently cut answer."""
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
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return result.serialize(format=RESULTS[format_key]) or b"", 1
    if isinstance(result, ox.QuerySolutions):
        # TSV has one line per solution (RFC-free SPARQL 1.1 TSV §3): count, then convert.
        tsv = result.serialize(format=ox.QueryResultsFormat.TSV) or b""
        count = tsv.count(b"\n") - 1
        _check_rows(count, max_rows)
        if format_key == "tsv":
            return tsv, count
        parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
        return parsed.serialize(format=RESULTS[format_key]) or b"", count
    triples = list(_bounded(result, max_rows))
    body = ox.serialize(triples, format=GRAPHS[format_key], prefixes=prefixes) or b""
    return body, len(triples)


def _bounded(triples: ox.QueryTriples, max_rows: int) -> list[ox.Triple]:
    found: list[ox.Triple] = []
    for triple in triples:
        found.append(triple)
        _check_rows(len(found), max_rows)
    return found


def _check_rows(count: int, max_rows: int) -> None:
    if count > max_rows:
        raise TooManyRows(
            f"the answer has more than {max_rows} rows, the most this endpoint returns; "
            "add LIMIT/OFFSET to page through it, or download the whole dataset from dumps/"
        )
