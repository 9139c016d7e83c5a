"""A page of a list as CSV (every matching row) or as a paged `hydra:Collection` graph."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, VOID, XSD

from lacs_ld.namespaces import HYDRA
from lacs_ld.services.listings.model import Page


def page_csv(page: Page) -> str:
    """Every row matching the page's filters, in its order: CSV is for taking the whole list."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = page.spec.columns
    writer.writerow(["iri", "label", *(c.key for c in columns)])
    for item in page.everything():
        writer.writerow([item.iri, item.label, *(item.fields.get(c.key, "") for c in columns)])
    return buffer.getvalue()


def page_graph(
    page: Page,
    *,
    prefixes: Mapping[str, str],
    dataset: str,
    url: Callable[[int | None], str],
) -> Graph:
    """A hydra:Collection (and void:Dataset subset) of the page's members.

    `url(n)` is the address of page `n` of the same filtered list, `url(None)` of the list.
    """
    graph = Graph()
    for prefix, namespace in prefixes.items():
        graph.bind(prefix, namespace)
    collection = URIRef(url(None))
    view = URIRef(url(page.number))
    graph.add((collection, RDF.type, HYDRA.Collection))
    graph.add((collection, RDFS.label, Literal(page.spec.title, lang="en")))
    graph.add((collection, RDFS.comment, Literal(page.spec.description, lang="en")))
    graph.add((collection, HYDRA.totalItems, Literal(page.total, datatype=XSD.integer)))
    graph.add((collection, VOID.subset, URIRef(dataset)))
    graph.add((collection, HYDRA.view, view))
    graph.add((view, RDF.type, HYDRA.PartialCollectionView))
    graph.add((view, HYDRA.first, URIRef(url(1))))
    graph.add((view, HYDRA.last, URIRef(url(page.pages))))
    if page.number > 1:
        graph.add((view, HYDRA.previous, URIRef(url(page.number - 1))))
    if page.number < page.pages:
        graph.add((view, HYDRA.next, URIRef(url(page.number + 1))))
    for item in page.items:
        member = URIRef(item.iri)
        graph.add((collection, HYDRA.member, member))
        graph.add((member, RDFS.label, Literal(item.label)))
    return graph
