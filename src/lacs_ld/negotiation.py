"""Choose a format from a parsed Accept header (RFC 9110 §12.5.1), with werkzeug's matching."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header, parse_options_header

from lacs_ld.formats import Format

REMEMBERED_ACCEPT_CHARS = 256
# Common generic types a client may send for a representation we offer under a registered type.
ALIASES: dict[str, tuple[str, ...]] = {
    "application/json": ("application/ld+json", "application/sparql-results+json"),
    "application/xml": ("application/rdf+xml", "application/sparql-results+xml"),
    "text/xml": ("application/rdf+xml", "application/sparql-results+xml"),
    "application/xhtml+xml": ("text/html",),
    "text/plain": ("application/n-triples",),
    "application/x-turtle": ("text/turtle",),
    "application/turtle": ("text/turtle",),
}


def without_parameters(accept: Iterable[tuple[str, float]]) -> MIMEAccept:
    """The same preferences with media-type parameters (`charset`, `profile`) set aside.

    RFC 9110 §12.5.1 lets a client qualify a range with parameters; every format here has
    a single form, so a range matches on its type/subtype and keeps the highest q given.
    """
    best: dict[str, float] = {}
    for value, quality in accept:
        mimetype = parse_options_header(value)[0].lower()
        if mimetype:
            best[mimetype] = max(quality, best.get(mimetype, 0.0))
    return MIMEAccept(sorted(best.items(), key=lambda item: -item[1]))


def choose(accept: MIMEAccept | None, offers: Sequence[Format]) -> Format | None:
    """The offered format the client prefers; the first offer when it states no preference."""
    if not offers:
        return None
    if accept is None or not accept:
        return offers[0]
    plain = without_parameters(accept)
    by_type = {f.media_type: f for f in offers}
    chosen = plain.best_match(list(by_type))
    best_quality = plain[chosen] if chosen else 0.0
    for alias, targets in ALIASES.items():
        index = plain.find(alias)  # exact entries only: `*/*` is no request for an alias
        quality = plain[index][1] if index >= 0 else 0.0
        if quality <= best_quality:
            continue
        for target in targets:
            if target in by_type:
                chosen, best_quality = target, quality
                break
    return by_type[chosen] if chosen else None


def choose_for(accept: str | None, offers: tuple[Format, ...]) -> Format | None:
    """`choose` from a raw Accept header; remembered for the short headers clients repeat."""
    if accept and len(accept) > REMEMBERED_ACCEPT_CHARS:
        return _choose_for(accept, offers)
    return _remembered(accept or "", offers)


def _choose_for(accept: str, offers: tuple[Format, ...]) -> Format | None:
    return choose(parse_accept_header(accept, MIMEAccept) if accept else None, offers)


_remembered = lru_cache(maxsize=512)(_choose_for)
