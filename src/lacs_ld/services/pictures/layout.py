"""Where each mark of a picture goes: plain numbers the SVG templates draw.

Pictures are drawn 360 units wide, so on a phone one unit is about one pixel and the
text stays readable; on a wide screen they are shown at a bounded width.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lacs_ld.services.pictures.grades import LOOKS, Latest, Look, YearCount, look_of

WIDTH = 360
TILE = 30
PER_ROW = 8


@dataclass
class Tile:
    """One authority's mark in its region's block."""

    x: int
    y: int
    latest: Latest


@dataclass
class Region:
    """One region's block of tiles, and how many of its authorities have each grade."""

    name: str
    tiles: list[Tile] = field(default_factory=list)
    width: int = TILE * PER_ROW
    height: int = TILE

    def count(self, look: Look) -> int:
        return sum(1 for t in self.tiles if t.latest.look == look)


def regions(latest: list[Latest]) -> list[Region]:
    """Authorities grouped by region, laid out in rows of tiles."""
    grouped: dict[str, list[Latest]] = defaultdict(list)
    for item in latest:
        grouped[item.region].append(item)
    found = []
    for name in sorted(grouped):
        region = Region(name)
        for i, item in enumerate(grouped[name]):
            region.tiles.append(Tile((i % PER_ROW) * TILE, (i // PER_ROW) * TILE, item))
        region.height = TILE * (-(-len(region.tiles) // PER_ROW))
        found.append(region)
    return found


def by_year(counts: list[YearCount]) -> dict[str, Any]:
    """Horizontal stacked bars, one per year: each grade's segment, the best grade first."""
    if not counts:
        return {"rows": [], "height": 0, "ticks": []}
    first, last = min(c.year for c in counts), max(c.year for c in counts)
    table = {(c.year, c.look.slug): c.count for c in counts}
    totals = {
        y: sum(table.get((y, look.slug), 0) for look in LOOKS) for y in range(first, last + 1)
    }
    most = max(max(totals.values()), 1)
    left, room, row = 44, WIDTH - 44 - 30, 22
    rows = []
    for i, year in enumerate(range(first, last + 1)):
        x = float(left)
        segments = []
        for look in LOOKS:
            n = table.get((year, look.slug), 0)
            if n:
                w = room * n / most
                segments.append({"x": round(x, 1), "w": round(w, 1), "look": look, "count": n})
                x += w
        rows.append(
            {
                "year": year,
                "y": i * row + 4,
                "segments": segments,
                "total": totals[year],
                "end": round(x, 1),
            }
        )
    step = 10 if most <= 60 else 20
    ticks = [{"x": round(left + room * v / most, 1), "value": v} for v in range(0, most + 1, step)]
    return {
        "rows": rows,
        "height": len(rows) * row + 24,
        "ticks": ticks,
        "left": left,
        "bar": row - 6,
    }


def history(timeline: list[dict[str, Any]], today: date | None = None) -> dict[str, Any]:
    """An authority's inspections as marks on a time axis, one lane per framework."""
    # A visit whose letter has no publication date is placed by its first day on site.
    dated = [
        {**t, "issued": t.get("issued") or t.get("visited", "")}
        for t in timeline
        if (t.get("issued") or t.get("visited", ""))[:4].isdigit()
    ]
    if not dated:
        return {"lanes": [], "height": 0, "ticks": []}
    first = min(2009, min(int(t["issued"][:4]) for t in dated))
    last = max((today or date.today()).year, max(int(t["issued"][:4]) for t in dated)) + 1
    left, right = 12, WIDTH - 12

    def at(issued: str) -> float:
        parts = [int(p) for p in issued.split("-")[:3] if p.isdigit()] + [1, 1]
        when = parts[0] + (parts[1] - 1) / 12 + (parts[2] - 1) / 365
        return round(left + (right - left) * (when - first) / (last - first), 1)

    lanes: dict[str, dict[str, Any]] = {}
    for item in sorted(dated, key=lambda t: t["issued"]):
        framework = item.get("framework")
        name = framework.label if framework is not None else "Other inspections"
        name = name if len(name) <= 50 else name[:48].rstrip() + "…"  # the table has it whole
        lane = lanes.setdefault(name, {"name": name, "marks": []})
        lane["marks"].append(
            {"x": at(item["issued"]), "item": item, "look": _look(item.get("grade"))}
        )
    lane_height = 44
    for i, lane in enumerate(lanes.values()):
        lane["y"] = i * lane_height
    ticks = [{"x": at(f"{year}-01-01"), "year": year} for year in range(first, last + 1, 2)]
    return {
        "lanes": list(lanes.values()),
        "height": len(lanes) * lane_height + 28,
        "ticks": ticks,
        "axis": len(lanes) * lane_height + 4,
    }


def _look(grade: Any) -> Look:
    return look_of(grade.iri if grade is not None else None)
