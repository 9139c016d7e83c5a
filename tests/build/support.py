"""What the build tests share: where the source tables are, the test base, and the built result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from lacs_ld.build import Reconciliation

REPO = Path(__file__).parents[2]
SOURCES = REPO / "sources"
BASE = "http://example.org/lacs/"


@dataclass(frozen=True)
class Built:
    """One build of the source tables into a temporary data folder."""

    data_dir: Path
    report: Reconciliation
    authorities: Graph
    inspections: Graph
