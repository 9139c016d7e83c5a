"""The composition root: `create_app(settings)` wires settings, store, publication and views."""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import import_module
from typing import Any

from flask import Flask

from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.publish import Publication, current, verified
from lacs_ld.settings import Settings
from lacs_ld.store import open_store
from lacs_ld.web import BLUEPRINTS
from lacs_ld.web.errors import register_error_handlers
from lacs_ld.web.http import BasePath, register_http_hygiene

log = logging.getLogger(__name__)


class Service(Flask):
    """Flask, deciding once per handler rather than once per call whether it is async.

    Flask asks `inspect` about every hook and view on every request; the service's are all
    plain functions, and a cached document costs little more than those questions.
    """

    def __init__(self, import_name: str) -> None:
        super().__init__(import_name)
        self._synced: dict[Callable[..., Any], Callable[..., Any]] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        found = self._synced.get(func)
        if found is None:
            found = self._synced[func] = super().ensure_sync(func)
        return found


def create_app(
    settings: Settings | None = None,
    *,
    load_current: bool = False,
    snapshot_key: str | None = None,
) -> Flask:
    """A ready service: the data published (or a PublishError raised) before the first request.

    Server processes started by a supervisor pass `snapshot_key`, the snapshot their siblings
    serve, instead of publishing (`load_current`: the one `lacs-ld publish` last wrote).
    """
    settings = settings or Settings.load()
    app = Service(__name__)
    app.wsgi_app = BasePath(app.wsgi_app, settings.base_uri)  # type: ignore[method-assign]
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]
    publication = Publication(settings, open_store(settings))
    if snapshot_key is not None:
        publication.activate(verified(settings, snapshot_key))
    elif load_current:
        publication.activate(current(settings))
    else:
        publication.publish()
    app.extensions["lacs"] = publication
    app.extensions["lacs.namespaces"] = ProjectNamespaces(settings.base_uri)
    register_http_hygiene(app, settings)
    app.context_processor(lambda: {"base": settings.base_uri})
    register_error_handlers(app)
    for name in BLUEPRINTS:
        module = import_module(f"lacs_ld.web.{name}")
        app.register_blueprint(module.blueprint)
    return app
