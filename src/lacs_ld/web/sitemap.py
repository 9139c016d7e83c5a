"""`{base}sitemap.xml`, `{base}sitemaps/{n}.xml`, `{base}robots.txt` and `{base}favicon.ico`.

The sitemap index and its sitemaps are computed once per published snapshot and kept
until the next publish, like the dataset description.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, render_template, send_from_directory
from werkzeug.exceptions import NotFound

from lacs_ld.services.sitemap import Sitemaps, pages
from lacs_ld.web import context
from lacs_ld.web.snapshot_values import per_snapshot, snapshot_validated

blueprint = Blueprint("sitemap", __name__)
CACHE_KEY = "lacs.sitemaps"
XML = "application/xml"


def sitemaps() -> Sitemaps:
    """The sitemaps of the snapshot being served, computed on first demand."""
    return per_snapshot(
        CACHE_KEY, lambda _: Sitemaps(tuple(pages(context.store(), context.base())))
    )


@blueprint.route("/sitemap.xml", methods=["GET", "HEAD"])
def index() -> Response:
    numbers = range(1, sitemaps().count + 1)
    body = render_template("sitemap-index.xml", numbers=numbers, lastmod=_lastmod())
    return _send(body, XML)


@blueprint.route("/sitemaps/<int:number>.xml", methods=["GET", "HEAD"])
def sitemap(number: int) -> Response:
    urls = sitemaps().page(number)
    if urls is None:
        raise NotFound(f"there are {sitemaps().count} sitemaps; see {context.base()}sitemap.xml")
    return _send(render_template("sitemap.xml", urls=urls, lastmod=_lastmod()), XML)


@blueprint.route("/robots.txt", methods=["GET", "HEAD"])
def robots() -> Response:
    base = context.base()
    body = render_template("robots.txt", base=base, path=urlsplit(base).path)
    return _send(body, "text/plain; charset=utf-8")


@blueprint.route("/favicon.ico", methods=["GET", "HEAD"])
def favicon() -> Response:
    static = current_app.static_folder or ""
    response = send_from_directory(static, "favicon.ico", mimetype="image/vnd.microsoft.icon")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def _lastmod() -> str:
    return context.snapshot().issued


def _send(body: str, content_type: str) -> Response:
    return snapshot_validated(Response(body, content_type=content_type))
