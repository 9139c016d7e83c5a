"""The view-model of the SHACL shapes page: each shape's targets, constraints and messages."""

from __future__ import annotations

from typing import Any

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SH

from lacs_ld.web.vocabulary.pages import label, term


def shapes_page(graph: Graph) -> dict[str, Any]:
    """Every shape, and every message no shape's constraints already show."""
    shapes: list[dict[str, Any]] = []
    for shape in sorted(graph.subjects(RDF.type, SH.NodeShape), key=str):
        constraints = []
        for prop in graph.objects(shape, SH.property):
            constraints.append(
                {
                    "path": term(graph, graph.value(prop, SH.path)),
                    "rules": [
                        f"{label(graph, p)} {o if isinstance(o, Literal) else label(graph, o)}"
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
                "label": label(graph, shape),
                "comment": str(graph.value(shape, RDFS.comment) or ""),
                "target": term(graph, graph.value(shape, SH.targetClass)),
                "targets": [
                    term(graph, t) for t in sorted(graph.objects(shape, SH.targetClass), key=str)
                ],
                "messages": sorted(str(m) for m in graph.objects(shape, SH.message)),
                "constraints": constraints,
            }
        )
    shown = {m for s in shapes for m in s["messages"]}
    shown |= {c["message"] for s in shapes for c in s["constraints"]}
    others = sorted(
        {
            (label(graph, node), str(message))
            for node, message in graph.subject_objects(SH.message)
            if str(message) not in shown
        }
    )
    return {
        "title": "SHACL shapes",
        "shapes": shapes,
        "others": [{"label": name, "message": message} for name, message in others],
    }
