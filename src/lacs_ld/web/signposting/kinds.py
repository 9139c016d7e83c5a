"""Which links each kind of resource sends (FAIR Signposting profile, signposting.org/FAIR).

- a document about a thing: `cite-as` the thing, `describedby` its RDF forms (typed),
  `type` (schema.org AboutPage and the thing's classes), `license`, `collection` (the
  dataset), `linkset`, and `alternate` for every rendition;
- the dataset (its description and the home page): `cite-as`, `describedby`, `type`
  (schema.org Dataset), `license`, and an `item` for every download;
- a download: `collection` (the dataset), `license`, `describedby` (the dataset's description).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS
from lacs_ld.services.description import dataset_iri
from lacs_ld.web.signposting.links import LINKSET_JSON, LINKSET_TEXT, Link

SCHEMA = "https://schema.org/"
RDF_FORMATS = [f for f in DOCUMENT_FORMATS if f.kind == "graph"]


def linkset_url(base: str, target: str) -> str:
    """Where the linkset of `{base}{target}` is served."""
    return f"{base}linkset/{target}"


def _linksets(base: str, target: str) -> list[Link]:
    url = linkset_url(base, target)
    return [Link(url, "linkset", LINKSET_JSON), Link(url, "linkset", LINKSET_TEXT)]


def document(
    base: str, path: str, types: Iterable[URIRef], licences: Iterable[URIRef]
) -> list[Link]:
    """The links of `{base}doc/{path}` in every format."""
    links = [
        Link(uris.document(base, path, f.extension), "alternate", f.media_type)
        for f in DOCUMENT_FORMATS
    ]
    links.append(Link(uris.thing(base, path), "cite-as"))
    links += [
        Link(uris.document(base, path, f.extension), "describedby", f.media_type)
        for f in RDF_FORMATS
    ]
    links.append(Link(SCHEMA + "AboutPage", "type"))
    links += [Link(str(t), "type") for t in sorted(types)]
    links += [Link(str(licence), "license") for licence in licences]
    links.append(Link(str(dataset_iri(base)), "collection"))
    return links + _linksets(base, f"doc/{path}")


def dataset(base: str, description: Graph, target: str = "doc/dataset") -> list[Link]:
    """The links of the dataset's description (and of the home page, its landing page)."""
    subject = dataset_iri(base)
    links = [Link(str(subject), "cite-as")]
    links += [
        Link(uris.document(base, "dataset", f.extension), "describedby", f.media_type)
        for f in RDF_FORMATS
    ]
    links.append(Link(SCHEMA + "Dataset", "type"))
    links += [Link(str(licence), "license") for licence in licences_of(description, subject)]
    for distribution in sorted(description.objects(subject, DCAT.distribution), key=str):
        url = description.value(distribution, DCAT.downloadURL)
        media = description.value(distribution, DCAT.mediaType)
        if url is not None:
            kind = str(media).rsplit("media-types/", 1)[-1] if media is not None else None
            links.append(Link(str(url), "item", kind))
    return links + _linksets(base, target)


def download(base: str, description: Graph, url: str) -> list[Link]:
    """The links of one download: the dataset it belongs to, and its licences."""
    links = [Link(str(dataset_iri(base)), "collection")]
    distribution = URIRef(url + "#distribution")
    links += [Link(str(licence), "license") for licence in licences_of(description, distribution)]
    links.append(Link(uris.document(base, "dataset", "ttl"), "describedby", "text/turtle"))
    return links


def licences_of(graph: Graph, node: URIRef) -> list[URIRef]:
    """The licences a resource names, a composite licence counted by its parts."""
    found: list[URIRef] = []
    for licence in sorted(graph.objects(node, DCTERMS.license), key=str):
        parts = sorted(graph.objects(licence, DCTERMS.hasPart), key=str) or [licence]
        found += [p for p in parts if isinstance(p, URIRef) and p not in found]
    return found


def thing_types(graph: Graph, subject: URIRef) -> list[URIRef]:
    return sorted(t for t in graph.objects(subject, RDF.type) if isinstance(t, URIRef))
