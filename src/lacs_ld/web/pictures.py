"""The pictures of the grades, worked out once per published snapshot for every page that draws them."""

from __future__ import annotations

from typing import Any

from flask import current_app

from lacs_ld.services.pictures import home_pictures
from lacs_ld.web import context

PICTURES_KEY = "lacs.grade-pictures"


def grade_pictures() -> dict[str, Any]:
    """Every authority's latest grade and grades year by year (the home page and the inspections list)."""
    snapshot = context.snapshot()
    seed = snapshot.etag_seed
    kept = current_app.extensions.get(PICTURES_KEY)
    if kept is None or kept[0] != seed:
        kept = (seed, home_pictures(context.store(), context.namespaces(), snapshot))
        current_app.extensions[PICTURES_KEY] = kept
    found: dict[str, Any] = kept[1]
    return found
