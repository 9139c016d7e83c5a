"""`{base}def/…`: the ontology, the concept schemes and the shapes, served directly.

`def/lacs` is a hash namespace: `def/lacs#Quote` names a term and `def/lacs` the
document defining every term, so there is no 303 — `GET def/lacs` answers 200 with the
negotiated document (`Vary: Accept`, `Content-Location: def/lacs.{ext}`), and
`def/lacs.{ext}` answers in that format. Concept schemes (`def/{scheme}`) and concepts
(`def/{scheme}/{slug}`) are slash IRIs naming both the concept and its description
(as SKOS vocabularies on the web customarily do), answered the same way. `def/shapes`
is the SHACL shapes graph. The same ETag, Last-Modified, Cache-Control and `Link`
rules as `doc/` apply.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, request

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS, Format
from lacs_ld.namespaces import OGL
from lacs_ld.negotiation import choose
from lacs_ld.web import context
from lacs_ld.web.errors import render_error
from lacs_ld.web.http import conditional
from lacs_ld.web.resource_cache import Rendered, cache
from lacs_ld.web.resource_paths import BY_EXT, check_path
from lacs_ld.web.resource_responses import modified
from lacs_ld.web.vocabulary.render import render

blueprint = Blueprint("vocabulary", __name__)


@blueprint.route("/def/<path:path>", methods=["GET", "HEAD"])
def definition(path: str) -> Response:
    check_path(path)
    base = context.base()
    fmt: Format | None = None
    stem, dot, ext = path.rpartition(".")
    if dot and ext in BY_EXT:
        fmt, path = BY_EXT[ext], stem
    parts = path.split("/")
    if len(parts) > 2 or not all(re.fullmatch(uris.SLUG, p) for p in parts):
        return _not_found(path)
    negotiated = fmt is None
    if fmt is None:
        fmt = choose(request.accept_mimetypes, DOCUMENT_FORMATS)
        if fmt is None:
            choices = {f.label: f"{base}def/{path}.{f.extension}" for f in DOCUMENT_FORMATS}
            return render_error(
                406,
                "Not acceptable",
                "Offered as Turtle, N-Triples, RDF/XML, JSON-LD and HTML.",
                choices,
            )
    snapshot = context.snapshot()
    key = (snapshot.key, "def/" + path, fmt.key)
    found = cache().get(key)
    if found is None:
        body = render(path, fmt)
        if body is None:
            return _not_found(path)
        found = Rendered(body)
        cache().put(key, found)
    response = Response(found.body, content_type=fmt.content_type)
    if negotiated:
        response.vary.add("Accept")
        response.headers["Content-Location"] = f"{base}def/{path}.{fmt.extension}"
    links = [
        f'<{base}def/{path}.{f.extension}>; rel="alternate"; type="{f.media_type}"'
        for f in DOCUMENT_FORMATS
    ]
    links += [
        f'<{base}def/{path}>; rel="cite-as"',
        f'<{base}doc/dataset>; rel="describedby"',
        f'<{OGL}>; rel="license"',
    ]
    response.headers["Link"] = ", ".join(links)
    return conditional(response, seed=snapshot.etag_seed, modified=modified())


def _not_found(path: str) -> Response:
    base = context.base()
    return render_error(404, "Not found", f"No vocabulary term or scheme at {base}def/{path}.")
