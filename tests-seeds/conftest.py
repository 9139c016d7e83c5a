"""The seeds suite: checks of data/curated against source texts the repository does not hold.

Run with `bash scripts/test-seeds [SEEDS_DIR]`; the folder defaults to ../shared/seeds beside
the repository. Without it every check fails with a message saying where it looked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
BASE = "https://data.example.test/lacs/"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--seeds",
        default=str(DEFAULT_SEEDS),
        help="folder of the source texts (000_….txt …) the curated facts are taken from",
    )


def collapse(text: str) -> str:
    """Whitespace-insensitive comparison: the texts wrap lines where the data does not."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def seeds(request: pytest.FixtureRequest) -> dict[str, str]:
    """Every source text by file name, whitespace collapsed; fails when the folder is missing."""
    folder = Path(request.config.getoption("--seeds")).resolve()
    texts = {path.name: collapse(path.read_text(encoding="utf-8")) for path in folder.glob("*.txt")}
    if not texts:
        pytest.fail(
            f"no source texts (*.txt) in {folder}: pass their folder with "
            "`bash scripts/test-seeds SEEDS_DIR` (or pytest tests-seeds --seeds SEEDS_DIR)"
        )
    return texts


@pytest.fixture(scope="session")
def curated() -> Graph:
    """data/curated parsed under a test base (its IRIs are relative)."""
    graph = Graph()
    for path in sorted((REPO / "data" / "curated").glob("*.ttl")):
        graph.parse(path, format="turtle", publicID=BASE)
    return graph
