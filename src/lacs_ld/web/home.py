"""`{base}`: the home page — what the dataset is, counts per class, entry points, examples.

HTML for browsers; Turtle, JSON-LD, N-Triples or RDF/XML by content negotiation (the
dataset with a `void:classPartition` per class, counted by SPARQL over the data graph).
"""

from __future__ import annotations

from flask import Blueprint, Response, g, render_template
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, VOID, XSD

from lacs_ld import queries
from lacs_ld.errors import LacsError
from lacs_ld.formats import BY_KEY, Format
from lacs_ld.namespaces import OGL
from lacs_ld.services.description_counts import count_literal, triple_counts
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.web import context
from lacs_ld.web.answers import error_page, finish, graph_response, negotiate
from lacs_ld.web.catalogue import catalogue
from lacs_ld.web.pictures import grade_pictures
from lacs_ld.web.signposting import embedded
from lacs_ld.web.signposting.memo import remember
from lacs_ld.web.sparql_examples import editor_url

blueprint = Blueprint("home", __name__)

HOME_FORMATS: tuple[Format, ...] = tuple(
    BY_KEY[k] for k in ("html", "turtle", "jsonld", "ntriples", "rdfxml")
)
BY_PARAMETER = {f.extension: f for f in HOME_FORMATS}
CLASS_NAMES = {
    "LocalAuthority": ("Local authorities", "authorities"),
    "Inspection": ("Inspections", "inspections"),
    "Judgement": ("Judgements", None),
    "GuidanceDocument": ("Guidance documents", "guidance"),
    "GuidanceClause": ("Guidance clauses", None),
    "SourceDocument": ("Other source documents", "guidance?type=document"),
    "Quote": ("Quotes", "quotes"),
    "GovernanceLink": ("Governance links (quote to clause)", None),
}
SOURCES = (
    ("Ofsted inspection reports and outcomes", "https://reports.ofsted.gov.uk/"),
    (
        "DfE children's social care data",
        "https://explore-education-statistics.service.gov.uk/",
    ),
    ("ONS statistical geographies", "https://statistics.data.gov.uk/"),
    ("legislation.gov.uk", "https://www.legislation.gov.uk/"),
)


@blueprint.route("/", methods=["GET", "HEAD"])
def home() -> Response:
    try:
        chosen = negotiate(HOME_FORMATS, BY_PARAMETER)
    except LacsError as exc:
        return error_page(exc)
    base = context.base()
    snapshot = context.snapshot()
    counts = catalogue().counts
    lacs = str(context.namespaces().lacs)
    rows = []
    for name, (label, path) in CLASS_NAMES.items():
        count = counts.get(lacs + name)
        if count is not None:
            rows.append((label, count, base + path if path else None, lacs + name))
    if chosen.kind == "graph":
        return finish(graph_response(home_graph(rows, base, snapshot), chosen))
    examples = [
        (example, f"{base}query/{example.slug}", editor_url(base, example))
        for example in queries.examples()
    ]
    # The page's own triples, embedded as JSON-LD by the signposting partial.
    prefixes = context.namespaces().prefixes()
    g.jsonld = remember(
        "home json-ld", lambda: embedded.jsonld(home_graph(rows, base, snapshot), prefixes)
    )
    body = render_template(
        "home.html",
        counts=rows,
        examples=examples,
        release=snapshot.release,
        issued=snapshot.issued,
        triples=triple_counts(snapshot),
        sources=SOURCES,
        licence=OGL,
        pictures=grade_pictures(),
    )
    return finish(Response(body, content_type=chosen.content_type))


def home_graph(
    rows: list[tuple[str, int, str | None, str]], base: str, snapshot: Snapshot
) -> Graph:
    graph = Graph()
    for prefix, namespace in context.namespaces().prefixes().items():
        graph.bind(prefix, namespace)
    dataset = URIRef(base + "id/dataset")
    page = URIRef(base)
    graph.add((page, RDFS.label, Literal("lacs-ld home page", lang="en")))
    graph.add((page, DCTERMS.subject, dataset))
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, DCTERMS.license, URIRef(OGL)))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(base + "sparql")))
    graph.add((dataset, VOID.uriLookupEndpoint, URIRef(base + "search?q=")))
    graph.add(
        (dataset, URIRef("http://www.w3.org/2002/07/owl#versionInfo"), Literal(snapshot.release))
    )
    graph.add((dataset, VOID.triples, count_literal(triple_counts(snapshot).dataset)))
    for _label, count, _path, cls in rows:
        partition = URIRef(f"{base}id/dataset#class-{cls.rsplit('#', 1)[-1]}")
        graph.add((dataset, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], URIRef(cls)))
        graph.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    return graph
