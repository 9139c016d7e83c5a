"""Inspections and judgements: reconciled events, IRIs by the contract, official values first."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from lacs_ld.build.inspections import report_inspections
from lacs_ld.build.sources import date_range

from .support import BASE, Built

LACS = f"{BASE}def/lacs#"
IRI = re.compile(
    rf"^{re.escape(BASE)}id/inspection/(E\d{{8}})/"
    r"(slac|cpi|tlac|sif|ilacs|jtai|send|focused-visit|monitoring-visit)/"
    r"(visited-)?(\d{4}-\d{2}(?:-\d{2})?)(-[2-9])?$"
)


def lacs(term: str) -> URIRef:
    return URIRef(LACS + term)


def concept(scheme: str, slug: str) -> URIRef:
    return URIRef(f"{BASE}def/{scheme}/{slug}")


def inspection(path: str) -> URIRef:
    return URIRef(f"{BASE}id/inspection/{path}")


def inspections(built: Built) -> set[URIRef]:
    return set(built.inspections.subjects(RDF.type, lacs("Inspection")))


def test_birmingham_sif_reinspection_published_2016_11_25_was_inadequate(built: Built) -> None:
    graph = built.inspections
    node = inspection("E08000025/sif/2016-11-25")
    assert graph.value(node, lacs("framework")) == concept("framework", "sif-reinspection")
    assert graph.value(node, lacs("overallJudgement")) == concept("judgement", "inadequate")
    assert graph.value(node, DCTERMS.issued) == Literal("2016-11-25", datatype=XSD.date)
    assert graph.value(node, RDFS.label) == Literal(
        "Birmingham — SIF re-inspection, published 25 November 2016"
    )
    overall = URIRef(f"{node}/judgement/overall-effectiveness")
    assert (node, lacs("judgement"), overall) in graph
    assert graph.value(overall, lacs("grade")) == concept("judgement", "inadequate")
    assert graph.value(overall, lacs("judgementOf")) == node


def test_sif_inspection_dates_come_from_the_report_cover(built: Built) -> None:
    node = inspection("E08000025/sif/2014-05-23")
    assert built.inspections.value(node, lacs("startDate")) is not None
    assert built.inspections.value(node, lacs("overallJudgement")) == concept(
        "judgement", "inadequate"
    )


def test_city_of_london_2024_ilacs_was_outstanding(built: Built) -> None:
    graph = built.inspections
    node = inspection("E09000001/ilacs/2024-11-05")
    assert graph.value(node, lacs("startDate")) == Literal("2024-09-23", datatype=XSD.date)
    assert graph.value(node, lacs("overallJudgement")) == concept("judgement", "outstanding")


def test_2026_ilacs_rows_without_an_overall_judgement_get_none(
    shared_sources: Path, built: Built
) -> None:
    history = shared_sources / "data-sources" / "d2i_scrapes" / "jt39_ofsted_csc_ilacs_history.csv"
    with history.open(encoding="utf-8-sig", newline="") as handle:
        reformed = [
            row["inspection_link"]
            for row in csv.DictReader(handle)
            if row["overall_effectiveness_grade"] == "not_reported_post_reform"
        ]
    assert reformed
    graph = built.inspections
    for link in reformed:
        node = graph.value(None, lacs("report"), URIRef(link))
        assert node is not None, link
        assert "/ilacs/2026-" in str(node)
        assert graph.value(node, lacs("overallJudgement")) is None, node
        assert (URIRef(f"{node}/judgement/overall-effectiveness"), None, None) not in graph
        assert graph.value(node, lacs("judgement")) is not None


def test_every_inspection_iri_follows_the_contract_and_matches_its_date(
    built: Built,
) -> None:
    graph = built.inspections
    for node in inspections(built):
        match = IRI.match(str(node))
        assert match, node
        gss, _, visited, date, _ = match.groups()
        assert graph.value(node, lacs("inspectedAuthority")) == URIRef(f"{BASE}id/authority/{gss}")
        if visited:
            assert graph.value(node, DCTERMS.issued) is None, node
            assert str(graph.value(node, lacs("startDate"))) == date, node
        else:
            assert str(graph.value(node, DCTERMS.issued)) == date
        assert graph.value(node, RDFS.label) is not None
        assert graph.value(node, DCTERMS.source) is not None


def test_every_inspected_authority_is_a_published_authority(built: Built) -> None:
    authorities = set(built.authorities.subjects(RDF.type, URIRef(LACS + "LocalAuthority")))
    for node in inspections(built):
        assert built.inspections.value(node, lacs("inspectedAuthority")) in authorities


def test_inspection_count_matches_the_reconciliation(built: Built) -> None:
    count = len(inspections(built))
    assert count == built.report.minted["lacs:Inspection"]
    assert count > 900
    judgements = set(built.inspections.subjects(RDF.type, lacs("Judgement")))
    assert len(judgements) == built.report.minted["lacs:Judgement"]


def test_duplicates_across_files_become_one_event(built: Built) -> None:
    keys = [
        str(node).rsplit("-", 1)[0] if re.search(r"-[2-9]$", str(node)) else str(node)
        for node in inspections(built)
    ]
    assert built.report.merged["report_text/sif_reports_page1_parsed.csv"] > 150
    assert len(keys) == len(set(keys)) + sum(
        1 for n in inspections(built) if re.search(r"-[2-9]$", str(n))
    )


def test_sif_filename_date_drift_keeps_the_official_date(built: Built) -> None:
    drift = [
        d for d in built.report.disagreements if d.startswith("E06000010 sif 2015-02-03: issued")
    ]
    assert drift
    assert (
        inspection("E06000010/sif/2015-02-03"),
        RDF.type,
        lacs("Inspection"),
    ) in built.inspections


def test_send_outcomes_map_to_the_three_send_judgements(built: Built) -> None:
    grades = {
        built.inspections.value(node, lacs("overallJudgement"))
        for node in inspections(built)
        if "/send/" in str(node)
    }
    expected = {
        concept("judgement", s)
        for s in ("send-positive", "send-inconsistent", "send-significant-concerns")
    }
    assert expected <= grades


def test_jtai_keeps_the_theme_as_the_source_words_it(built: Built) -> None:
    themes = [
        built.inspections.value(n, lacs("theme")) for n in inspections(built) if "/jtai/" in str(n)
    ]
    assert Literal("Identification of initial need and risk in barnsley.") in themes


def test_no_authority_name_is_left_unmatched(built: Built) -> None:
    assert built.report.unmatched_names == []


def test_report_ids_map_to_inspection_paths(shared_sources: Path, built: Built) -> None:
    mapping = report_inspections(shared_sources)
    assert len(mapping) == built.report.notes["report_index reports matched to an inspection"]
    assert built.report.notes["report_index reports matched to no inspection"] == 2
    assert "id/inspection/E08000025/sif/2016-11-25" in mapping.values()
    for path in mapping.values():
        assert (
            inspection(path.removeprefix("id/inspection/")),
            RDF.type,
            lacs("Inspection"),
        ) in built.inspections


def test_sif_cover_dates_parse_in_their_several_spellings() -> None:
    assert date_range("18 March 2014 \u2013 09 April 2014") == ("2014-03-18", "2014-04-09")
    assert date_range("29 April \u2013 22 May 2014") == ("2014-04-29", "2014-05-22")
    assert date_range("9\u201320 November 2015") == ("2015-11-09", "2015-11-20")
    assert date_range("12/09/2016 to 06/10/2016") == ("2016-09-12", "2016-10-06")
    assert date_range("28 July 2016") is None
