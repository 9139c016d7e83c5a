"""The cases measured: each on lacs-ld, on the ceiling with the same bytes, and on Oxigraph."""

from __future__ import annotations

import csv
import io
import statistics
import urllib.parse
from dataclasses import asdict, dataclass, field
from typing import Any

from common import ENTITY, SRJ, TTL
from load import fetch, wrk
from queries import (
    ask_query,
    distinct_queries,
    distinct_searches,
    entity_construct,
    fresh_searches,
    join_query,
    lacs_prefix,
    oxigraph_search,
)

from services import Service

SAMPLE = 20  # distinct requests fetched first: their status checked, their mean size used
WARM = 200  # of a never-repeated case's requests, kept apart for the warm-up


@dataclass
class Case:
    name: str
    paths: list[str]  # on lacs-ld; more than one are cycled through
    headers: dict[str, str] = field(default_factory=dict)
    oxigraph_queries: list[str] = field(default_factory=list)
    oxigraph_accept: str = SRJ
    fresh: bool = False  # never repeated: the warm-up sends other requests of the same kind


def sparql_path(query: str) -> str:
    return f"/sparql?query={urllib.parse.quote(query)}"


def column(lacs: Service, query: str) -> list[str]:
    """The first column of a query's answer on lacs-ld."""
    status, body, _ = fetch(lacs.url + sparql_path(query), {"Accept": "text/csv"})
    assert status == 200, (status, body[:300])
    rows = list(csv.reader(io.StringIO(body.decode())))
    return [row[0] for row in rows[1:]]


def cases(lacs: Service, base: str, etag: str) -> list[Case]:
    authorities = column(
        lacs, lacs_prefix(base) + "SELECT ?a WHERE { ?a a lacs:LocalAuthority } ORDER BY ?a"
    )
    names = column(
        lacs,
        lacs_prefix(base)
        + "SELECT ?name WHERE { ?a a lacs:LocalAuthority ; rdfs:label ?name } ORDER BY ?name",
    )
    small = distinct_queries(base, authorities)
    terms = distinct_searches(names)
    fresh = fresh_searches(names)
    quote = urllib.parse.quote
    return [
        Case("entity document, Turtle", [f"/doc/{ENTITY}.ttl"], {}, [entity_construct(base)], TTL),
        Case("entity document, HTML", [f"/doc/{ENTITY}.html"], {}, [entity_construct(base)], TTL),
        Case("304 revalidation", [f"/doc/{ENTITY}.ttl"], {"If-None-Match": etag}),
        Case(
            "SPARQL SELECT join",
            [sparql_path(join_query(base))],
            {"Accept": SRJ},
            [join_query(base)],
        ),
        Case("SPARQL ASK", [sparql_path(ask_query(base))], {"Accept": SRJ}, [ask_query(base)]),
        Case(
            f"{len(small) - WARM:,} never-repeated small SPARQL queries",
            [sparql_path(q) for q in small],
            {"Accept": SRJ},
            small,
            fresh=True,
        ),
        Case("list page", ["/authorities"], {"Accept": "text/html"}),
        Case("search", ["/search?q=fostering"], {"Accept": "text/html"}),
        Case(
            f"{len(terms)} searches in rotation (answers kept)",
            [f"/search?q={quote(term)}" for term in terms],
            {"Accept": "text/html"},
            [oxigraph_search(base, term) for term in terms],
        ),
        Case(
            f"{len(fresh) - WARM:,} never-repeated searches",
            [f"/search?q={quote(term)}" for term in fresh],
            {"Accept": "text/html"},
            [oxigraph_search(base, term) for term in fresh],
            fresh=True,
        ),
    ]


def sample_bytes(service: Service, paths: list[str], headers: dict[str, str], status: int) -> int:
    """The mean size of a sample of the answers, each checked for the expected status."""
    sizes = []
    for path in paths[:SAMPLE]:
        got, body, _ = fetch(service.url + path, headers)
        if got != status:
            raise RuntimeError(f"{path[:200]} answered {got}: {body[:300]!r}")
        sizes.append(len(body))
    return round(statistics.mean(sizes))


def ratio(ours: dict[str, Any], theirs: dict[str, Any]) -> float | None:
    """Our throughput over theirs; None when they completed nothing in the time given."""
    rate = theirs["requests_per_s"]
    return ours["requests_per_s"] / rate if rate else None


def measure_cases(
    lacs: Service, ceiling: Service, oxigraph: Service, base: str, duration: float
) -> list[dict[str, Any]]:
    status, _, answer_headers = fetch(f"{lacs.url}/doc/{ENTITY}.ttl")
    assert status == 200, status
    rows: list[dict[str, Any]] = []
    for case in cases(lacs, base, answer_headers["ETag"]):
        expected = 304 if "If-None-Match" in case.headers else 200
        size = sample_bytes(lacs, case.paths, case.headers, expected)
        paths, warm = (case.paths[WARM:], case.paths[:WARM]) if case.fresh else (case.paths, None)
        row: dict[str, Any] = {"case": case.name, "bytes": size, "distinct": len(paths)}
        row["lacs"] = asdict(wrk(lacs.url + paths[0], duration, case.headers, paths, warm))
        # A never-repeated case that sent more requests than it has saw some twice.
        row["repeated"] = case.fresh and row["lacs"]["requests"] > len(paths)
        ceiling_path = "/not-modified" if expected == 304 else f"/bytes/{size}"
        row["ceiling"] = asdict(wrk(ceiling.url + ceiling_path, duration))
        row["oxigraph"] = None
        if case.oxigraph_queries:
            queries = [f"/query?query={urllib.parse.quote(q)}" for q in case.oxigraph_queries]
            accept = {"Accept": case.oxigraph_accept}
            row["oxigraph_bytes"] = sample_bytes(oxigraph, queries, accept, 200)
            row["oxigraph"] = asdict(wrk(oxigraph.url + queries[0], duration, accept, queries))
        row["vs_ceiling"] = ratio(row["lacs"], row["ceiling"])
        row["vs_oxigraph"] = ratio(row["lacs"], row["oxigraph"]) if row["oxigraph"] else None
        rows.append(row)
        print(f"  {case.name}: {row['lacs']['requests_per_s']:.0f} req/s", flush=True)
    return rows
