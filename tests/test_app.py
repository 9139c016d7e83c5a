"""The composition root's Flask: handlers are checked for async once, not on every request."""

from __future__ import annotations

from flask import Flask


def test_every_view_and_hook_runs_as_written_and_is_checked_once(app: Flask) -> None:
    handlers = list(app.view_functions.values())
    for hooks in (*app.before_request_funcs.values(), *app.after_request_funcs.values()):
        handlers.extend(hooks)
    assert handlers
    for handler in handlers:
        assert app.ensure_sync(handler) is handler
        assert app.ensure_sync(handler) is app.ensure_sync(handler)
