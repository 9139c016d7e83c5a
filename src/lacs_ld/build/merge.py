"""Reconcile observations into inspection events: one event per report, official values first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from lacs_ld.build.geography import Authority
from lacs_ld.build.observations import Observation
from lacs_ld.build.reconcile import Reconciliation
from lacs_ld.build.vocab import FRAMEWORKS

# Publication dates of one report may differ by a few days between sources (README: SIF 1-7 days).
TOLERANCE_DAYS = 7
# Frameworks a children's services report of unstated type may belong to.
CHILDRENS_SERVICES = ("slac", "cpi", "tlac", "sif", "ilacs")
COMBINED_CARE = "children-in-care-and-care-leavers"
SPLIT_CARE = frozenset({"children-in-care", "care-leavers"})


@dataclass
class Event:
    """One inspection or visit, as reconciled from every row that describes it."""

    authority: Authority
    framework: str | None
    issued: str | None = None
    start: str | None = None
    end: str | None = None
    theme: str | None = None
    report: str | None = None
    grades: dict[str, str] = field(default_factory=dict)
    report_ids: set[str] = field(default_factory=set)
    citations: set[str] = field(default_factory=set)
    rows: list[str] = field(default_factory=list)
    grade_sources: dict[str, set[str]] = field(default_factory=dict)
    official: bool = False

    @property
    def broad(self) -> str:
        """The broad framework slug of the IRI."""
        if self.framework in (None, "ilacs"):
            return "ilacs"
        return FRAMEWORKS[self.framework][0]

    @property
    def label_framework(self) -> str:
        """How a label names the framework."""
        if self.framework in (None, "ilacs"):
            return "ILACS inspection"
        return FRAMEWORKS[self.framework][1]


def _days(a: str, b: str) -> int:
    """Absolute distance in days between two ISO dates."""
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _find(events: list[Event], o: Observation) -> tuple[Event | None, str]:
    """The event an observation describes; a scrape's framework is only a hint, so widen it."""
    event, how = _find_in(events, o, (o.broad,) if o.broad else CHILDRENS_SERVICES)
    if event is None and not o.official and o.broad in CHILDRENS_SERVICES:
        event, how = _find_in(events, o, CHILDRENS_SERVICES)
    return event, how


def _find_in(
    events: list[Event], o: Observation, broads: tuple[str | None, ...]
) -> tuple[Event | None, str]:
    """The event of one of the broad frameworks an observation describes, and how it matched."""
    pool = [
        e
        for e in events
        if e.broad in broads
        and not any(r.startswith(o.source + " row ") and r != o.where for r in e.rows)
        and not (o.report and e.report and o.report != e.report)
    ]
    if o.issued:
        exact = [e for e in pool if e.issued == o.issued]
        if exact:
            return exact[0], "publication date"
    if o.start:
        same_start = [e for e in pool if e.start == o.start]
        if len(same_start) == 1:
            return same_start[0], "start date"
    # Without a publication date, the start date identifies the event (in-year tables).
    field = "issued" if o.issued else "start"
    mine = getattr(o, field)
    if mine:
        near = sorted(
            (
                e
                for e in pool
                if getattr(e, field) and _days(getattr(e, field), mine) <= TOLERANCE_DAYS
            ),
            key=lambda e: (_days(getattr(e, field), mine), getattr(e, field)),
        )
        if near:
            return near[0], f"{'publication' if o.issued else 'start'} date within tolerance"
    slip = [e for e in pool if o.issued and e.issued and _month_slip(e, o)]
    if len(slip) == 1:
        return slip[0], "publication date with only the month different, every grade agreeing"
    return None, ""


def _month_slip(event: Event, o: Observation) -> bool:
    """Same year and day, another month, and identical grades: one report with a mistyped month."""
    issued, mine = event.issued or "", o.issued or ""
    same_day = issued[:4] == mine[:4] and issued[8:] == mine[8:] and issued[5:7] != mine[5:7]
    return same_day and bool(o.grades) and o.grades == {a: event.grades.get(a) for a in o.grades}


def _take(
    event: Event, o: Observation, name: str, value: str | None, report: Reconciliation
) -> None:
    """Fill one field from an observation, recording a disagreement where it differs."""
    current = getattr(event, name)
    if value is None or value == current:
        return
    if current is None:
        setattr(event, name, value)
        return
    report.disagree(f"{_where(event)} {name}: kept {current!r}, {o.where} says {value!r}")


def _where(event: Event) -> str:
    """A short name of an event for the reconciliation report."""
    return f"{event.authority.gss} {event.framework or '?'} {event.issued or event.start}:"


def _other_care_scheme(event: Event, area: str) -> bool:
    """Whether an area is of the other way of judging care (combined before 2023, then split)."""
    if area in SPLIT_CARE:
        return COMBINED_CARE in event.grades
    return area == COMBINED_CARE and bool(SPLIT_CARE & event.grades.keys())


def _merge(event: Event, o: Observation, how: str, report: Reconciliation) -> None:
    """Fold an observation into an event; the event's (earlier, higher-ranked) values win."""
    if how.startswith("publication date with only the month"):
        report.notes[f"rows matched on a {how}"] += 1
    if how.endswith("within tolerance"):
        report.notes[
            f"rows matched on {how.split()[0]} dates {TOLERANCE_DAYS} days or less apart"
        ] += 1
    if o.framework and event.framework in (None, "ilacs"):
        event.framework = o.framework
    elif o.framework not in (None, "ilacs", event.framework):
        report.disagree(
            f"{_where(event)} framework: kept {event.framework}, {o.where} says {o.framework}"
        )
    for name in ("issued", "start", "end", "theme", "report"):
        _take(event, o, name, getattr(o, name), report)
    for area, grade in sorted(o.grades.items()):
        if _other_care_scheme(event, area):
            report.disagree(
                f"{_where(event)} {area}: not added, {o.where} says {grade}"
                " but the event judges the care areas the other way"
            )
            continue
        kept = event.grades.setdefault(area, grade)
        if kept == grade:
            event.grade_sources.setdefault(area, set()).update(o.citations)
        else:
            report.disagree(f"{_where(event)} {area}: kept {kept}, {o.where} says {grade}")
    event.report_ids |= o.report_ids
    event.citations |= o.citations
    event.rows.append(o.where)
    event.official = event.official or o.official


def reconcile(observations: Iterable[Observation], report: Reconciliation) -> list[Event]:
    """Merge observations, in rank order, into events; rows matching nothing mint new events."""
    by_authority: dict[str, list[Event]] = {}
    for o in observations:
        events = by_authority.setdefault(o.authority.gss, [])
        event, how = _find(events, o)
        if event is not None:
            report.merged[o.source] += 1
            _merge(event, o, how, report)
            continue
        if o.framework is None:
            report.reject(
                o.source, "type not stated and no official event within tolerance", o.where
            )
            continue
        event = Event(authority=o.authority, framework=o.framework)
        _merge(event, o, "new", report)
        events.append(event)
    return [event for events in by_authority.values() for event in events]
