"""What a person reads on a document's page, taken from the document's own graph.

Everything here is plain data for the templates: labels, links and numbers.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from rdflib.namespace import RDF

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS
from lacs_ld.services.describe.extras import extras
from lacs_ld.services.describe.model import Description
from lacs_ld.services.describe.reader import View


def page_context(description: Description, path: str, base: str) -> dict[str, Any]:
    """Everything the resource templates show."""
    view = View(description, base)
    types = [view.term(t) for t in description.graph.objects(description.subject, RDF.type)]
    query = description.queries[0] if description.queries else ""
    return {
        "subject": str(description.subject),
        "title": view.label(description.subject),
        "kind": view.kind(),
        "types": types,
        "outgoing": view.outgoing(),
        "incoming": view.incoming(),
        "extras": extras(view),
        "formats": [
            {"label": f.label, "type": f.media_type, "href": uris.document(base, path, f.extension)}
            for f in DOCUMENT_FORMATS
        ],
        "cite": uris.thing(base, path),
        "queries": [
            {"text": q, "href": f"{base}sparql?query={quote(q, safe='')}"}
            for q in description.queries
        ],
        "query": query,
        "document_url": uris.document(base, path),
        "page": description.incoming[0].page if description.incoming else 1,
        "pager": _pager(description),
    }


def _pager(description: Description) -> list[dict[str, str]]:
    links: list[dict[str, str]] = []
    for inc in description.incoming[:1]:
        if inc.page > 1:
            links.append({"rel": "prev", "href": inc.page_url(inc.page - 1), "label": "previous"})
        if inc.page < inc.pages:
            links.append({"rel": "next", "href": inc.page_url(inc.page + 1), "label": "next"})
    return links
