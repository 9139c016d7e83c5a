"""On-site dates of JTAI and area SEND inspections come from page 1 of their reports, or none."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import DCTERMS, XSD

from lacs_ld.build.report_dates import on_site

from .support import Built
from .test_inspections import inspection, inspections, lacs


def _dates(built: Built, path: str) -> tuple[Literal | None, Literal | None]:
    node = inspection(path)
    return built.inspections.value(node, lacs("startDate")), built.inspections.value(
        node, lacs("endDate")
    )


def test_norfolk_jtai_was_on_site_9_to_13_december_2024_as_its_letter_says(built: Built) -> None:
    assert _dates(built, "E10000020/jtai/2025-02-27") == (
        Literal("2024-12-09", datatype=XSD.date),
        Literal("2024-12-13", datatype=XSD.date),
    )


def test_no_jtai_claims_inspectors_were_on_site_the_day_the_letter_was_published(
    built: Built,
) -> None:
    graph = built.inspections
    jtai = [n for n in inspections(built) if "/jtai/" in str(n)]
    assert len(jtai) == 70
    dated = [n for n in jtai if graph.value(n, lacs("startDate")) is not None]
    assert len(dated) == 64
    for node in dated:
        start, end = graph.value(node, lacs("startDate")), graph.value(node, lacs("endDate"))
        issued = graph.value(node, DCTERMS.issued)
        assert end is not None and str(start) <= str(end) < str(issued), node


def test_a_jtai_with_no_report_text_states_no_on_site_date(built: Built) -> None:
    graph = built.inspections
    for node in inspections(built):
        texts = [s for s in graph.objects(node, DCTERMS.source) if "inspection_reports/" in s]
        if "/jtai/" in str(node) and not texts:
            assert graph.value(node, lacs("startDate")) is None, node
            assert graph.value(node, lacs("endDate")) is None, node


def test_letters_that_omit_the_year_take_the_year_of_their_own_date(built: Built) -> None:
    # Liverpool: "Between 20 and 24 June", letter dated 2 August 2016.
    assert _dates(built, "E08000012/jtai/2016-08-03") == (
        Literal("2016-06-20", datatype=XSD.date),
        Literal("2016-06-24", datatype=XSD.date),
    )


def test_send_inspection_dates_are_those_printed_on_the_report_cover(built: Built) -> None:
    assert _dates(built, "E06000059/send/2024-05-15") == (
        Literal("2024-03-11", datatype=XSD.date),
        Literal("2024-03-15", datatype=XSD.date),
    )


def test_the_period_rule_reads_each_wording_and_refuses_what_page_one_contradicts() -> None:
    between = "1 21 April 2017 Dear … Between 27 February and 3 March 2017, Ofsted, the CQC"
    assert on_site(between) is not None
    assert (on_site(between).start, on_site(between).end) == ("2017-02-27", "2017-03-03")
    took_place = "27 February 2025 … This inspection took place from 9 to 13 December 2024"
    assert on_site(took_place) == on_site(took_place.replace("27 February 2025", "1 March 2025"))
    send = "Area SEND inspection of X Inspection dates: 11 to 15 March 2024 Dates of previous"
    assert on_site(send) is not None and on_site(send).start == "2024-03-11"
    assert (
        on_site("9 December 2024 … This inspection took place from 9 to 13 December 2024") is None
    )
    assert on_site("Inspection dates: 1 to 30 March 2024") is None
    assert on_site("no period stated here") is None
