"""A page's triples as JSON-LD inside it, safe to place in a `<script>` element."""

from __future__ import annotations

from rdflib import Graph

from lacs_ld.web.stable_rdf import canonical, stable_jsonld


def jsonld(graph: Graph, prefixes: dict[str, str]) -> str:
    """The graph as compact JSON-LD with the project's prefixes as its context.

    HTML ends a script at the first `</script`, whatever the JSON says; `<` only ever
    occurs inside JSON strings, so writing it as `\\u003c` keeps the same JSON value and
    leaves nothing to end the element early (HTML §4.12.1.3).
    """
    ordered = canonical(graph)
    used = {
        prefix: namespace
        for prefix, namespace in prefixes.items()
        if any(str(term).startswith(namespace) for triple in ordered for term in triple)
    }
    text = ordered.serialize(format="json-ld", context=used, auto_compact=True)
    return escape(stable_jsonld(text))


def escape(text: str) -> str:
    """JSON text that cannot close or open markup inside a script element."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
