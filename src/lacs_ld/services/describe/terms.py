"""The project's terms as the describe queries bind them and as the paged lists name them.

Every query binds the thing (and the project's terms) as RDF terms and starts from a
bound subject or object, so a document costs index lookups, never a scan of the dataset.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import URIRef
from rdflib.term import Identifier

from lacs_ld import queries, uris
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.store import Store
from lacs_ld.store.remote.binding import bind

LACS_TERMS = (
    "rank",
    "inForceFrom",
    "inForceTo",
    "selector",
    "governanceLink",
    "judgement",
    "text",
    "framework",
    "overallJudgement",
    "pdfPage",
    "position",
    "linkMethod",
    "linkRule",
    "linkedClause",
    "governedBy",
    "quotedFrom",
    "startDate",
)
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def bindings_for(namespaces: ProjectNamespaces, **terms: Identifier) -> dict[str, Identifier]:
    """The project's terms as `?lacs_{name}` bindings, plus the given ones."""
    found: dict[str, Identifier] = {f"lacs_{t}": namespaces.lacs[t] for t in LACS_TERMS}
    found.update(terms)
    return found


def only_used(text: str, bindings: dict[str, Identifier]) -> dict[str, Identifier]:
    """The bindings a query text names (a store refuses to bind a variable it lacks)."""
    return {k: v for k, v in bindings.items() if re.search(rf"\?{k}\b", text)}


def display_query(text: str, bindings: dict[str, Identifier]) -> str:
    """A query as a person can run it in the editor, giving the same answer the page shows.

    The bound terms are written as a `VALUES` row at the head of the WHERE group (and in
    place inside it), so the variables stay bound in the projection and GROUP BY and the
    text is valid SPARQL. Only for showing: the service runs the text with bound terms.
    """
    lines = [line for line in text.splitlines() if not line.startswith("VALUES (?lacs_")]
    shown = "\n".join(line for line in lines if "bound as terms by the caller" not in line)
    return bind(shown, only_used(shown, bindings)).strip() + "\n"


def exists(store: Store, iri: URIRef) -> bool:
    """Whether the data says anything about this IRI as a subject."""
    return store.ask(queries.load("describe-exists"), {"this": iri})


def curie(namespaces: ProjectNamespaces, iri: URIRef) -> str:
    """A compact name for a property (`lacs:governedBy`), else the IRI itself."""
    for prefix, ns in namespaces.prefixes().items():
        if str(iri).startswith(ns) and re.fullmatch(r"[A-Za-z][\w-]*", str(iri)[len(ns) :]):
            return f"{prefix}:{str(iri)[len(ns) :]}"
    return str(iri)


def expand(namespaces: ProjectNamespaces, name: str) -> URIRef | None:
    """The property a `property=` parameter names (a compact name or an http(s) IRI)."""
    if name.startswith(("http://", "https://")):
        return URIRef(name) if _IRI.fullmatch(name) else None
    prefix, _, local = name.partition(":")
    ns = namespaces.prefixes().get(prefix)
    if ns is None or not re.fullmatch(r"[A-Za-z][\w-]*", local):
        return None
    return URIRef(ns + local)


def incoming_list_url(base: str, path: str, namespaces: ProjectNamespaces, prop: URIRef) -> str:
    """The paged list of what links to a thing through one property."""
    return (
        f"{uris.document(base, path)}/incoming?property={quote(curie(namespaces, prop), safe=':')}"
    )
