"""Read the Data to Insight scrapes of Ofsted's report pages; they rank below official tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lacs_ld.build.geography import Authority, Crosswalk
from lacs_ld.build.observations import Observation, combine_care_areas
from lacs_ld.build.reconcile import Reconciliation
from lacs_ld.build.sources import iso_date, read_rows, upstream_url
from lacs_ld.build.vocab import GRADES, ILACS_TYPES, SEND_OUTCOMES

ILACS_HISTORY = "d2i_scrapes/jt39_ofsted_csc_ilacs_history.csv"
ILACS_LATEST = "d2i_scrapes/jt39_ofsted_csc_ilacs_overview_latest.csv"
JTAI = "d2i_scrapes/d2i_ofsted_csc_jtai_overview.csv"
SEND = "d2i_scrapes/d2i_ofsted_csc_send_overview.csv"

SCRAPE_AREAS = {
    "overall_effectiveness_grade": "overall-effectiveness",
    "impact_of_leaders_grade": "impact-of-leaders",
    "help_and_protection_grade": "help-and-protection",
    "in_care_grade": "children-in-care",
    "care_leavers_grade": "care-leavers",
}
# Scrape markers that mean "no grade here", not a grade.
NOT_GRADES = {"", "data_unreadable", "inspection_pre_dates_judgement", "not_reported_post_reform"}


def _authority(crosswalk: Crosswalk, row: dict[str, str], date: str | None) -> Authority | None:
    """A scrape row's authority: GSS code, then DfE code, then URN, then name.

    The first that names an authority in force on the date wins: the SEND scrape gives
    abolished counties' GSS codes (Cumbria, Dorset County Council) beside the right DfE code
    and name of the authority inspected after the reorganisation.
    """
    found: list[Authority] = []
    for column in ("la_code_new", "ltla23cd"):
        if row.get(column) and (hit := crosswalk.by_code(row[column], date)):
            found.append(hit)
    if row.get("la_code") and (hit := crosswalk.at(row["la_code"], date)):
        found.append(hit)
    if row.get("urn") and (hit := crosswalk.by_urn(row["urn"], date)):
        found.append(hit)
    if hit := crosswalk.by_name(row.get("local_authority", ""), date):
        found.append(hit)
    live = [a for a in found if date is None or a.in_force(date)]
    chosen = live or found
    return chosen[0] if chosen else None


def _grades(row: dict[str, str], name: str, report: Reconciliation) -> dict[str, str]:
    """The scrape's lower-case grades; parser markers are skipped and garbled values counted."""
    found = {}
    for column, area in SCRAPE_AREAS.items():
        value = row.get(column, "").strip().lower()
        if value in NOT_GRADES:
            continue
        if value not in GRADES:
            report.reject(
                name, f"unrecognised grade {value!r} ignored", f"{column} row {row['urn']}"
            )
            continue
        found[area] = GRADES[value]
    return found


def read_ilacs_scrapes(
    sources: Path, crosswalk: Crosswalk, report: Reconciliation
) -> Iterator[Observation]:
    """JT-39's history of children's services reports (ILACS and older) and its latest overview."""
    for name in (ILACS_HISTORY, ILACS_LATEST):
        rows = read_rows(sources, name)
        report.rows_read[name] += len(rows)
        for number, row in enumerate(rows, start=2):
            issued = iso_date(row["publication_date"])
            authority = _authority(crosswalk, row, issued)
            if authority is None:
                report.unmatched(name, f"{row['urn']} {row['local_authority']}")
                report.reject(name, "authority not matched")
                continue
            kind = row["inspection_framework"].lower()
            framework = ILACS_TYPES.get(kind) if kind else None
            if kind and framework is None:
                report.notes[f"{name}: framework {kind!r} read as ILACS, type unknown"] += 1
                framework = "ilacs"
            link = row["inspection_link"] or None
            yield Observation(
                source=name,
                row=number,
                authority=authority,
                framework=framework,
                issued=issued,
                start=iso_date(row["inspection_start_date"]),
                end=iso_date(row["inspection_end_date"]),
                grades=combine_care_areas(_grades(row, name, report)),
                report=link,
                citations={upstream_url(name)} | ({link} if link else set()),
            )


def read_area_scrapes(
    sources: Path, crosswalk: Crosswalk, report: Reconciliation
) -> Iterator[Observation]:
    """The latest JTAI (with theme) and area SEND inspection (with outcome) of each authority."""
    for name, framework in ((JTAI, "jtai"), (SEND, "send-2023")):
        rows = read_rows(sources, name)
        report.rows_read[name] += len(rows)
        for number, row in enumerate(rows, start=2):
            issued = iso_date(row["publication_date"])
            authority = _authority(crosswalk, row, issued)
            if authority is None:
                report.unmatched(name, f"{row['urn']} {row['local_authority']}")
                report.reject(name, "authority not matched")
                continue
            grades = {}
            outcome = row.get("outcome_grade", "")
            if outcome in SEND_OUTCOMES:
                grades["overall-effectiveness"] = SEND_OUTCOMES[outcome]
            elif framework == "send-2023":
                report.reject(name, f"outcome {outcome!r} is not 1, 2 or 3: no outcome stated")
            link = row["inspection_link"] or None
            # The JTAI scrape's start date equals its publication date in 46 of 49 rows: the
            # on-site dates of a JTAI are read from its report (report_dates.py) or not stated.
            start = iso_date(row["inspection_start_date"]) if framework != "jtai" else None
            yield Observation(
                source=name,
                row=number,
                authority=authority,
                framework=framework,
                issued=issued,
                start=start,
                end=iso_date(row.get("inspection_end_date", "")),
                grades=grades,
                theme=row.get("inspection_theme") or None,
                report=link,
                citations={upstream_url(name)} | ({link} if link else set()),
            )
