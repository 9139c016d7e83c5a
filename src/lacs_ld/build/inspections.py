"""Inspections and judgements: read sources in rank order, reconcile, mint IRIs, make the graph."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from lacs_ld.build.geography import Crosswalk
from lacs_ld.build.merge import Event, reconcile
from lacs_ld.build.observations import Observation
from lacs_ld.build.official import PRE_2013, read_2009_tables, read_ilacs_tables
from lacs_ld.build.reconcile import Reconciliation
from lacs_ld.build.report_dates import date_events
from lacs_ld.build.reports import read_report_index, read_sif_pages
from lacs_ld.build.scrapes import read_area_scrapes, read_ilacs_scrapes
from lacs_ld.build.vocab import AREA_LABELS, GRADE_LABELS, LACS, concept, rel

# The in-year tables for 2022-23 and 2023-24 give a visit's first day on site but not when its
# letter was published: such a visit's IRI date is "visited-" and that day (URI scheme, {date}).
NO_PUBLICATION_DATE = (
    "Ofsted's in-year table gives the first day inspectors were on site but no source gives the "
    "date the letter was published, so the IRI names the visit by that day (visited-YYYY-MM-DD) "
    "and no dcterms:issued is stated."
)

RELABELLED_NOTE = (
    "Ofsted's 2009-2023 table prints this grade as 'Requires improvement to be good', a grade "
    "introduced with the single inspection framework in November 2013. Inspections of "
    "2009-2013 were graded on a four-point scale whose grade 3 was 'Adequate' (\"All inspection "
    'judgements are made using the following four point scale", in the reports of the time), '
    "so the grade is recorded as adequate; it ranks with 'requires improvement' (lacs:rank 3)."
)


def observations(
    sources: Path, crosswalk: Crosswalk, report: Reconciliation
) -> Iterator[Observation]:
    """Every source's observations, highest-ranked first: official, then scrapes, then PDFs."""
    yield from read_ilacs_tables(sources, crosswalk, report)
    yield from read_2009_tables(sources, crosswalk, report)
    yield from read_ilacs_scrapes(sources, crosswalk, report)
    yield from read_area_scrapes(sources, crosswalk, report)
    yield from read_sif_pages(sources, crosswalk, report)
    yield from read_report_index(sources, crosswalk, report)


def _file_under_authority_on_site(
    event: Event, crosswalk: Crosswalk, report: Reconciliation
) -> None:
    """Move an event to the code its authority had on the first day on site (a GSS recode)."""
    if not event.start or event.authority.in_force(event.start):
        return
    then = crosswalk.at(event.authority.dfe, event.start, strict=True)
    if then is None or then == event.authority:
        return
    report.notes["inspections filed under the authority's code on the first day on site"] += 1
    report.details.append(
        f"{event.authority.gss} {event.framework} {event.issued}: on site from {event.start}, "
        f"when the authority's code was {then.gss}"
    )
    event.authority = then


def _sort_key(event: Event) -> tuple[str, ...]:
    """A stable order for events sharing one IRI date, so '-2' always goes to the same one."""
    return (event.framework or "", event.start or "", event.report or "", min(event.rows))


def assign_iris(events: list[Event]) -> dict[str, Event]:
    """Relative IRI path -> event: {GSS}/{broad}/{date}, '-2' for a second report that day."""
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        date = event.issued or f"visited-{event.start}"
        groups[f"id/inspection/{event.authority.gss}/{event.broad}/{date}"].append(event)
    minted = {}
    for path, group in groups.items():
        for position, event in enumerate(sorted(group, key=_sort_key), start=1):
            minted[path if position == 1 else f"{path}-{position}"] = event
    return dict(sorted(minted.items()))


def reconciled(sources: Path, report: Reconciliation) -> dict[str, Event]:
    """The reconciled inspection events of every source, keyed by their relative IRI path."""
    crosswalk = Crosswalk(sources)
    events = reconcile(observations(sources, crosswalk, report), report)
    date_events(events, sources, report)
    for event in events:
        _file_under_authority_on_site(event, crosswalk, report)
    kept = []
    for event in events:
        if event.issued or event.start:
            kept.append(event)
            if not event.issued:
                report.notes["visits published under their first day on site (visited-)"] += 1
            continue
        source = event.rows[0].split(" row ")[0]
        reason = f"{event.label_framework}: no source gives its publication or visit date"
        report.reject(source, reason, f"{event.authority.gss}: {', '.join(event.rows)}")
    return assign_iris(kept)


def _spoken(date: str) -> str:
    """'2016-11-25' as '25 November 2016', the way labels say dates."""
    day = dt.date.fromisoformat(date)
    return f"{day.day} {day:%B %Y}"


def label(event: Event) -> str:
    """An inspection's label, e.g. 'Birmingham — SIF re-inspection, published 25 November 2016'."""
    when = (
        f"published {_spoken(event.issued)}"
        if event.issued
        else f"visited {_spoken(event.start or '')}"
    )
    return f"{event.authority.name} — {event.label_framework}, {when}"


def add_event(graph: Graph, path: str, event: Event) -> None:
    """The triples of one inspection and its judgements."""
    node = rel(path)
    graph.add((node, RDF.type, LACS.Inspection))
    graph.add((node, RDFS.label, Literal(label(event))))
    graph.add((node, LACS.inspectedAuthority, rel(f"id/authority/{event.authority.gss}")))
    graph.add((node, LACS.framework, concept("framework", event.framework or "ilacs")))
    for prop, value in (
        (LACS.startDate, event.start),
        (LACS.endDate, event.end),
        (DCTERMS.issued, event.issued),
    ):
        if value:
            graph.add((node, prop, Literal(value, datatype=XSD.date)))
    if not event.issued:
        graph.add((node, RDFS.comment, Literal(NO_PUBLICATION_DATE, lang="en")))
    if event.report:
        graph.add((node, LACS.report, URIRef(event.report)))
    if event.theme:
        graph.add((node, LACS.theme, Literal(event.theme)))
    for citation in event.citations:
        graph.add((node, DCTERMS.source, URIRef(citation)))
    for area, grade in event.grades.items():
        if area == "overall-effectiveness":
            graph.add((node, LACS.overallJudgement, concept("judgement", grade)))
        judgement = rel(f"{path}/judgement/{area}")
        graph.add((node, LACS.judgement, judgement))
        graph.add((judgement, RDF.type, LACS.Judgement))
        graph.add((judgement, LACS.judgementOf, node))
        graph.add((judgement, LACS.area, concept("area", area)))
        graph.add((judgement, LACS.grade, concept("judgement", grade)))
        text = f"{label(event)}: {AREA_LABELS[area]}: {GRADE_LABELS[grade]}"
        graph.add((judgement, RDFS.label, Literal(text)))
        if event.framework in PRE_2013 and grade == "adequate":
            graph.add((judgement, RDFS.comment, Literal(RELABELLED_NOTE, lang="en")))
        for citation in event.grade_sources.get(area, ()):
            graph.add((judgement, DCTERMS.source, URIRef(citation)))


def build_inspections(sources: Path, report: Reconciliation) -> tuple[Graph, dict[str, Event]]:
    """The inspections graph, and the events behind it (for the report-quote mapping)."""
    events = reconciled(sources, report)
    graph = Graph()
    for path, event in events.items():
        add_event(graph, path, event)
        report.minted["lacs:Inspection"] += 1
        report.minted["lacs:Judgement"] += len(event.grades)
        report.notes[f"inspections by framework: {event.framework}"] += 1
    return graph, events


def report_inspections(sources: Path) -> dict[str, str]:
    """report_index.csv report_id -> the relative IRI path of the inspection whose report it is."""
    events = reconciled(sources, Reconciliation())
    return {rid: path for path, event in events.items() for rid in sorted(event.report_ids)}
