"""Facts that must agree: inspections within their authority's life, grades on their era's scale."""

from __future__ import annotations

from collections import Counter

from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDFS

from .support import BASE, REPO, Built
from .test_inspections import concept, inspection, inspections, lacs

PRE_2013 = ("slac", "slac-reinspection", "cpi", "cpri", "tlac")


def test_cumbria_send_inspections_of_2025_are_filed_under_its_successors(built: Built) -> None:
    found = inspections(built)
    assert inspection("E06000064/send/2025-04-09") in found  # Westmorland and Furness
    assert inspection("E06000063/send/2025-09-09") in found  # Cumberland
    cumbria = [n for n in found if "/E10000006/" in str(n)]
    assert all(str(built.inspections.value(n, DCTERMS.issued)) < "2023-04-01" for n in cumbria)


def test_one_dorset_send_report_is_one_inspection_of_dorset(built: Built) -> None:
    found = inspections(built)
    assert inspection("E06000059/send/2024-05-15") in found
    assert inspection("E10000009/send/2024-05-15") not in found
    reports = Counter(built.inspections.objects(None, lacs("report")))
    assert [r for r, n in reports.items() if n > 1] == []


def test_an_inspection_begun_before_a_recode_keeps_the_code_of_its_first_day(
    built: Built,
) -> None:
    # Sheffield's area SEND inspection began on 10 March 2025; E08000039 dates from 1 May 2025.
    assert inspection("E08000019/send/2025-06-24") in inspections(built)


def test_every_inspection_lies_within_its_authority_s_life(built: Built) -> None:
    graph = built.inspections
    for node in inspections(built):
        authority = graph.value(node, lacs("inspectedAuthority"))
        start_of_life = str(built.authorities.value(authority, lacs("inForceFrom")))
        end_of_life = built.authorities.value(authority, lacs("inForceTo"))
        start = graph.value(node, lacs("startDate"))
        issued = str(graph.value(node, DCTERMS.issued) or start)
        assert start_of_life <= issued, node
        if start is not None:
            assert start_of_life <= str(start), node
        if end_of_life is not None:
            assert start is None or str(start) <= str(end_of_life), node
            assert int(issued[:4]) <= int(str(end_of_life)[:4]) + 1, node


def test_inspections_of_2009_to_2013_are_graded_adequate_not_requires_improvement(
    built: Built,
) -> None:
    graph = built.inspections
    grades: Counter[URIRef] = Counter()
    for judgement in graph.subjects(lacs("judgementOf"), None):
        framework = graph.value(graph.value(judgement, lacs("judgementOf")), lacs("framework"))
        if framework in {concept("framework", f) for f in PRE_2013}:
            grade = graph.value(judgement, lacs("grade"))
            grades[grade] += 1
            if grade == concept("judgement", "adequate"):
                assert "four point scale" in str(graph.value(judgement, RDFS.comment))
    assert grades[concept("judgement", "requires-improvement")] == 0
    assert grades[concept("judgement", "adequate")] == 172


def test_generated_data_conforms_to_the_data_truth_shapes(built: Built) -> None:
    shapes = Graph().parse(REPO / "shapes" / "lacs-data-truth.ttl", publicID=BASE)
    conforms, _, text = validate(
        built.inspections + built.authorities,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
    )
    assert conforms, text


def test_the_125_visits_of_the_2022_to_2024_tables_are_named_by_their_first_day_on_site(
    built: Built,
) -> None:
    graph = built.inspections
    visits = [n for n in inspections(built) if "/visited-" in str(n)]
    assert len(visits) == 125
    assert len(inspections(built)) == 1041
    for node in visits:
        assert graph.value(node, DCTERMS.issued) is None
        assert str(node).endswith(f"/visited-{graph.value(node, lacs('startDate'))}")
        assert graph.value(node, lacs("theme")) is not None, node
        assert "CSC_outcomes_and_enablers" in " ".join(graph.objects(node, DCTERMS.source)), node
