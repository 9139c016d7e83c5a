"""On-site dates of joint targeted area and area SEND inspections, read from page 1 of the report.

The rule: on page 1 of the report text, the first phrase "Between D [Month] [Year] and D Month
[Year]" (JTAI letters to 2020), "This inspection took place from D [Month] [Year] to D Month
[Year]" (JTAI letters from 2022) or "Inspection dates: D [Month] [Year] to D Month [Year]" (area
SEND reports) gives the first and last day on site. A missing start month or year is the end's;
a start after the end, the year before; a missing end year (two 2016 letters) is the year of the letter's own date, the first date
printed on page 1. The result is checked against page 1: the period runs forward, lasts at most
three weeks, and ends on or before the letter's date and less than a year before it. A report
without such a phrase, or failing a check, gives no date (and the inspection states none).
"""

from __future__ import annotations

import datetime as dt
import json
import lzma
import re
from dataclasses import dataclass
from pathlib import Path

from lacs_ld.build.merge import Event
from lacs_ld.build.reconcile import Reconciliation
from lacs_ld.build.sources import iso_date

TEXTS = "report_text/ofsted_report_texts.jsonl.xz"
# report_index categories whose on-site dates are read from the report.
CATEGORIES = ("joint area child protection inspection", "area send full inspection")
_PERIOD = re.compile(
    r"(?:\bBetween|This inspection took place from|Inspection dates:)\s+"
    r"(?P<d1>\d{1,2})(?:\s+(?P<m1>[A-Z][a-z]+))?(?:\s+(?P<y1>\d{4}))?\s+(?:and|to)\s+"
    r"(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]+)(?:\s+(?P<y2>\d{4}))?"
)
# A letter opens with its date, sometimes after the page number ("1 10 May 2016").
_LETTER_DATE = re.compile(r"^(?:\d\s+)?(\d{1,2} [A-Z][a-z]+ \d{4})\b")
LONGEST_VISIT_DAYS = 21


@dataclass(frozen=True)
class OnSite:
    """The first and last day on site, and the words of page 1 they were read from."""

    start: str
    end: str
    words: str


def first_pages(sources: Path) -> dict[str, str]:
    """report_id -> whitespace-normalised text of page 1, for the reports whose dates are read."""
    found = {}
    with lzma.open(sources / "data-sources" / TEXTS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["report_category"] in CATEGORIES and record["pages"]:
                found[record["report_id"]] = " ".join(record["pages"][0].split())
    return found


def _date(day: str, month: str, year: str) -> str | None:
    """An ISO date from the words of a report, or None when they name no real day."""
    try:
        return iso_date(f"{day} {month} {year}")
    except ValueError:
        return None


def on_site(page: str) -> OnSite | None:
    """The on-site period stated on page 1 by the rule above, or None where it states none."""
    match = _PERIOD.search(page)
    if match is None:
        return None
    letter_match = _LETTER_DATE.match(page)
    letter = _date(*letter_match.group(1).split()) if letter_match else None
    end_year = match["y2"] or (letter[:4] if letter else None)
    if end_year is None:
        return None
    end = _date(match["d2"], match["m2"], end_year)
    start = _date(match["d1"], match["m1"] or match["m2"], match["y1"] or end_year)
    if start is None or end is None:
        return None
    if start > end and not match["y1"]:  # "Between 28 December and 3 January 2019"
        start = _date(match["d1"], match["m1"] or match["m2"], str(int(end[:4]) - 1))
        if start is None:
            return None
    length = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
    if not 0 <= length <= LONGEST_VISIT_DAYS:
        return None
    if letter is not None:
        lag = (dt.date.fromisoformat(letter) - dt.date.fromisoformat(end)).days
        if not 0 <= lag < 366:
            return None
    return OnSite(start, end, match.group(0))


def date_events(events: list[Event], sources: Path, report: Reconciliation) -> None:
    """Give each JTAI and area SEND event the on-site dates its own report states, or none.

    The JTAI scrape's start date is not read at all (it equals the publication date in 46 of
    its 49 rows); the SEND scrape's dates stand only where no report text states the period.
    """
    pages = first_pages(sources)
    for event in events:
        held = sorted(rid for rid in event.report_ids if rid in pages)
        if not held:
            if event.broad == "jtai":
                report.notes["JTAI inspections without a report text: no on-site date"] += 1
            continue
        found = [period for rid in held if (period := on_site(pages[rid])) is not None]
        if not found:
            report.reject(TEXTS, "no on-site period on page 1 by the stated rule", str(held))
            event.start = event.end = None
            continue
        period = found[0]
        for name, value in (("start", period.start), ("end", period.end)):
            current = getattr(event, name)
            if current and current != value:
                report.disagree(
                    f"{event.authority.gss} {event.framework} {event.issued}: {name}: "
                    f"{current!r} replaced by {value!r}, as page 1 of the report says "
                    f"({period.words!r})"
                )
            setattr(event, name, value)
        report.notes[f"on-site dates read from page 1 of the report: {event.broad}"] += 1
