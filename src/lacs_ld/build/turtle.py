"""A deterministic Turtle writer: same graph, same bytes, with base-relative IRIs and no @base."""

from __future__ import annotations

import re
from collections import defaultdict

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

# Every IRI the build mints is held under this placeholder, then written relative to the base.
PLACEHOLDER_BASE = "urn:lacs-base:"

PREFIXES: dict[str, str] = {
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "lacs": PLACEHOLDER_BASE + "def/lacs#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_IRI_ESCAPES = {c: f"\\u{ord(c):04X}" for c in '<>"{}|^`\\ '}
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NATIVE = {str(XSD.integer): re.compile(r"[+-]?\d+"), str(XSD.boolean): re.compile("true|false")}


def _iri(value: str) -> str:
    """An IRIREF, relative when under the placeholder base; unsafe characters \\u-escaped."""
    if value.startswith(PLACEHOLDER_BASE):
        value = value[len(PLACEHOLDER_BASE) :]
    escaped = "".join(
        _IRI_ESCAPES.get(c, c) if ord(c) > 0x20 else f"\\u{ord(c):04X}" for c in value
    )
    return f"<{escaped}>"


def _name(value: str, used: set[str]) -> str:
    """A prefixed name where a declared prefix fits and the local part is plain, else an IRIREF."""
    for prefix, namespace in PREFIXES.items():
        if value.startswith(namespace) and _LOCAL.fullmatch(value[len(namespace) :]):
            used.add(prefix)
            return f"{prefix}:{value[len(namespace) :]}"
    return _iri(value)


def _literal(value: Literal, used: set[str]) -> str:
    """A literal in one canonical spelling: escaped string, language tag or datatype."""
    text = "".join(_STRING_ESCAPES.get(c, c) for c in str(value))
    if value.language:
        return f'"{text}"@{value.language}'
    if value.datatype is None or value.datatype == XSD.string:
        return f'"{text}"'
    pattern = _NATIVE.get(str(value.datatype))
    if pattern is not None and pattern.fullmatch(str(value)):
        return str(value)
    return f'"{text}"^^{_name(str(value.datatype), used)}'


def _term(node: Node, used: set[str]) -> str:
    """Write one subject, predicate or object; blank nodes are refused so every node is citable."""
    if isinstance(node, BNode):
        raise ValueError("blank nodes cannot be written deterministically; mint an IRI instead")
    if isinstance(node, Literal):
        return _literal(node, used)
    if isinstance(node, URIRef):
        return _name(str(node), used)
    raise TypeError(f"unsupported RDF term {node!r}")


def _subject_key(subject: Node) -> str:
    """Sort subjects by the IRI as written, so related resources sit together."""
    text = str(subject)
    return text[len(PLACEHOLDER_BASE) :] if text.startswith(PLACEHOLDER_BASE) else text


def serialize(graph: Graph) -> str:
    """Turtle text for a graph: sorted subjects, `a` first then sorted predicates and objects."""
    used: set[str] = set()
    by_subject: dict[Node, dict[Node, list[str]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in graph:
        by_subject[subject][predicate].append(_term(obj, used))
    blocks = []
    for subject in sorted(by_subject, key=_subject_key):
        predicates = by_subject[subject]
        lines = []
        ordered = sorted(predicates, key=lambda p: (p != RDF.type, _name(str(p), set())))
        for predicate in ordered:
            verb = "a" if predicate == RDF.type else _term(predicate, used)
            objects = sorted(set(predicates[predicate]))
            lines.append(f"    {verb} " + " ,\n        ".join(objects))
        blocks.append(_term(subject, used) + "\n" + " ;\n".join(lines) + " .\n")
    header = "".join(f"@prefix {prefix}: {_iri(PREFIXES[prefix])} .\n" for prefix in sorted(used))
    return header + "\n" + "\n".join(blocks)
