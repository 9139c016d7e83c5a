"""The numbers in the dataset description, each counted by the store from the published data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from lacs_ld import queries, uris
from lacs_ld.namespaces import CC_BY, OGL
from lacs_ld.services.dumps import PARTS
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.store import Store

# Candidates for void:exampleResource; only those present in the data are named.
EXAMPLES = (
    "authority/E08000025",
    "inspection/E08000025/sif/2016-11-25",
    "guidance/sif-annex-a/clause/2.05",
    "guidance/ofsted-ehe-advice-2015",
    "document/spielman-ncas-2018",
)


@dataclass(frozen=True)
class TripleCounts:
    """The triples of one snapshot in its two scopes; every page and description states these.

    The *dataset* is the data, vocabulary and shapes graphs: what the downloads hold and the
    VoID/DCAT description counts. The *endpoint* holds those and `graph/meta` (the example
    queries): what the Service Description's default graph and `COUNT(*)` over it count.
    """

    graphs: Mapping[str, int]

    @property
    def dataset(self) -> int:
        return sum(self.graphs.get(name, 0) for name in PARTS)

    @property
    def endpoint(self) -> int:
        return sum(self.graphs.values())

    @property
    def extra(self) -> int:
        """Triples the endpoint holds beyond the dataset (the example queries)."""
        return self.endpoint - self.dataset

    def dataset_scope(self) -> str:
        return (
            f"{self.dataset:,} triples in the dataset: its data, vocabulary and shapes graphs, "
            "as the downloads hold them"
        )

    def endpoint_scope(self) -> str:
        return (
            f"{self.endpoint:,} triples in the SPARQL endpoint: the dataset's "
            f"{self.dataset:,} and the {self.extra:,} of graph/meta, the example queries"
        )


def triple_counts(snapshot: Snapshot) -> TripleCounts:
    """The snapshot's triples per named graph, counted when it was written."""
    return TripleCounts(dict(snapshot.graph_triples))


def graph_triples(store: Store, base: str) -> dict[str, int]:
    """Triples in each published part (data, vocabulary, shapes), counted by the store."""
    found = {str(row["graph"]): int(row["triples"]) for row in store.select(load("graph-triples"))}
    return {name: found.get(uris.graph(base, name), 0) for name in PARTS}


def entities(store: Store, base: str) -> int:
    """Distinct things in the data whose IRIs sit under `{base}id/`."""
    rows = store.select(
        load("entities"),
        {"graph": URIRef(uris.graph(base, "data")), "space": Literal(base + "id/")},
    )
    return int(rows[0]["entities"]) if rows else 0


def class_partitions(store: Store, graph: URIRef) -> dict[URIRef, int]:
    rows = store.select(load("classes"), {"graph": graph})
    return {URIRef(row["class"]): int(row["entities"]) for row in rows}


def property_partitions(store: Store, graph: URIRef) -> dict[URIRef, int]:
    rows = store.select(load("properties"), {"graph": graph})
    return {URIRef(row["property"]): int(row["triples"]) for row in rows}


def example_resources(store: Store, base: str) -> list[URIRef]:
    data = URIRef(uris.graph(base, "data"))
    candidates = [URIRef(uris.thing(base, path)) for path in EXAMPLES]
    query = load("resource-exists")
    return [r for r in candidates if store.ask(query, {"graph": data, "resource": r})]


def licences(store: Store, base: str) -> list[URIRef]:
    """OGL v3 always; CC BY 4.0 as well when facts come from mySociety's files."""
    found = [URIRef(OGL)]
    if store.ask(load("mysociety"), {"graph": URIRef(uris.graph(base, "data"))}):
        found.append(URIRef(CC_BY))
    return found


def vocabularies(terms: Iterable[URIRef]) -> list[URIRef]:
    """The namespace of each term: the IRI up to its last `#` or `/`."""
    found = set()
    for term in terms:
        text = str(term)
        cut = max(text.rfind("#"), text.rfind("/"))
        if cut > 0:
            found.add(text[: cut + 1])
    return [URIRef(ns) for ns in sorted(found)]


def load(name: str) -> str:
    return queries.load(f"description-{name}")


def count_literal(value: int) -> Literal:
    """A count as the description states it: an xsd:nonNegativeInteger."""
    return Literal(value, datatype=XSD.nonNegativeInteger)
