"""`/health` says ready only when the store answers and the served snapshot is verified."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator

import pytest
from flask import Flask

from lacs_ld.app import create_app
from lacs_ld.settings import Settings


@pytest.fixture
def own_app(own_state: Settings) -> Iterator[Flask]:
    application = create_app(own_state, load_current=True)
    yield application
    application.extensions["lacs"].store.close()


def test_health_is_200_with_the_release_when_ready(own_app: Flask) -> None:
    snapshot = own_app.extensions["lacs"].snapshot
    answer = own_app.test_client().get("/lacs/health")
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.json["status"] == "ok"
    assert answer.json["release"] == snapshot.release
    assert answer.json["store_answers"] is True
    assert answer.json["snapshot_verified"] is True


def test_health_is_503_once_a_check_finds_the_snapshot_damaged(own_app: Flask) -> None:
    publication = own_app.extensions["lacs"]
    (publication.snapshot.directory / "validation.ttl").write_text("tampered\n")
    assert publication.check() is False
    answer = own_app.test_client().get("/lacs/health")
    assert answer.status_code == 503
    assert answer.json["status"] == "unavailable"
    assert answer.json["snapshot_verified"] is False


def test_a_download_is_served_with_a_repr_digest_of_its_bytes(own_app: Flask) -> None:
    release = own_app.extensions["lacs"].snapshot.release
    answer = own_app.test_client().get(f"/lacs/dumps/{release}/lacs-ld-shapes.ttl")
    assert answer.status_code == 200
    digest = base64.b64encode(hashlib.sha256(answer.get_data()).digest()).decode()
    answer.close()
    assert answer.headers["Repr-Digest"] == f"sha-256=:{digest}:"


def test_a_damaged_download_is_never_served(own_app: Flask) -> None:
    snapshot = own_app.extensions["lacs"].snapshot
    path = snapshot.directory / "dumps" / "lacs-ld-shapes.ttl"
    path.write_bytes(path.read_bytes().replace(b"sh:", b"xx:", 1))
    answer = own_app.test_client().get(f"/lacs/dumps/{snapshot.release}/lacs-ld-shapes.ttl")
    assert answer.status_code == 503
    assert b"damaged" in answer.get_data()
