"""Access to the request's publication, settings and namespaces from any view."""

from __future__ import annotations

from flask import current_app

from lacs_ld.errors import PublishError
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.publish import Publication
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings
from lacs_ld.store import Store


def publication() -> Publication:
    found: Publication = current_app.extensions["lacs"]
    return found


def settings() -> Settings:
    return publication().settings


def store() -> Store:
    return publication().store


def snapshot() -> Snapshot:
    current = publication().snapshot
    if current is None:
        raise PublishError("no dataset has been published yet")
    return current


def namespaces() -> ProjectNamespaces:
    found: ProjectNamespaces = current_app.extensions["lacs.namespaces"]
    return found


def base() -> str:
    return settings().base_uri
