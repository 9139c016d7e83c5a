"""The source files: where each came from upstream, and how to read them despite their quirks."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from urllib.parse import quote

GITHUB = "https://github.com"

_DFE_QA = (
    "dfe-analytical-services/dfe-published-data-qa",
    "bcc7ca543e7fa7c4b6f69c56c37f5cfa387b2a67",
)
_DFER = ("dfe-analytical-services/dfeR", "9e3e11cdd7ff79b1b9ca175243fff9f27f22888e")
_CSC = (
    "dfe-analytical-services/CSC_outcomes_and_enablers",
    "2f5d11a431050523dab58810083259d3313029ae",
)
_CSC_2024 = (
    "dfe-analytical-services/CSC_outcomes_and_enablers",
    "564a8ad63aa7990c00a6de3716ff8be74692e5a7",
)
_MYSOC = (
    "mysociety/uk_local_authority_names_and_codes",
    "67ef8b118938678401a452f4f19f669a7221cc73",
)
_JT39 = ("JT-39/ofsted-ilacs-scrape-tool", "54af59bf7856a26530b1eeb45c1c1c146f34cb8a")
_JTAI = ("data-to-insight/ofsted-jtai-scrape-tool", "98c6166c82272470d3629378e9ba4da365e8e6df")
_SEND = ("data-to-insight/ofsted-send-scrape-tool", "a3254b1b0336beb876a4e123d751756628e37383")

_ODS_2025 = "data-raw/LA_Inspection_Outcomes_as_at_31_March_2025.ods"
_ODS_2023 = "data-raw/Childrens_social_care_in_England_2023_underlying_data.ods"


def github_blob(repo: str, commit: str, path: str) -> str:
    """The permanent GitHub URL of one file at one commit, so a citation never drifts."""
    return f"{GITHUB}/{repo}/blob/{commit}/{quote(path)}"


# Each local file (relative to data-sources/) -> the upstream file it was copied or converted from.
UPSTREAM: dict[str, tuple[tuple[str, str], str]] = {
    "geography/dfe_ees_las.csv": (_DFE_QA, "data/las.csv"),
    "geography/dfe_ees_regions.csv": (_DFE_QA, "data/regions.csv"),
    "geography/dfe_ees_region_la_hierarchy.csv": (_DFE_QA, "data/region_la_hierarchy.csv"),
    "geography/gias_english_la_name_codes.csv": (_DFER, "data/EnglishLaNameCodes.csv"),
    "geography/mysociety_uk_local_authorities_future.csv": (
        _MYSOC,
        "data/packages/uk_la_future/uk_local_authorities_future.csv",
    ),
    "geography/d2i_provider_data_lookup.csv": (
        _JT39,
        "import_data/la_lookup/Provider_data_lookup.csv",
    ),
    "ofsted_official/ofsted_la_outcomes_latest_as_at_2025-03-31.csv": (_CSC, _ODS_2025),
    "ofsted_official/ofsted_ilacs_inspection_history_2018-2025.csv": (_CSC, _ODS_2025),
    "ofsted_official/ofsted_la_in_year_activity_2024-25.csv": (_CSC, _ODS_2025),
    "ofsted_official/ofsted_la_in_year_activity_2023-24.csv": (
        _CSC_2024,
        "data/LA_Inspection_Outcomes_as_at_March_2024.ods",
    ),
    "ofsted_official/ofsted_la_in_year_activity_2022-23.csv": (_CSC, _ODS_2023),
    "ofsted_official/ofsted_la_inspections_2009-2023_current_las.csv": (_CSC, _ODS_2023),
    "ofsted_official/ofsted_la_inspections_2009-2023_former_las.csv": (_CSC, _ODS_2023),
    "d2i_scrapes/jt39_ofsted_csc_ilacs_history.csv": (_JT39, "ofsted_csc_ilacs_history.csv"),
    "d2i_scrapes/jt39_ofsted_csc_ilacs_overview_latest.csv": (
        _JT39,
        "ofsted_csc_ilacs_overview.xlsx",
    ),
    "d2i_scrapes/d2i_ofsted_csc_jtai_overview.csv": (_JTAI, "ofsted_csc_jtai_overview.xlsx"),
    "d2i_scrapes/d2i_ofsted_csc_send_overview.csv": (_SEND, "ofsted_csc_send_overview.xlsx"),
}


def upstream_url(name: str) -> str:
    """The upstream URL to cite for a local source file, because local paths are not citable."""
    (repo, commit), path = UPSTREAM[name]
    return github_blob(repo, commit, path)


def read_rows(sources: Path, name: str) -> list[dict[str, str]]:
    """Read one CSV under data-sources/ as dicts, dropping any BOM and trimming every value."""
    path = sources / "data-sources" / name
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {key.strip(): (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(handle)
        ]


_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), start=1)}


def iso_date(text: str) -> str | None:
    """Normalise the sources' date spellings (ISO, dd/mm/yy, dd/mm/yyyy, '7 July 2014') to ISO."""
    text = text.strip()
    if not text or text == "-":
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text).isoformat()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        if year < 100:
            year += 2000
        return dt.date(year, month, day).isoformat()
    match = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text)
    if match and match.group(2).lower() in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
        return dt.date(year, month, day).isoformat()
    raise ValueError(f"unrecognised date {text!r}")


_RANGE = re.compile(
    r"(?P<d1>\d{1,2})(?:\s+(?P<m1>[A-Za-z]+))?(?:\s+(?P<y1>\d{4}))?"
    r"\s*(?:\u2013|-|\u2500|to)\s*"
    r"(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]+)\s+(?P<y2>\d{4})"
)
_NUMERIC_RANGE = re.compile(
    r"(\d{1,2}/\d{1,2}/\d{4})\s*(?:\u2013|-|\u2500|to)\s*(\d{1,2}/\d{1,2}/\d{4})"
)
_MONTH_ABBREVIATIONS = {name[:3]: number for name, number in _MONTHS.items()}


def _month(name: str) -> int:
    """Month number from a full or three-letter month name, as SIF report covers spell them."""
    key = name.lower()
    if key in _MONTHS:
        return _MONTHS[key]
    return _MONTH_ABBREVIATIONS[key[:3]]


def date_range(text: str) -> tuple[str, str] | None:
    """Parse an on-site period such as '18 March 2014 to 09 April 2014' or '9-20 November 2015'."""
    numeric = _NUMERIC_RANGE.search(text)
    if numeric:
        start_text, end_text = iso_date(numeric.group(1)), iso_date(numeric.group(2))
        return (start_text, end_text) if start_text and end_text else None
    match = _RANGE.search(text)
    if not match:
        return None
    end = dt.date(int(match["y2"]), _month(match["m2"]), int(match["d2"]))
    start_month = _month(match["m1"]) if match["m1"] else end.month
    start_year = int(match["y1"]) if match["y1"] else end.year
    start = dt.date(start_year, start_month, int(match["d1"]))
    if start > end and not match["y1"]:
        start = start.replace(year=start_year - 1)
    return start.isoformat(), end.isoformat()
