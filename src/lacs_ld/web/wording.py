"""Template filters that put values into words: dates, byte sizes and numbers."""

from __future__ import annotations

from flask import Blueprint
from rdflib import URIRef

from lacs_ld.services.describe.terms import curie
from lacs_ld.services.describe.words import human_bytes, long_date, plain_words, words_for
from lacs_ld.web import context

blueprint = Blueprint("wording", __name__)


@blueprint.app_template_filter("long_date")
def long_date_filter(value: object) -> str:
    """`2016-11-25` → "25 November 2016"; anything else unchanged."""
    return long_date(str(value)) if value else ""


@blueprint.app_template_filter("bytes")
def bytes_filter(value: object) -> str:
    """A byte count in kB, MB or GB."""
    return human_bytes(int(str(value))) if str(value).isdigit() else str(value)


@blueprint.app_template_filter("number")
def number_filter(value: object) -> str:
    """A count with thousands separators: 129333 → "129,333"."""
    return f"{int(str(value)):,}" if str(value).lstrip("-").isdigit() else str(value)


@blueprint.app_template_filter("term_words")
def term_words(value: object) -> str:
    """A class or property IRI in words: the words table's label, else its name split."""
    iri = URIRef(str(value))
    namespaces = context.namespaces()
    words = words_for(iri, str(namespaces.lacs))
    if words is not None:
        return words.label
    local = str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return plain_words(local) if local else str(iri)


@blueprint.app_template_filter("compact")
def compact(value: object) -> str:
    """An IRI as a prefixed name where a project prefix fits (`lacs:Quote`)."""
    return curie(context.namespaces(), URIRef(str(value)))
