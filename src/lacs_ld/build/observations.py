"""One source row's account of one inspection event, before the accounts are reconciled."""

from __future__ import annotations

from dataclasses import dataclass, field

from lacs_ld.build.geography import Authority
from lacs_ld.build.vocab import FRAMEWORKS

# Areas of a grade-bearing column, in the order a row states them.
ILACS_AREAS = (
    "overall-effectiveness",
    "impact-of-leaders",
    "help-and-protection",
    "children-in-care",
)


@dataclass
class Observation:
    """What one row says: authority, framework, dates, grades, theme, report and citations."""

    source: str
    row: int
    authority: Authority
    framework: str | None
    issued: str | None = None
    start: str | None = None
    end: str | None = None
    grades: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    report: str | None = None
    report_ids: set[str] = field(default_factory=set)
    citations: set[str] = field(default_factory=set)
    official: bool = False

    @property
    def broad(self) -> str | None:
        """The broad framework slug used in the IRI, or None when the row does not say."""
        if self.framework is None:
            return None
        if self.framework == "ilacs":
            return "ilacs"
        return FRAMEWORKS[self.framework][0]

    @property
    def where(self) -> str:
        """A short citation of the row for the reconciliation report."""
        return f"{self.source} row {self.row}"


def combine_care_areas(grades: dict[str, str]) -> dict[str, str]:
    """Before 2023 ILACS judged children in care and care leavers together: name that area so."""
    if "children-in-care" in grades and "care-leavers" not in grades:
        grades = dict(grades)
        grades["children-in-care-and-care-leavers"] = grades.pop("children-in-care")
    return grades
