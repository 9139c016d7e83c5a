"""Fixtures for the build tests: the source tables in sources/, and one build of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from lacs_ld.build import build_data

from .support import BASE, SOURCES, Built


@pytest.fixture(scope="session")
def shared_sources() -> Path:
    """The repository's sources/ folder; the build tests need it and never skip."""
    if not (SOURCES / "data-sources" / "README.md").is_file():
        pytest.fail(f"the build tests need the source tables at {SOURCES}/data-sources")
    return SOURCES


@pytest.fixture(scope="session")
def built(shared_sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Build once per session into a temporary folder and parse the result against a test base."""
    data_dir = tmp_path_factory.mktemp("data")
    report = build_data(shared_sources, data_dir)
    generated = data_dir / "generated"
    return Built(
        data_dir=data_dir,
        report=report,
        authorities=Graph().parse(generated / "authorities.ttl", format="turtle", publicID=BASE),
        inspections=Graph().parse(generated / "inspections.ttl", format="turtle", publicID=BASE),
    )
