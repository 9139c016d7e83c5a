"""The served snapshot's lists and search index: its file, opened once per process."""

from __future__ import annotations

from flask import current_app

from lacs_ld.services.listings import ListReader
from lacs_ld.services.search import Artefact, SearchIndex, open_artefact
from lacs_ld.web import context

KEY = "lacs.artefact"


def artefact() -> Artefact:
    """The file of the snapshot being served, opened (and written, if missing) on first use."""
    snapshot = context.snapshot()
    found = current_app.extensions.get(KEY)
    if not isinstance(found, Artefact) or found.key != snapshot.key:
        found = open_artefact(context.store(), snapshot)
        current_app.extensions[KEY] = found
    return found


def catalogue() -> ListReader:
    """The lists of the snapshot being served."""
    return artefact().lists


def search_index() -> SearchIndex:
    """The full-text index of the snapshot being served."""
    return artefact().search
