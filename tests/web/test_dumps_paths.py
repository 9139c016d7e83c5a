"""Downloads under the default relative settings: folders are absolute once, errors uncached."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from lacs_ld.app import create_app
from lacs_ld.settings import Settings
from tests.conftest import REPO, TEST_BASE

PREFIX = "/lacs/"


@pytest.fixture(scope="module")
def relative_app(state_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """An app whose every folder setting is relative to a working directory it then leaves.

    The state folder links to the session's, so the validated snapshot is reused.
    """
    work = tmp_path_factory.mktemp("work")
    for name in ("data", "ontology", "shapes"):
        (work / name).symlink_to(REPO / name)
    (work / "var").symlink_to(state_dir)
    monkey = pytest.MonkeyPatch()
    monkey.chdir(work)
    settings = Settings.load({"base_uri": TEST_BASE, "query_workers": 1}, environ={})
    monkey.chdir(REPO / "src" / "lacs_ld")
    app = create_app(settings)
    yield app
    app.extensions["lacs"].store.close()
    monkey.undo()


def test_every_download_answers_200_from_relative_folder_settings(relative_app: Flask) -> None:
    client = relative_app.test_client()
    listing = client.get(PREFIX + "dumps/", headers={"Accept": "text/html"})
    assert listing.status_code == 200
    release = relative_app.extensions["lacs"].snapshot.release
    sums = client.get(f"{PREFIX}dumps/{release}/SHA256SUMS", buffered=True)
    assert sums.status_code == 200, sums.text
    for line in sums.text.splitlines():
        digest, name = line.split("  ", 1)
        answer = client.get(f"{PREFIX}dumps/{release}/{name}", buffered=True)
        assert answer.status_code == 200, (name, answer.status_code)
        assert hashlib.sha256(answer.data).hexdigest() == digest, name


@pytest.mark.parametrize(
    "path",
    ["dumps/0.0.0-1999-01-01/lacs-ld.ttl", "dumps/0.0.0-1999-01-01/", "dumps/latest/nope.ttl"],
)
def test_a_missing_release_or_file_is_never_cacheable(relative_app: Flask, path: str) -> None:
    answer = relative_app.test_client().get(PREFIX + path, buffered=True)
    assert answer.status_code == 404
    assert answer.headers["Cache-Control"] == "no-store"
