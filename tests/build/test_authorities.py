"""Authorities: every crosswalk row, with codes, succession and links as the sources give them."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from .support import BASE, Built

LACS = f"{BASE}def/lacs#"


def authority(gss: str) -> URIRef:
    return URIRef(f"{BASE}id/authority/{gss}")


def lacs(term: str) -> URIRef:
    return URIRef(LACS + term)


def test_every_crosswalk_row_is_an_authority_and_153_are_live(built: Built) -> None:
    graph = built.authorities
    authorities = set(graph.subjects(RDF.type, lacs("LocalAuthority")))
    live = {a for a in authorities if graph.value(a, lacs("inForceTo")) is None}
    assert len(authorities) == 172
    assert len(live) == 153
    assert built.report.minted["lacs:LocalAuthority"] == 172


def test_birmingham_is_e08000025_with_dfe_code_330(built: Built) -> None:
    graph = built.authorities
    birmingham = authority("E08000025")
    assert graph.value(birmingham, RDFS.label) == Literal("Birmingham")
    assert graph.value(birmingham, SKOS.notation) == Literal("E08000025")
    assert graph.value(birmingham, lacs("dfeCode")) == Literal("330")
    assert graph.value(birmingham, lacs("region")) == URIRef(f"{BASE}def/region/west-midlands")
    assert (
        birmingham,
        OWL.sameAs,
        URIRef("http://statistics.data.gov.uk/id/statistical-geography/E08000025"),
    ) in graph
    assert graph.value(birmingham, FOAF.page) == URIRef(
        "https://reports.ofsted.gov.uk/provider/44/80429"
    )


def test_bcp_replaces_bournemouth_and_poole_in_both_directions(built: Built) -> None:
    graph = built.authorities
    bcp = authority("E06000058")
    for old in ("E06000028", "E06000029"):
        assert (bcp, DCTERMS.replaces, authority(old)) in graph
        assert (authority(old), DCTERMS.isReplacedBy, bcp) in graph
        assert graph.value(authority(old), lacs("inForceTo")) == Literal(
            "2019-03-31", datatype=XSD.date
        )


def test_northamptonshire_is_replaced_by_north_and_west(built: Built) -> None:
    graph = built.authorities
    successors = set(graph.objects(authority("E10000021"), DCTERMS.isReplacedBy))
    assert successors == {authority("E06000061"), authority("E06000062")}


def test_barnsley_recode_keeps_the_dfe_code_and_links_old_to_new(built: Built) -> None:
    graph = built.authorities
    old, new = authority("E08000016"), authority("E08000038")
    assert (old, DCTERMS.isReplacedBy, new) in graph
    assert graph.value(old, lacs("inForceTo")) == Literal("2025-04-30", datatype=XSD.date)
    assert graph.value(old, lacs("dfeCode")) == graph.value(new, lacs("dfeCode")) == Literal("370")
    assert graph.value(new, lacs("inForceTo")) is None


def test_only_live_authorities_get_an_ofsted_page_and_urn(built: Built) -> None:
    graph = built.authorities
    for subject in graph.subjects(RDF.type, lacs("LocalAuthority")):
        has_page = graph.value(subject, FOAF.page) is not None
        assert has_page == (graph.value(subject, lacs("ofstedURN")) is not None)
        if graph.value(subject, lacs("inForceTo")) is not None:
            assert not has_page, subject


def test_codes_marked_x_get_no_dfe_code(built: Built) -> None:
    assert built.authorities.value(authority("E10000005"), lacs("dfeCode")) is None


def test_every_authority_cites_its_upstream_files(built: Built) -> None:
    graph = built.authorities
    las = URIRef(
        "https://github.com/dfe-analytical-services/dfe-published-data-qa/blob/"
        "bcc7ca543e7fa7c4b6f69c56c37f5cfa387b2a67/data/las.csv"
    )
    for subject in graph.subjects(RDF.type, lacs("LocalAuthority")):
        assert (subject, DCTERMS.source, las) in graph
