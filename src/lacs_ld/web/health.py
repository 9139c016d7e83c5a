"""`/health`: readiness for load balancers: the store answers, the snapshot is verified."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from lacs_ld.errors import LacsError
from lacs_ld.store import Store
from lacs_ld.web import context

blueprint = Blueprint("health", __name__)

_PROBE = "ASK { ?s ?p ?o }"


@blueprint.route("/health", methods=["GET", "HEAD"])
def health() -> Response:
    """200 only when ready: a release is loaded, its files match its manifest, the store answers."""
    publication = context.publication()
    current = publication.snapshot
    answers = _store_answers(publication.store) if current else False
    verified = bool(current) and publication.verified
    ready = bool(current) and answers and verified
    if ready:
        status = "ok"
    elif current is None:
        status = "starting"
    else:
        status = "unavailable"
    response = jsonify(
        status=status,
        release=current.release if current else None,
        snapshot=current.key[:12] if current else None,
        triples=current.triples if current else 0,
        backend=publication.store.name,
        store_answers=answers,
        snapshot_verified=verified,
    )
    response.headers["Cache-Control"] = "no-store"
    if not ready:
        response.status_code = 503
    return response


def _store_answers(store: Store) -> bool:
    try:
        return store.ask(_PROBE)
    except (LacsError, OSError, RuntimeError, ValueError):
        return False
