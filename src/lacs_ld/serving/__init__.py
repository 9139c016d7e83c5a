"""Production serving: gunicorn with threaded workers, publishing in a child process."""

from __future__ import annotations

from lacs_ld.serving.application import Server
from lacs_ld.serving.publisher import first_publish
from lacs_ld.settings import Settings

__all__ = ["serve"]


def serve(settings: Settings) -> None:
    """Publish the data (PublishError if refused), then serve it until stopped."""
    Server(settings, first_publish(settings)).run()
