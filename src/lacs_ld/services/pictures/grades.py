"""The grades the pictures draw: how each grade looks, and the data read from the store.

Every grade has a colour (safe for colour-blind readers, at least 3:1 against the page),
a shape and a short name, so a mark never says its grade by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from rdflib import Literal, URIRef

from lacs_ld import queries
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.store import Bindings, Row


class Selects(Protocol):
    """What the pictures read from: a serving store, or the store a publish has just loaded."""

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]: ...


@dataclass(frozen=True)
class Look:
    """How one grade is drawn: its CSS class, its shape and a short name for tight places."""

    slug: str
    label: str
    shape: str
    short: str


LOOKS: tuple[Look, ...] = (
    Look("outstanding", "Outstanding", "circle", "O"),
    Look("good", "Good", "square", "G"),
    Look("requires-improvement", "Requires improvement to be good", "triangle", "RI"),
    Look("inadequate", "Inadequate", "cross", "I"),
)
NONE = Look("none", "No graded inspection", "ring", "-")
BY_SLUG = {look.slug: look for look in LOOKS}


def look_of(grade: URIRef | str | None) -> Look:
    """The look of a grade concept (by its IRI's last segment), or of no grade."""
    if grade is None:
        return NONE
    slug = str(grade).rstrip("/").rsplit("/", 1)[-1]
    return BY_SLUG.get(slug, NONE)


@dataclass(frozen=True)
class Latest:
    """One authority and the overall grade of its latest graded inspection."""

    authority: str
    name: str
    region: str
    look: Look
    inspection: str | None
    published: str


@dataclass(frozen=True)
class YearCount:
    """How many inspections published in one year gave one grade."""

    year: int
    look: Look
    count: int


@dataclass(frozen=True)
class Graded:
    """One inspection graded on the four-point scale."""

    inspection: str
    authority: str
    look: Look
    published: str


def graded(store: Selects, namespaces: ProjectNamespaces) -> list[Graded]:
    """Every inspection graded outstanding to inadequate, each authority's newest first."""
    lacs = namespaces.lacs
    bindings = {
        "lacs_inspectedAuthority": lacs.inspectedAuthority,
        "lacs_overallJudgement": lacs.overallJudgement,
    }
    return [
        Graded(
            str(row["inspection"]),
            str(row["authority"]),
            look_of(_text(row["grade"])),
            _text(row["published"]),
        )
        for row in store.select(queries.load("pictures-latest-grades"), bindings)
    ]


def latest_grades(
    store: Selects, namespaces: ProjectNamespaces, found: list[Graded]
) -> list[Latest]:
    """Every authority in force and its latest four-point grade, by region then name."""
    lacs = namespaces.lacs
    bindings = {
        "lacs_LocalAuthority": lacs.LocalAuthority,
        "lacs_region": lacs.region,
        "lacs_inForceTo": lacs.inForceTo,
    }
    newest: dict[str, Graded] = {}
    for item in found:  # newest first within each authority
        newest.setdefault(item.authority, item)
    latest = []
    for row in store.select(queries.load("pictures-authorities"), bindings):
        authority = str(row["authority"])
        last = newest.get(authority)
        latest.append(
            Latest(
                authority,
                _text(row["name"]),
                _text(row["regionName"]),
                last.look if last else NONE,
                last.inspection if last else None,
                last.published if last else "",
            )
        )
    return latest


def grades_by_year(found: list[Graded]) -> list[YearCount]:
    """Inspections per year published and overall grade, oldest year first."""
    tally: dict[tuple[int, str], int] = {}
    for item in found:
        if item.published[:4].isdigit():
            key = (int(item.published[:4]), item.look.slug)
            tally[key] = tally.get(key, 0) + 1
    return [YearCount(year, BY_SLUG[slug], n) for (year, slug), n in sorted(tally.items())]


def _text(value: object) -> str:
    return str(value) if isinstance(value, Literal | URIRef) else ""
