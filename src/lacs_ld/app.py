"""The composition root: `create_app(settings)` wires settings, store, publication and views."""

from __future__ import annotations

import logging
import signal
import threading
from importlib import import_module

from flask import Flask

from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services.publish import Publication, current
from lacs_ld.settings import Settings
from lacs_ld.store import open_store
from lacs_ld.web import BLUEPRINTS
from lacs_ld.web.errors import register_error_handlers
from lacs_ld.web.http import BasePath, register_http_hygiene

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, *, load_current: bool = False) -> Flask:
    """A ready service: the data published (or a PublishError raised) before the first request.

    Server processes started by a supervisor pass `load_current` to serve the snapshot the
    supervisor last validated instead of publishing again.
    """
    settings = settings or Settings.load()
    app = Flask(__name__)
    app.wsgi_app = BasePath(app.wsgi_app, settings.base_uri)  # type: ignore[method-assign]
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]
    publication = Publication(settings, open_store(settings))
    if load_current:
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


def reload_on_sighup(publication: Publication) -> None:
    """SIGHUP re-publishes the data folder; invalid data leaves the previous snapshot served."""
    if threading.current_thread() is not threading.main_thread():
        return

    def handler(signum: int, frame: object) -> None:
        ok, message = publication.reload()
        (log.info if ok else log.error)("SIGHUP: %s", message)

    signal.signal(signal.SIGHUP, handler)
