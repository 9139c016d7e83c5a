"""Template filters that put values into words: dates, byte sizes and numbers."""

from __future__ import annotations

from flask import Blueprint

from lacs_ld.services.describe.words import human_bytes, long_date

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
