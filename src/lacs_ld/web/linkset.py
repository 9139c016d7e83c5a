"""Linksets (RFC 9264) and the Signposting links of pages that are not documents.

`{base}linkset/{target}` lists the links `{base}{target}` sends, as
`application/linkset+json` (the default) or `application/linkset`. The home page and
every download get their `Link` header here; HTML pages get the same links as `<link>`
elements through the signposting partial.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, g, request
from rdflib import URIRef
from rdflib.namespace import DCAT
from werkzeug.exceptions import NotFound

from lacs_ld import uris
from lacs_ld.services.describe.terms import exists
from lacs_ld.services.description.schema_org import dataset_jsonld
from lacs_ld.services.resources import Describer
from lacs_ld.web import context
from lacs_ld.web.description import description
from lacs_ld.web.http import conditional
from lacs_ld.web.resource_paths import check_path
from lacs_ld.web.resource_responses import signposts
from lacs_ld.web.signposting import embedded, kinds, links
from lacs_ld.web.signposting.links import LINKSET_JSON, LINKSET_TEXT, Link
from lacs_ld.web.signposting.memo import remember

blueprint = Blueprint("linkset", __name__)


@blueprint.route("/linkset/", defaults={"target": ""}, methods=["GET", "HEAD"])
@blueprint.route("/linkset/<path:target>", methods=["GET", "HEAD"])
def linkset(target: str) -> Response:
    """The links of one resource, as a linkset in the format the client prefers."""
    base = context.base()
    # One resource in two syntaxes: JSON unless the client prefers the text form
    # (RFC 9110 §12.5.1 lets a server disregard an Accept it cannot meet).
    offered = [LINKSET_JSON, LINKSET_TEXT]
    chosen = request.accept_mimetypes.best_match(offered) if request.accept_mimetypes else None
    found = remember(f"linkset {target}", lambda: links_of(target))
    if found is None:
        raise NotFound(f"{base}{target} has no linkset here")
    anchor = base + target
    if chosen == LINKSET_TEXT:
        response = Response(links.linkset_text(anchor, found), content_type=LINKSET_TEXT)
    else:
        response = Response(links.linkset_json(anchor, found), content_type=LINKSET_JSON)
    response.vary.add("Accept")
    return conditional(response, seed=context.snapshot().etag_seed)


def links_of(target: str) -> list[Link] | None:
    """The links of `{base}{target}`: the home page, the dataset, a document or a download."""
    base = context.base()
    if target in ("", "doc/dataset", ".well-known/void"):
        return kinds.dataset(base, description(), target=target)
    if target.startswith("doc/"):
        path = target[len("doc/") :]
        check_path(path)
        parsed = uris.parse(path)
        if parsed is None or parsed.kind == "part":
            return None
        describer = Describer(context.store(), base)
        if not exists(describer.store, URIRef(uris.thing(base, path))):
            return None
        found = describer.describe(path)
        return signposts(found, path) if found is not None else None
    if target.startswith("dumps/") and base + target in _download_urls():
        return kinds.download(base, description(), base + target)
    return None


def schema_org() -> str:
    """The dataset as a schema.org Dataset, ready for a script element."""
    return embedded.escape(json.dumps(dataset_jsonld(description(), context.base()), indent=2))


def _download_urls() -> set[str]:
    return {str(url) for url in description().objects(None, DCAT.downloadURL)}


@blueprint.after_app_request
def _signpost(response: Response) -> Response:
    """The home page and every download send their links in a `Link` header."""
    endpoint = request.endpoint
    if endpoint not in ("home.home", "dumps.download") or request.method not in ("GET", "HEAD"):
        return response
    if response.status_code >= 400:
        return response
    base = context.base()
    if endpoint == "home.home":
        home = remember("links ", lambda: kinds.dataset(base, description(), target=""))
        response.headers["Link"] = links.header(home)
    elif response.status_code in (200, 206, 304):
        url = base + request.path.lstrip("/")
        found = remember(f"links {url}", lambda: kinds.download(base, description(), url))
        response.headers["Link"] = links.header(found)
    return response


@blueprint.app_context_processor
def _page_links() -> dict[str, object]:
    """What the signposting partial of a page shows: its links and its triples."""
    found = g.get("signposts")
    extra = g.get("jsonld_extra", [])
    if found is None and request.endpoint == "home.home":
        # The home page is the dataset's landing page: its links and its schema.org Dataset.
        found = remember("links ", lambda: kinds.dataset(context.base(), description(), target=""))
        extra = remember("schema.org dataset", lambda: [schema_org()])
    return {"signposts": found or [], "jsonld": g.get("jsonld"), "jsonld_extra": extra}
