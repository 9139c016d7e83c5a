"""Local authorities from the crosswalk: codes, region, validity, succession, URN, sameAs."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from lacs_ld.build.geography import CROSSWALK, D2I_LOOKUP
from lacs_ld.build.reconcile import Reconciliation
from lacs_ld.build.sources import read_rows, upstream_url
from lacs_ld.build.vocab import LACS, concept, rel, slugify

ONS = "http://statistics.data.gov.uk/id/statistical-geography/"
OFSTED_PROVIDER = "https://reports.ofsted.gov.uk/provider/44/"
REGIONS = frozenset(
    {
        "north-east",
        "north-west",
        "yorkshire-and-the-humber",
        "east-midlands",
        "west-midlands",
        "east-of-england",
        "london",
        "south-east",
        "south-west",
    }
)
# The crosswalk was joined from these files (README, derived/); each authority cites those it used.
EES_LAS = "geography/dfe_ees_las.csv"
EES_REGIONS = "geography/dfe_ees_regions.csv"
MYSOCIETY = "geography/mysociety_uk_local_authorities_future.csv"


def authority_iri(gss: str) -> URIRef:
    """id/authority/{GSS}, the authority's public identifier."""
    return rel(f"id/authority/{gss.upper()}")


def _sources(row: dict[str, str]) -> list[str]:
    """The upstream files the crosswalk took this row's facts from."""
    cited = [EES_LAS, EES_REGIONS]
    if row["ofsted_la_urn_d2i"]:
        cited.append(D2I_LOOKUP)
    if row["successor_source"].startswith("curated"):
        cited.append(MYSOCIETY)
    return [upstream_url(name) for name in cited]


def build_authorities(sources: Path, report: Reconciliation) -> Graph:
    """Every crosswalk row as a lacs:LocalAuthority, with replaces/isReplacedBy both ways."""
    rows = read_rows(sources, CROSSWALK)
    report.rows_read[CROSSWALK] += len(rows)
    known = {row["gss_code"] for row in rows}
    graph = Graph()
    for row in rows:
        gss = row["gss_code"]
        node = authority_iri(gss)
        region = slugify(row["region_name"])
        if region not in REGIONS:
            raise ValueError(f"{gss}: region {row['region_name']!r} is not one of the nine")
        graph.add((node, RDF.type, LACS.LocalAuthority))
        graph.add((node, RDFS.label, Literal(row["la_name"])))
        graph.add((node, SKOS.notation, Literal(gss)))
        if row["dfe_la_code"] and row["dfe_la_code"] != "x":
            graph.add((node, LACS.dfeCode, Literal(row["dfe_la_code"])))
        graph.add((node, LACS.region, concept("region", region)))
        graph.add((node, LACS.authorityType, Literal(row["entity_description"])))
        graph.add((node, LACS.inForceFrom, Literal(row["valid_from"], datatype=XSD.date)))
        if row["valid_to"]:
            graph.add((node, LACS.inForceTo, Literal(row["valid_to"], datatype=XSD.date)))
        for successor in filter(None, row["successor_gss_codes"].split(";")):
            if successor not in known:
                report.reject(CROSSWALK, "successor not in the crosswalk", f"{gss} -> {successor}")
                continue
            graph.add((node, DCTERMS.isReplacedBy, authority_iri(successor)))
            graph.add((authority_iri(successor), DCTERMS.replaces, node))
        graph.add((node, OWL.sameAs, URIRef(ONS + gss)))
        urn = row["ofsted_la_urn_d2i"]
        if urn and row["status"] == "live":
            graph.add((node, FOAF.page, URIRef(OFSTED_PROVIDER + urn)))
            graph.add((node, LACS.ofstedURN, Literal(urn)))
        for url in _sources(row):
            graph.add((node, DCTERMS.source, URIRef(url)))
        report.minted["lacs:LocalAuthority"] += 1
        report.notes[f"authorities {row['status']}"] += 1
    return graph
