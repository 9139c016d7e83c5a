"""Thing paths as requested: refused when malformed or absurd, answered 404/406 when unknown."""

from __future__ import annotations

from flask import Response, abort, request

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS
from lacs_ld.web import context
from lacs_ld.web.errors import render_error

MAX_PATH = 512
BY_EXT = {f.extension: f for f in DOCUMENT_FORMATS}


def check_path(path: str) -> None:
    """400 for anything that is not a plain path, 414 for absurd lengths."""
    if len(path.encode("utf-8", "surrogateescape")) > MAX_PATH:
        abort(414, f"a thing path is at most {MAX_PATH} bytes")
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or ""
    encoded = raw.split("?", 1)[0].lower()
    if "%2f" in encoded or "%2e" in encoded or "%5c" in encoded or not uris.is_safe(path):
        abort(400, "this path holds characters, empty or dot segments no thing path has")


def not_found(path: str) -> Response:
    """404 naming the thing the data lacks, with a search for its last segment."""
    base = context.base()
    return render_error(
        404,
        "Not found",
        f"The data names no thing at {uris.thing(base, path)}.",
        {"search": base + "search?q=" + path.rsplit("/", 1)[-1]},
    )


def not_acceptable(path: str) -> Response:
    """406 listing every format the document is offered in."""
    base = context.base()
    links = {f.label: uris.document(base, path, f.extension) for f in DOCUMENT_FORMATS}
    offered = ", ".join(f"{f.media_type} ({f.label})" for f in DOCUMENT_FORMATS)
    asked = request.headers.get("Accept", "").split(",")[0].split(";")[0].strip()[:60] or "that"
    message = (
        f"This page is not available as {asked}; try HTML or Turtle. It is offered as {offered}."
    )
    return render_error(406, "Not available in that format", message, links)
