"""Read the files derived from report PDFs: SIF page-1 facts and the index of every report held."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lacs_ld.build.columns_2009 import SIF_AREAS
from lacs_ld.build.geography import Authority, Crosswalk
from lacs_ld.build.observations import Observation
from lacs_ld.build.reconcile import Reconciliation
from lacs_ld.build.sources import date_range, github_blob, iso_date, read_rows
from lacs_ld.build.vocab import grade

SIF_PARSED = "report_text/sif_reports_page1_parsed.csv"
REPORT_INDEX = "report_text/report_index.csv"

SIF_COLUMNS = dict(
    zip(
        (*SIF_AREAS, "lscb"),
        (
            "overall_judgement",
            "children_who_need_help_and_protection",
            "children_looked_after_and_achieving_permanence",
            "adoption_performance",
            "experiences_and_progress_of_care_leavers",
            "leadership_management_and_governance",
            "lscb_effectiveness",
        ),
        strict=True,
    )
)
# report_index category -> precise framework; children's services reports get theirs by matching.
CATEGORIES = {
    "joint area child protection inspection": "jtai",
    "area send full inspection": "send-2023",
    "children's services inspection": None,
}


def index_rows(sources: Path) -> dict[str, dict[str, str]]:
    """report_index.csv keyed by report_id."""
    return {row["report_id"]: row for row in read_rows(sources, REPORT_INDEX)}


def pdf_citations(row: dict[str, str]) -> set[str]:
    """Where a report PDF can be found: Ofsted's file URL and the committed copy on GitHub."""
    found = {github_blob(row["source_repo"], row["source_commit"], row["source_path"])}
    if row.get("pdf_url"):
        found.add(row["pdf_url"])
    return found


def _authority(crosswalk: Crosswalk, row: dict[str, str], date: str | None) -> Authority | None:
    """A report's authority: by its DfE code (stable across GSS recodes), else its GSS code."""
    if row.get("dfe_la_code") and (found := crosswalk.at(row["dfe_la_code"], date)):
        return found
    return crosswalk.by_code(row.get("gss_code", ""), date)


def read_sif_pages(
    sources: Path, crosswalk: Crosswalk, report: Reconciliation
) -> Iterator[Observation]:
    """SIF reports: on-site dates, page-1 publication date and judgements, and the PDF."""
    index = index_rows(sources)
    rows = read_rows(sources, SIF_PARSED)
    report.rows_read[SIF_PARSED] += len(rows)
    for number, row in enumerate(rows, start=2):
        issued = iso_date(row["report_published_text"]) or iso_date(
            row["publication_date_from_filename"]
        )
        authority = _authority(crosswalk, row, issued)
        if authority is None:
            report.unmatched(SIF_PARSED, f"{row['gss_code']} {row['la_folder_name']}")
            report.reject(SIF_PARSED, "authority not matched")
            continue
        dates = date_range(row["inspection_dates_text"])
        if dates is None and row["inspection_dates_text"]:
            report.reject(
                SIF_PARSED, "inspection dates text not parsed", row["inspection_dates_text"]
            )
        grades = {area: g for area, column in SIF_COLUMNS.items() if (g := grade(row[column]))}
        yield Observation(
            source=SIF_PARSED,
            row=number,
            authority=authority,
            framework="sif-reinspection" if row["is_reinspection"] == "yes" else "sif",
            issued=issued,
            start=dates[0] if dates else None,
            end=dates[1] if dates else None,
            grades=grades,
            report=row["pdf_url"] or None,
            report_ids={row["report_id"]},
            citations=pdf_citations(index[row["report_id"]]),
        )


def read_report_index(
    sources: Path, crosswalk: Crosswalk, report: Reconciliation
) -> Iterator[Observation]:
    """Every report PDF held, as evidence that its inspection took place and where its text is."""
    rows = read_rows(sources, REPORT_INDEX)
    report.rows_read[REPORT_INDEX] += len(rows)
    for number, row in enumerate(rows, start=2):
        category = row["report_category"]
        if category not in CATEGORIES:
            report.reject(
                REPORT_INDEX,
                f"category {category!r} has no framework in the model",
                row["source_path"],
            )
            continue
        issued = iso_date(row["publication_date_from_filename"])
        authority = _authority(crosswalk, row, issued)
        if authority is None:
            report.unmatched(REPORT_INDEX, f"{row['gss_code']} {row['la_folder_name']}")
            report.reject(REPORT_INDEX, "authority not matched")
            continue
        yield Observation(
            source=REPORT_INDEX,
            row=number,
            authority=authority,
            framework=CATEGORIES[category],
            issued=issued,
            report=row["pdf_url"] or None,
            report_ids={row["report_id"]},
            citations=pdf_citations(row),
        )
