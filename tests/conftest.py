"""Fixtures: the real app from the real factory, under a base URI no module may hard-code."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from lacs_ld.app import create_app
from lacs_ld.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEST_BASE = "https://data.example.test/lacs/"


def make_settings(state_dir: Path, **overrides: object) -> Settings:
    """Settings for tests: repository files, a private state folder, no environment leaking in."""
    values: dict[str, object] = {
        "base_uri": TEST_BASE,
        "data_dir": REPO / "data",
        "ontology_dir": REPO / "ontology",
        "shapes_dir": REPO / "shapes",
        "state_dir": state_dir,
        "query_workers": 2,
        "query_timeout": 5,
    }
    values.update(overrides)
    return Settings.load(values, environ={})


@pytest.fixture(scope="session")
def state_dir() -> Path:
    """Snapshots are keyed by the hash of their inputs, so validated ones are reused across runs."""
    folder = REPO / "var" / "test-state"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def settings(state_dir: Path) -> Settings:
    return make_settings(state_dir)


@pytest.fixture(scope="session")
def app(settings: Settings) -> Iterator[Flask]:
    application = create_app(settings)
    yield application
    application.extensions["lacs"].store.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled data folder, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    return target
