"""`{base}dumps/`: release-pinned downloads of the whole dataset, with checksums.

- `{base}dumps/` lists the current release's files (HTML, or RDF by content negotiation)
  with media type, size in bytes, triple count and SHA-256, and names every kept release.
- `{base}dumps/{release}/{file}` is immutable: the same URL always gives the same bytes.
  gzip files are served as `application/gzip` downloads, never as a `Content-Encoding`,
  so the bytes received are the bytes the checksum names.
- `{base}dumps/latest/{file}` answers `302 Found` to the current release's file.
- `{base}dumps/{release}/SHA256SUMS` checks with `sha256sum -c SHA256SUMS`.
"""

from __future__ import annotations

import base64
import hashlib

from flask import (
    Blueprint,
    Response,
    current_app,
    g,
    redirect,
    render_template,
    request,
    send_file,
)

from lacs_ld.formats import DOCUMENT_FORMATS, Format
from lacs_ld.negotiation import choose
from lacs_ld.services import dumps
from lacs_ld.services.description import dumps_graph, licences
from lacs_ld.services.description_counts import triple_counts
from lacs_ld.web import context
from lacs_ld.web.errors import render_error
from lacs_ld.web.http import conditional, snapshot_time
from lacs_ld.web.signposting import embedded
from lacs_ld.web.signposting.memo import remember

blueprint = Blueprint("dumps", __name__)
LATEST = "latest"
IMMUTABLE = 365 * 24 * 3600


@blueprint.after_request
def _errors_are_not_cached(response: Response) -> Response:
    """A missing release may appear at the next publish: no cache may keep an error."""
    if response.status_code >= 400:
        response.headers["Cache-Control"] = "no-store"
    return response


def current_release() -> dumps.Release:
    return dumps.ensure(context.snapshot())


def kept_releases() -> dict[str, dumps.Release]:
    return dumps.releases(context.settings().state_dir, context.snapshot())


def _not_found(message: str) -> Response:
    return render_error(404, "Not found", message, {"downloads": context.base() + "dumps/"})


@blueprint.route("/dumps/", methods=["GET", "HEAD"])
def listing() -> Response:
    release = current_release()
    chosen = choose(request.accept_mimetypes, (DOCUMENT_FORMATS[-1], *DOCUMENT_FORMATS[:-1]))
    if chosen is None:
        return render_error(406, "Not acceptable", "The downloads list is HTML or RDF.")
    return _listing(release, chosen, kept_releases())


@blueprint.route("/dumps/<release>/", methods=["GET", "HEAD"])
def release_listing(release: str) -> Response:
    if release == LATEST:
        return _redirect(context.base() + f"dumps/{current_release().release}/")
    found = kept_releases().get(release)
    if found is None:
        return _not_found(f"No release {release} is kept here.")
    chosen = choose(request.accept_mimetypes, (DOCUMENT_FORMATS[-1], *DOCUMENT_FORMATS[:-1]))
    if chosen is None:
        return render_error(406, "Not acceptable", "The downloads list is HTML or RDF.")
    return _listing(found, chosen, kept_releases())


def _listing(release: dumps.Release, fmt: Format, releases: dict[str, dumps.Release]) -> Response:
    base = context.base()
    by_part = remember("licences by part", lambda: licences.by_part(context.store(), base))
    graph = remember(f"downloads {release.release}", lambda: dumps_graph(release, base, by_part))
    if fmt.key == "html":
        # The page carries its own triples as JSON-LD (the signposting partial writes them).
        prefixes = context.namespaces().prefixes()
        g.jsonld = remember(
            f"downloads {release.release} json-ld", lambda: embedded.jsonld(graph, prefixes)
        )
        body = render_template(
            "dumps.html",
            release=release,
            releases=sorted(releases, reverse=True),
            current=current_release().release,
            counts=triple_counts(context.snapshot()),
            base=base,
        )
    else:
        body = graph.serialize(format=fmt.serializer)
    response = Response(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    snapshot = context.snapshot()
    return conditional(
        response,
        seed=snapshot.etag_seed,
        modified=snapshot_time(release.issued, (release.directory / dumps.INDEX).stat().st_mtime),
    )


@blueprint.route("/dumps/<release>/<name>", methods=["GET", "HEAD"])
def download(release: str, name: str) -> Response:
    if release == LATEST:
        current = current_release()
        if current.path(name) is None:
            return _not_found(f"The current release has no file {name}.")
        return _redirect(context.base() + f"dumps/{current.release}/{name}")
    found = kept_releases().get(release)
    if found is None:
        return _not_found(f"No release {release} is kept here.")
    path = found.path(name)
    if path is None or not path.is_file():
        return _not_found(f"Release {release} has no file {name}.")
    if not found.intact(name, context.publication().intact_files):
        # A damaged file is never served under a checksum it does not match.
        return render_error(503, "Unavailable", f"Release {release}'s file {name} is damaged.")
    file = found.file(name)
    mimetype = file.served_type if file else "text/plain"
    etag = file.sha256 if file else _sums_etag(found)
    attachment = file is not None and file.is_rdf
    response = send_file(
        path,
        mimetype=mimetype,
        as_attachment=attachment,
        download_name=name,
        conditional=True,
        etag=etag,
        last_modified=snapshot_time(found.issued, path.stat().st_mtime),
        max_age=IMMUTABLE,
    )
    response.headers["Cache-Control"] = f"public, max-age={IMMUTABLE}, immutable"
    if file is not None:
        # RFC 9530: the digest of the whole file, whatever range this response carries.
        digest = base64.b64encode(bytes.fromhex(file.sha256)).decode()
        response.headers["Repr-Digest"] = f"sha-256=:{digest}:"
    return response


def _sums_etag(release: dumps.Release) -> str:
    return hashlib.sha256(release.sums().encode()).hexdigest()


def _redirect(target: str) -> Response:
    response = current_app.make_response(redirect(target, code=302))
    response.headers["Cache-Control"] = "public, max-age=60"
    return response
