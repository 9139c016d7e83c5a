"""Pictures of the grades, drawn on the server as SVG: what each shows, read from the store."""

from __future__ import annotations

from typing import Any

from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.pictures import artefact
from lacs_ld.services.pictures.grades import (
    LOOKS,
    NONE,
    Graded,
    Latest,
    graded,
    grades_by_year,
    latest_grades,
)
from lacs_ld.services.pictures.layout import by_year, regions
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.store import Store


def home_pictures(
    store: Store, namespaces: ProjectNamespaces, snapshot: Snapshot | None = None
) -> dict[str, Any]:
    """The home page's pictures: every authority's latest grade, and grades year by year.

    Read from the snapshot's pictures file when it has one (written at publish), so server
    processes do not each query their store for them; else from the store."""
    kept = artefact.read(snapshot.directory) if snapshot is not None else None
    if kept is None:
        found = graded(store, namespaces)
        kept = (found, latest_grades(store, namespaces, found))
    return drawn(*kept)


def drawn(found: list[Graded], latest: list[Latest]) -> dict[str, Any]:
    """Where every mark of the home page's pictures goes, from the grades they show."""
    counts = grades_by_year(found)
    totals = [(look, sum(1 for item in latest if item.look == look)) for look in (*LOOKS, NONE)]
    years = sorted({c.year for c in counts})
    table = {(c.year, c.look.slug): c.count for c in counts}
    return {
        "looks": LOOKS,
        "none": NONE,
        "latest": latest,
        "regions": regions(latest),
        "totals": [(look, n) for look, n in totals if n],
        "by_year": by_year(counts),
        "year_table": [(y, [table.get((y, look.slug), 0) for look in LOOKS]) for y in years],
    }
