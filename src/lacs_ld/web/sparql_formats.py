"""Which results format a SPARQL request asks for: `format=` conventions, then `Accept`.

Clients spell `format=` many ways: SPARQLWrapper repeats it and sends a comma-separated list
of media types beside a short name (`format=json-ld&format=application/ld+json,
application/x-json+ld`), and an empty value when it has nothing better. Every value and every
item of a list is a candidate, in the order sent; the first this query form offers wins. An
empty `format=` counts as absent, so the `Accept` header decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from lacs_ld.errors import NotAcceptable, QueryError
from lacs_ld.formats import (
    BY_EXTENSION,
    BY_KEY,
    BY_MEDIA_TYPE,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    Format,
)
from lacs_ld.negotiation import choose

REMEMBERED_ACCEPT_CHARS = 256
# Names clients send for an RDF graph (SPARQLWrapper sends "xml" and "json" for every form).
GRAPH_ALIASES = {
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "json": "jsonld",
    "json-ld": "jsonld",
    "application/json": "jsonld",
    "application/x-json+ld": "jsonld",
    "ttl": "turtle",
    "n3": "turtle",  # Turtle is N3 too
    "text/n3": "turtle",
    "text/rdf+n3": "turtle",
    "application/n3": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "text/plain": "ntriples",
}
# Names clients send for a SPARQL results document.
RESULT_ALIASES = {
    "srj": "json",
    "srx": "xml",
    "sparql-results+json": "json",
    "sparql-results+xml": "xml",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text": "tsv",
}


def requested(values: Iterable[str]) -> list[str]:
    """Every candidate in `format=` values, in order: lists split, parameters and blanks dropped."""
    found: list[str] = []
    for value in values:
        for item in value.split(","):
            name = item.split(";")[0].strip().lower()
            if name:
                found.append(name)
    return found


def offered(form: str) -> tuple[Format, ...]:
    """The formats a query form answers in (SPARQL 1.1 Protocol §2.1.5)."""
    return GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS


def resolve(name: str, offers: Sequence[Format]) -> Format | None:
    """The offered format a name, extension or media type stands for, if any."""
    aliases = GRAPH_ALIASES if offers is GRAPH_FORMATS else RESULT_ALIASES
    key = aliases.get(name, name)
    found = BY_KEY.get(key) or BY_EXTENSION.get(key) or BY_MEDIA_TYPE.get(key)
    return found if found in offers else None


def choose_format(
    form: str, format_values: Sequence[str], accept: str, *, allow_page: bool
) -> Format:
    """The first offered `format=` candidate, else the best `Accept` match (a 400 or 406 if none).

    `accept` is the raw header: a client sends the same one again and again, so the choice
    is remembered for the common, short ones.
    """
    if len(accept) <= REMEMBERED_ACCEPT_CHARS:
        return _remembered(form, tuple(format_values), accept, allow_page)
    return _choose(form, tuple(format_values), accept, allow_page)


def _choose(form: str, format_values: tuple[str, ...], accept: str, allow_page: bool) -> Format:
    offers = offered(form)
    candidates = requested(format_values)
    for name in candidates:
        found = resolve(name, offers)
        if found is not None:
            return found
    if candidates:
        names = ", ".join(f.key for f in offers)
        shown = ",".join(candidates)
        raise QueryError(f"format={shown!r} is not offered for this query; use one of: {names}")
    parsed = parse_accept_header(accept, MIMEAccept) if accept else None
    chosen = choose(parsed, (*offers, BY_KEY["html"]) if allow_page else offers)
    if chosen is None:
        types = ", ".join(f.media_type for f in offers)
        raise NotAcceptable(f"this query can be answered as: {types}")
    return chosen


_remembered = lru_cache(maxsize=512)(_choose)
