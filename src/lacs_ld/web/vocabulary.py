"""`{base}def/…`: the ontology, the concept schemes and the shapes, served directly.

`def/lacs` is a hash namespace: `def/lacs#Quote` names a term and `def/lacs` the
document defining every term, so there is no 303 — `GET def/lacs` answers 200 with the
negotiated document (`Vary: Accept`, `Content-Location: def/lacs.{ext}`), and
`def/lacs.{ext}` answers in that format. Concept schemes (`def/{scheme}`) and concepts
(`def/{scheme}/{slug}`) are slash IRIs naming both the concept and its description
(as SKOS vocabularies on the web customarily do), answered the same way. `def/shapes`
is the SHACL shapes graph. The same ETag, Last-Modified, Cache-Control and `Link`
rules as `doc/` apply.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, render_template, request
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from lacs_ld import queries, uris
from lacs_ld.formats import DOCUMENT_FORMATS, Format
from lacs_ld.namespaces import OGL
from lacs_ld.negotiation import choose
from lacs_ld.web import context
from lacs_ld.web.errors import render_error
from lacs_ld.web.http import conditional
from lacs_ld.web.resources import BY_EXT, Rendered, cache, check_path, modified

blueprint = Blueprint("vocabulary", __name__)


def _graph_for(name: str) -> Graph:
    base = context.base()
    graph = Graph()
    for prefix, ns in context.namespaces().prefixes().items():
        graph.bind(prefix, ns, override=True)
    store = context.store()
    if name == "lacs":
        graph += store.construct(
            queries.load("vocab-graph"),
            {
                "graph": URIRef(uris.graph(base, "vocabulary")),
                "namespace": Literal(base + "def/lacs"),
            },
        )
    elif name == "shapes":
        graph += store.construct(
            queries.load("vocab-graph"),
            {
                "graph": URIRef(uris.graph(base, "shapes")),
                "namespace": Literal(base + "def/shapes"),
            },
        )
    else:
        graph += store.construct(
            queries.load("vocab-scheme"), {"this": URIRef(base + "def/" + name)}
        )
    return graph


def _label(graph: Graph, node: Node) -> str:
    for prop in (SKOS.prefLabel, RDFS.label):
        value = graph.value(node, prop)
        if value is not None:
            return str(value)
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def _term(graph: Graph, node: Node | None) -> dict[str, Any] | None:
    if node is None:
        return None
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return {"label": " or ".join(_label(graph, m) for m in Collection(graph, members))}
        return {"label": "(anonymous)"}
    return {"label": _label(graph, node), "href": str(node)}


def _ontology_page(graph: Graph) -> dict[str, Any]:
    base = context.base()
    ns = base + "def/lacs#"
    store = context.store()
    usage_text = queries.load("vocab-usage")
    terms = []
    for kind, types in (
        ("Classes", (OWL.Class, RDFS.Class, RDFS.Datatype)),
        ("Properties", (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)),
    ):
        found = sorted(
            {s for t in types for s in graph.subjects(RDF.type, t) if str(s).startswith(ns)},
            key=str,
        )
        entries = []
        for s in found:
            assert isinstance(s, URIRef)
            rows = store.select(usage_text, {"term": s})
            entries.append(
                {
                    "id": str(s)[len(ns) :],
                    "iri": str(s),
                    "label": _label(graph, s),
                    "comment": str(graph.value(s, RDFS.comment) or ""),
                    "domain": _term(graph, graph.value(s, RDFS.domain)),
                    "range": _term(graph, graph.value(s, RDFS.range)),
                    "parents": [
                        _term(graph, p)
                        for p in graph.objects(s, RDFS.subClassOf)
                        if isinstance(p, URIRef)
                    ]
                    + [_term(graph, p) for p in graph.objects(s, RDFS.subPropertyOf)],
                    "uses": int(rows[0]["n"]) if rows else 0,
                }
            )
        terms.append({"kind": kind, "entries": entries})
    title = _label(graph, URIRef(base + "def/lacs"))
    return {"title": title if title != "lacs" else "The lacs ontology", "sections": terms}


def _scheme_page(graph: Graph, iri: str) -> dict[str, Any]:
    concepts = sorted(
        (
            {
                "iri": str(c),
                "label": _label(graph, c),
                "notation": str(graph.value(c, SKOS.notation) or ""),
                "definition": str(graph.value(c, SKOS.definition) or ""),
                "broader": _term(graph, graph.value(c, SKOS.broader)),
            }
            for c in graph.subjects(SKOS.inScheme, URIRef(iri))
        ),
        key=lambda c: (c["notation"], c["label"]),
    )
    return {
        "title": _label(graph, URIRef(iri)),
        "definition": str(graph.value(URIRef(iri), SKOS.definition) or ""),
        "concepts": concepts,
    }


def _shapes_page(graph: Graph) -> dict[str, Any]:
    shapes: list[dict[str, Any]] = []
    for shape in sorted(graph.subjects(RDF.type, SH.NodeShape), key=str):
        constraints = []
        for prop in graph.objects(shape, SH.property):
            constraints.append(
                {
                    "path": _term(graph, graph.value(prop, SH.path)),
                    "rules": [
                        f"{_label(graph, p)} {o if isinstance(o, Literal) else _label(graph, o)}"
                        for p, o in sorted(graph.predicate_objects(prop))
                        if p not in (SH.path, SH.message) and str(p).startswith(str(SH))
                    ],
                    "message": str(graph.value(prop, SH.message) or ""),
                }
            )
        for sparql in graph.objects(shape, SH.sparql):
            constraints.append(
                {
                    "path": None,
                    "rules": [str(graph.value(sparql, RDFS.comment) or "a SPARQL constraint")],
                    "message": str(graph.value(sparql, SH.message) or ""),
                }
            )
        shapes.append(
            {
                "iri": str(shape),
                "id": str(shape).rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                "label": _label(graph, shape),
                "comment": str(graph.value(shape, RDFS.comment) or ""),
                "target": _term(graph, graph.value(shape, SH.targetClass)),
                "targets": [
                    _term(graph, t) for t in sorted(graph.objects(shape, SH.targetClass), key=str)
                ],
                "messages": sorted(str(m) for m in graph.objects(shape, SH.message)),
                "constraints": constraints,
            }
        )
    shown = {m for s in shapes for m in s["messages"]}
    shown |= {c["message"] for s in shapes for c in s["constraints"]}
    others = sorted(
        {
            (_label(graph, node), str(message))
            for node, message in graph.subject_objects(SH.message)
            if str(message) not in shown
        }
    )
    return {
        "title": "SHACL shapes",
        "shapes": shapes,
        "others": [{"label": label, "message": message} for label, message in others],
    }


@blueprint.route("/def/<path:path>", methods=["GET", "HEAD"])
def definition(path: str) -> Response:
    check_path(path)
    base = context.base()
    fmt: Format | None = None
    stem, dot, ext = path.rpartition(".")
    if dot and ext in BY_EXT:
        fmt, path = BY_EXT[ext], stem
    parts = path.split("/")
    if len(parts) > 2 or not all(re.fullmatch(uris.SLUG, p) for p in parts):
        return _not_found(path)
    negotiated = fmt is None
    if fmt is None:
        fmt = choose(request.accept_mimetypes, DOCUMENT_FORMATS)
        if fmt is None:
            choices = {f.label: f"{base}def/{path}.{f.extension}" for f in DOCUMENT_FORMATS}
            return render_error(
                406,
                "Not acceptable",
                "Offered as Turtle, N-Triples, RDF/XML, JSON-LD and HTML.",
                choices,
            )
    snapshot = context.snapshot()
    key = (snapshot.key, "def/" + path, fmt.key)
    found = cache().get(key)
    if found is None:
        body = _render(path, fmt)
        if body is None:
            return _not_found(path)
        found = Rendered(body)
        cache().put(key, found)
    response = Response(found.body, content_type=fmt.content_type)
    if negotiated:
        response.vary.add("Accept")
        response.headers["Content-Location"] = f"{base}def/{path}.{fmt.extension}"
    links = [
        f'<{base}def/{path}.{f.extension}>; rel="alternate"; type="{f.media_type}"'
        for f in DOCUMENT_FORMATS
    ]
    links += [
        f'<{base}def/{path}>; rel="cite-as"',
        f'<{base}doc/dataset>; rel="describedby"',
        f'<{OGL}>; rel="license"',
    ]
    response.headers["Link"] = ", ".join(links)
    return conditional(response, seed=snapshot.etag_seed, modified=modified())


def _not_found(path: str) -> Response:
    base = context.base()
    return render_error(404, "Not found", f"No vocabulary term or scheme at {base}def/{path}.")


def _render(path: str, fmt: Format) -> bytes | None:
    base = context.base()
    parts = path.split("/")
    iri = f"{base}def/{path}"
    if len(parts) == 2:
        graph = _graph_for(path)
        if not graph:
            return None
        if fmt.key == "html":
            this = URIRef(iri)
            values = {
                "title": _label(graph, this),
                "iri": iri,
                "facts": [
                    {
                        "property": _term(graph, p),
                        "value": _term(graph, o)
                        if not isinstance(o, Literal)
                        else {"label": str(o)},
                    }
                    for p, o in sorted(graph.predicate_objects(this))
                ],
                "scheme": _term(graph, URIRef(f"{base}def/{parts[0]}")),
            }
            return render_template("vocab-concept.html", **values, formats=_formats(path)).encode()
        return graph.serialize(format=fmt.serializer, encoding="utf-8")
    graph = _graph_for(parts[0])
    if not graph:
        return None
    if fmt.key != "html":
        return graph.serialize(format=fmt.serializer, encoding="utf-8")
    if path == "lacs":
        return render_template(
            "vocab.html", **_ontology_page(graph), formats=_formats(path)
        ).encode()
    if path == "shapes":
        return render_template(
            "vocab-shapes.html", **_shapes_page(graph), formats=_formats(path)
        ).encode()
    if (URIRef(iri), RDF.type, SKOS.ConceptScheme) not in graph:
        return None
    return render_template(
        "vocab-scheme.html", **_scheme_page(graph, iri), iri=iri, formats=_formats(path)
    ).encode()


def _formats(path: str) -> list[dict[str, str]]:
    base = context.base()
    return [
        {"label": f.label, "type": f.media_type, "href": f"{base}def/{path}.{f.extension}"}
        for f in DOCUMENT_FORMATS
    ]
