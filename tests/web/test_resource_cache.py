"""The per-process records behind cached documents and cheap `303`s."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from lacs_ld.web.resource_cache import KnownThings, known

BIRMINGHAM = "authority/E08000025"


def test_known_things_keep_the_most_recently_used_within_their_bound() -> None:
    things = KnownThings(max_entries=2)
    things.add(("s1", "a"))
    things.add(("s1", "b"))
    assert ("s1", "a") in things  # now the most recent
    things.add(("s1", "c"))
    assert ("s1", "a") in things and ("s1", "c") in things
    assert ("s1", "b") not in things
    assert ("s2", "a") not in things  # another snapshot is another key


def test_a_thing_found_once_is_remembered_for_its_snapshot_and_unknown_ones_are_not(
    app: Flask, client: FlaskClient
) -> None:
    snapshot = app.extensions["lacs"].snapshot.key
    first = client.get("/lacs/id/" + BIRMINGHAM, headers={"Accept": "text/turtle"})
    assert first.status_code == 303
    assert (snapshot, BIRMINGHAM) in known(app)
    again = client.get("/lacs/id/" + BIRMINGHAM, headers={"Accept": "text/html"})
    assert again.status_code == 303
    assert again.headers["Location"].endswith(f"doc/{BIRMINGHAM}.html")
    assert "Accept" in again.headers["Vary"].split(", ")
    missing = client.get("/lacs/id/authority/E08999999")
    assert missing.status_code == 404
    assert (snapshot, "authority/E08999999") not in known(app)
