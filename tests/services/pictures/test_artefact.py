"""The pictures' file written at publish holds what the served store says, and is drawn from."""

from __future__ import annotations

from flask import Flask

from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.pictures import artefact, drawn, home_pictures
from lacs_ld.services.pictures.grades import graded, latest_grades


def test_the_file_written_at_publish_holds_the_grades_the_store_holds(app: Flask) -> None:
    publication = app.extensions["lacs"]
    namespaces = ProjectNamespaces(publication.settings.base_uri)
    found = graded(publication.store, namespaces)
    kept = artefact.read(publication.snapshot.directory)
    assert kept == (found, latest_grades(publication.store, namespaces, found))
    assert artefact.FILE in publication.snapshot.files  # checksummed with the rest


def test_the_home_pictures_are_drawn_from_the_file_when_the_snapshot_has_one(app: Flask) -> None:
    publication = app.extensions["lacs"]
    namespaces = ProjectNamespaces(publication.settings.base_uri)
    kept = artefact.read(publication.snapshot.directory)
    assert kept is not None
    from_file = home_pictures(publication.store, namespaces, publication.snapshot)
    assert from_file == drawn(*kept) == home_pictures(publication.store, namespaces)
