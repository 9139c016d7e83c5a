"""Read Ofsted's official statistics tables into observations; they outrank every other source."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lacs_ld.build.columns_2009 import BLOCKS_2009, ILACS_PREFIXES_2009, ilacs_columns
from lacs_ld.build.geography import Authority, Crosswalk
from lacs_ld.build.observations import ILACS_AREAS, Observation, combine_care_areas
from lacs_ld.build.reconcile import Reconciliation
from lacs_ld.build.sources import iso_date, read_rows, upstream_url
from lacs_ld.build.vocab import ILACS_TYPES, grade

HISTORY = "ofsted_official/ofsted_ilacs_inspection_history_2018-2025.csv"
LATEST = "ofsted_official/ofsted_la_outcomes_latest_as_at_2025-03-31.csv"
IN_YEAR = tuple(
    f"ofsted_official/ofsted_la_in_year_activity_{y}.csv" for y in ("2024-25", "2023-24", "2022-23")
)
TABLE_2009 = tuple(
    f"ofsted_official/ofsted_la_inspections_2009-2023_{kind}_las.csv"
    for kind in ("current", "former")
)


# Frameworks before November 2013 graded "Adequate" where the table prints the later label.
PRE_2013 = ("slac", "slac-reinspection", "cpi", "cpri", "tlac")
ADEQUATE = {"requires-improvement": "adequate"}


def _grades(row: dict[str, str], columns: dict[str, str]) -> dict[str, str]:
    """The graded areas of a row; blank and '-' mean not judged, so they are left out."""
    found = {}
    for area, column in columns.items():
        value = grade(row.get(column, ""))
        if value:
            found[area] = value
    return found


def read_2009_tables(
    sources: Path, crosswalk: Crosswalk, report: Reconciliation
) -> Iterator[Observation]:
    """Every dated framework block of the 2009-2023 per-authority table (names joined to GSS)."""
    for name in TABLE_2009:
        rows = read_rows(sources, name)
        report.rows_read[name] += len(rows)
        former = "former" in name
        for number, row in enumerate(rows, start=2):
            blocks: list[tuple[str | None, str, dict[str, str]]] = list(BLOCKS_2009)
            for prefix in ILACS_PREFIXES_2009:
                if f"{prefix} publication date" in row:
                    kind = ILACS_TYPES.get(
                        row.get(f"{prefix} inspection type", "").lower(), "ilacs"
                    )
                    blocks.append(
                        (kind, f"{prefix} publication date", ilacs_columns(list(row), prefix))
                    )
            for framework, date_column, columns in blocks:
                issued = iso_date(row.get(date_column, ""))
                if not issued:
                    continue
                authority = crosswalk.by_name(row["Local authority name"], issued, former=former)
                if authority is None:
                    report.unmatched(name, row["Local authority name"])
                    report.reject(name, "authority name not in the crosswalk")
                    continue
                grades = combine_care_areas(_grades(row, columns))
                if framework in PRE_2013:
                    grades = {a: ADEQUATE.get(g, g) for a, g in grades.items()}
                yield Observation(
                    source=name,
                    row=number,
                    authority=authority,
                    framework=framework,
                    issued=issued,
                    grades=grades,
                    citations={upstream_url(name)},
                    official=True,
                )


def _resolve(crosswalk: Crosswalk, row: dict[str, str], date: str | None) -> Authority | None:
    """An official row's authority: by its GSS code where it has one, else by name."""
    code = row.get("Local authority area code", "")
    if code:
        return crosswalk.by_code(code, date)
    return crosswalk.by_name(row["Local authority name"], date)


def read_ilacs_tables(
    sources: Path, crosswalk: Crosswalk, report: Reconciliation
) -> Iterator[Observation]:
    """The ILACS history, the latest outcomes and the three in-year activity tables."""
    for name in (HISTORY, LATEST, *IN_YEAR):
        rows = read_rows(sources, name)
        report.rows_read[name] += len(rows)
        for number, row in enumerate(rows, start=2):
            kind = row.get("Inspection type") or row.get("Inspection/Visit type") or ""
            framework = ILACS_TYPES.get(kind.lower(), "ilacs") if name != LATEST else "ilacs"
            start = iso_date(row.get("Inspection date") or row.get("Inspection/Visit date") or "")
            issued = iso_date(row.get("Publication date", ""))
            authority = _resolve(crosswalk, row, issued or start)
            if authority is None:
                report.unmatched(
                    name, row.get("Local authority area code") or row["Local authority name"]
                )
                report.reject(name, "authority not in the crosswalk")
                continue
            values = [
                v
                for k, v in row.items()
                if k.startswith(("Overall", "The ", "Impact", "Experiences"))
            ]
            areas = (*ILACS_AREAS, "care-leavers")
            grades = {a: g for a, v in zip(areas, values, strict=False) if (g := grade(v))}
            yield Observation(
                source=name,
                row=number,
                authority=authority,
                framework=framework,
                issued=issued,
                start=start,
                grades=combine_care_areas(grades),
                theme=row.get("Visit Theme") or None,
                citations={upstream_url(name)},
                official=True,
            )
