"""The pictures' data of a snapshot, read from its store once at publish and kept beside it.

Every server process then reads one small file instead of querying its store, so drawing
the home page neither fills each process's store cache nor waits on a query after a start.
The file is written before the manifest, so it is checksummed and verified like the rest.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.pictures.grades import (
    BY_SLUG,
    NONE,
    Graded,
    Latest,
    Selects,
    graded,
    latest_grades,
)

FILE = "artefacts/pictures-1.json"  # the number changes whenever what is written does


def write_into(directory: Path, store: Selects, namespaces: ProjectNamespaces) -> int:
    """Write the pictures' data of the store's snapshot into its folder; how many authorities."""
    found = graded(store, namespaces)
    latest = latest_grades(store, namespaces, found)
    target = directory / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    fields = {
        "graded": [{**asdict(item), "look": item.look.slug} for item in found],
        "latest": [{**asdict(item), "look": item.look.slug} for item in latest],
    }
    target.write_text(json.dumps(fields, sort_keys=True) + "\n", encoding="utf-8")
    return len(latest)


def read(directory: Path) -> tuple[list[Graded], list[Latest]] | None:
    """The pictures' data kept in a snapshot folder, or None for a snapshot built without it."""
    try:
        fields: dict[str, Any] = json.loads((directory / FILE).read_text(encoding="utf-8"))
        return (
            [Graded(**{**item, "look": _look(item)}) for item in fields["graded"]],
            [Latest(**{**item, "look": _look(item)}) for item in fields["latest"]],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _look(item: dict[str, Any]) -> Any:
    return BY_SLUG.get(str(item["look"]), NONE)
