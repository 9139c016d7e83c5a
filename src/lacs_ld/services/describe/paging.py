"""What a document says about itself in RDF: its topic, licence, formats and hydra paging.

When more link to a thing through one property than a page holds, the document says so
(a `hydra:Collection` with `hydra:totalItems` and a `hydra:next` view): nothing is
dropped without saying so.
"""

from __future__ import annotations

from datetime import datetime

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, VOID, XSD

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS
from lacs_ld.namespaces import HYDRA
from lacs_ld.services.describe.model import Incoming
from lacs_ld.services.description.licences import in_graph


def about_document(
    graph: Graph,
    base: str,
    document: URIRef,
    subject: URIRef,
    path: str,
    modified: datetime | None,
) -> None:
    """A document names its topic, licence, dataset, date and every rendition of itself."""
    graph.add((document, RDF.type, FOAF.Document))
    _about(graph, base, document, subject)
    if modified is not None:
        graph.add((document, DCTERMS.modified, Literal(modified.date(), datatype=XSD.date)))
    for fmt in DOCUMENT_FORMATS:
        rendition = URIRef(uris.document(base, path, fmt.extension))
        graph.add((document, DCTERMS.hasFormat, rendition))
        graph.add((rendition, DCTERMS.format, Literal(fmt.media_type)))


def about_page(
    graph: Graph,
    base: str,
    document: URIRef,
    subject: URIRef,
    path: str,
    modified: datetime | None,
) -> None:
    """A page of incoming links names its topic, licence, dataset and the document it extends."""
    _about(graph, base, document, subject)
    graph.add((document, DCTERMS.isPartOf, URIRef(uris.document(base, path))))
    if modified is not None:
        graph.add((document, DCTERMS.modified, Literal(modified.date(), datatype=XSD.date)))


def _about(graph: Graph, base: str, document: URIRef, subject: URIRef) -> None:
    """What every document and page of one says: its topic, the licences, the dataset."""
    graph.add((document, FOAF.primaryTopic, subject))
    for licence in in_graph(graph):
        graph.add((document, DCTERMS.license, licence))
    graph.add((document, VOID.inDataset, URIRef(base + "id/dataset")))


def state_paging(graph: Graph, document: URIRef, subject: URIRef, incoming: list[Incoming]) -> None:
    """Every incoming list longer than a page is said to be paged, with its first view."""
    for found in incoming:
        if not found.paged:
            continue
        collection(graph, subject, found)
        graph.add((document, RDFS.seeAlso, URIRef(found.list_url)))
        first = URIRef(found.page_url(1))
        graph.add((URIRef(found.list_url), HYDRA.view, first))
        view_links(graph, first, found, 1)


def collection(graph: Graph, subject: URIRef, found: Incoming) -> None:
    """The whole list as a `hydra:Collection`: its size and the link it manages."""
    listed = URIRef(found.list_url)
    graph.add((listed, RDF.type, HYDRA.Collection))
    graph.add((listed, HYDRA.totalItems, Literal(found.total)))
    manages = BNode()
    graph.add((listed, HYDRA.manages, manages))
    graph.add((manages, HYDRA.property, found.via))
    graph.add((manages, HYDRA.object, subject))


def view_links(graph: Graph, view: URIRef, found: Incoming, page: int) -> None:
    """One page as a `hydra:PartialCollectionView`, linked to its first, last and neighbours."""
    graph.add((view, RDF.type, HYDRA.PartialCollectionView))
    graph.add((view, HYDRA.first, URIRef(found.page_url(1))))
    graph.add((view, HYDRA.last, URIRef(found.page_url(found.pages))))
    if page > 1:
        graph.add((view, HYDRA.previous, URIRef(found.page_url(page - 1))))
    if page < found.pages:
        graph.add((view, HYDRA.next, URIRef(found.page_url(page + 1))))
