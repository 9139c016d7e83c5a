"""The lists' and search's file written from either backend holds the same tables, row for row."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from flask import Flask

from lacs_ld.services.search import ensure
from lacs_ld.services.snapshot import Snapshot


def written_from(app: Flask, folder: Path) -> list[str]:
    """Write the file from this app's store for a private copy of its snapshot; its SQL dump."""
    publication = app.extensions["lacs"]
    snapshot = publication.snapshot
    shutil.copytree(snapshot.directory, folder, ignore=shutil.ignore_patterns("artefacts"))
    copy = Snapshot.read(folder)
    assert copy is not None
    db = sqlite3.connect(ensure(publication.store, copy))
    try:
        return list(db.iterdump())
    finally:
        db.close()


def test_the_file_is_the_same_from_both_backends(
    backend_apps: dict[str, Flask], tmp_path: Path
) -> None:
    embedded, remote = (written_from(app, tmp_path / name) for name, app in backend_apps.items())
    assert len(embedded) > 1000
    if embedded != remote:
        differing = next(a for a, b in zip(embedded, remote, strict=False) if a != b)
        pytest.fail(f"the files differ, first at: {differing[:300]}")
