"""`{base}query/{slug}` for a person: the example's query, description and results as a page."""

from __future__ import annotations

import json
from urllib.parse import quote

from flask import Response, render_template

from lacs_ld.formats import BY_KEY, RESULT_FORMATS
from lacs_ld.queries import Example
from lacs_ld.store import QueryAnswer


def editor_url(base: str, example: Example) -> str:
    """The query editor opened on an example."""
    return f"{base}sparql?query={quote(example.text, safe='')}"


def example_page(base: str, example: Example, answer: QueryAnswer) -> Response:
    """The example as HTML; `answer` is its SPARQL JSON results."""
    results = json.loads(answer.read())
    columns: list[str] = results["head"].get("vars", [])
    rows = [
        [_cell(binding.get(name)) for name in columns]
        for binding in results.get("results", {}).get("bindings", [])
    ]
    formats = [
        {
            "label": f.label,
            "type": f.media_type,
            "href": f"{base}query/{example.slug}?format={f.key}",
        }
        for f in RESULT_FORMATS
    ]
    body = render_template(
        "query.html",
        example=example,
        editor=editor_url(base, example),
        columns=columns,
        rows=rows,
        formats=formats,
    )
    response = Response(body, content_type=BY_KEY["html"].content_type)
    response.vary.add("Accept")
    return response


def _cell(term: dict[str, str] | None) -> dict[str, str]:
    """A results cell: its text, and a link when it is an IRI."""
    if term is None:
        return {"text": ""}
    if term["type"] == "uri":
        return {"text": term["value"], "href": term["value"]}
    return {"text": term["value"]}
