"""Production serving under gunicorn: the supervisor validates, workers load what it validated."""

from __future__ import annotations

import logging
from typing import Any

from gunicorn.app.base import BaseApplication

from lacs_ld.app import create_app
from lacs_ld.errors import PublishError
from lacs_ld.services.build import build, sources_for
from lacs_ld.services.publish import promote
from lacs_ld.settings import Settings

log = logging.getLogger(__name__)


def gunicorn_config(settings: Settings) -> dict[str, Any]:
    """The documented gunicorn configuration (docs/deploying.md)."""
    return {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.workers,
        "worker_class": "sync",
        # A query may run for query_timeout; give the worker room to answer its 503 first.
        "timeout": int(settings.query_timeout) + 30,
        "graceful_timeout": 30,
        "keepalive": 5,
        "accesslog": "-",
        "errorlog": "-",
        # The app answers 414 itself (RFC 9110 §15.5.15) at max_url_bytes.
        "limit_request_line": 0,
        "limit_request_field_size": 16384,
        "preload_app": False,
        "on_reload": _revalidate(settings),
    }


def _revalidate(settings: Settings) -> Any:
    def on_reload(arbiter: Any) -> None:
        """SIGHUP: validate the data again; new workers load it only if it conforms."""
        try:
            snapshot = build(settings, sources_for(settings))
        except PublishError as exc:
            log.error(
                "reload refused, workers keep the previous snapshot: %s\n%s",
                exc.message,
                exc.report,
            )
            return
        promote(settings, snapshot)
        log.info("reload: release %s validated (%d triples)", snapshot.release, snapshot.triples)

    return on_reload


class Server(BaseApplication):
    """gunicorn, configured in code so `lacs-ld serve --workers N` needs no config file."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        super().__init__()

    def load_config(self) -> None:
        for key, value in gunicorn_config(self.settings).items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return create_app(self.settings, load_current=True)


def serve_with_gunicorn(settings: Settings) -> None:
    """Validate and promote once, then run the supervisor."""
    promote(settings, build(settings, sources_for(settings)))
    Server(settings).run()
