"""`/health`: a cheap answer for load balancers, naming the release being served."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from lacs_ld.web import context

blueprint = Blueprint("health", __name__)


@blueprint.route("/health", methods=["GET", "HEAD"])
def health() -> Response:
    publication = context.publication()
    current = publication.snapshot
    response = jsonify(
        status="ok" if current else "starting",
        release=current.release if current else None,
        triples=current.triples if current else 0,
        backend=publication.store.name,
    )
    response.headers["Cache-Control"] = "no-store"
    if current is None:
        response.status_code = 503
    return response
