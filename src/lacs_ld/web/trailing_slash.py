"""A thing or document path pasted with a trailing slash answers `301` to the path without it.

People copy IRIs with a slash at the end (`{base}id/authority/E08000025/`); the URI scheme
has no path that ends in one under `id/`, `doc/` or `def/`, so the slash can only be a slip.
The redirect names the path under the base URI and keeps the query string.
"""

from __future__ import annotations

from flask import Blueprint, redirect, request
from werkzeug.wrappers import Response

from lacs_ld.web import context
from lacs_ld.web.resource_paths import check_path

blueprint = Blueprint("trailing_slash", __name__)
FAMILIES = ("id/", "doc/", "def/")


@blueprint.before_app_request
def _drop_trailing_slash() -> Response | None:
    path = request.path.lstrip("/")
    if not path.endswith("/") or not path.startswith(FAMILIES):
        return None
    family, _, rest = path.partition("/")
    rest = rest.rstrip("/")
    if not rest:
        return None
    check_path(rest)  # 400 for a malformed path, as its view would answer
    query = request.query_string.decode("ascii", "replace")
    target = f"{context.base()}{family}/{rest}" + (f"?{query}" if query else "")
    response = redirect(target, 301)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
