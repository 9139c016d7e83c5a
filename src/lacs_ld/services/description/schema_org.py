"""The dataset as a schema.org `Dataset`, the form dataset search engines read from a page.

Every value is read from the DCAT description, so the two never disagree. The context is
inline (`@vocab`), so reading it needs no fetch of schema.org's remote context.
"""

from __future__ import annotations

from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, SKOS

from lacs_ld.services.description.catalogue import catalogue_iri
from lacs_ld.services.description.dataset import dataset_iri

SCHEMA = "https://schema.org/"


def dataset_jsonld(graph: Graph, base: str) -> dict[str, Any]:
    """A schema.org Dataset: name, description, licences, creator, downloads, coverage."""
    dataset = dataset_iri(base)

    def one(node: URIRef, predicate: URIRef) -> str:
        value = graph.value(node, predicate)
        return str(value) if value is not None else ""

    publisher = graph.value(dataset, DCTERMS.publisher)
    creator = {
        "@type": "Organization",
        "name": one(publisher, FOAF.name) if isinstance(publisher, URIRef) else "lacs-ld",
        "url": base,
    }
    downloads = []
    for distribution in sorted(graph.objects(dataset, DCAT.distribution), key=str):
        url = graph.value(distribution, DCAT.downloadURL)
        media = graph.value(distribution, DCAT.mediaType)
        if url is None or not isinstance(distribution, URIRef):
            continue
        downloads.append(
            {
                "@type": "DataDownload",
                "name": one(distribution, DCTERMS.title),
                "contentUrl": str(url),
                "encodingFormat": str(media).rsplit("media-types/", 1)[-1],
                "contentSize": f"{one(distribution, DCAT.byteSize)} B",
            }
        )
    found: dict[str, Any] = {
        "@context": {"@vocab": SCHEMA},
        "@type": "Dataset",
        "@id": str(dataset),
        "name": one(dataset, DCTERMS.title),
        "description": one(dataset, DCTERMS.description),
        "url": base,
        "sameAs": str(dataset),
        "version": one(dataset, OWL.versionInfo),
        "license": sorted(str(o) for o in graph.objects(dataset, DCTERMS.license)),
        "isAccessibleForFree": True,
        "creator": creator,
        "publisher": creator,
        "keywords": sorted(str(k) for k in graph.objects(dataset, DCAT.keyword)),
        "inLanguage": "en",
        "distribution": downloads,
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "@id": str(catalogue_iri(base)),
            "name": one(catalogue_iri(base), DCTERMS.title),
        },
    }
    if modified := one(dataset, DCTERMS.modified):
        found["dateModified"] = modified
    if issued := one(dataset, DCTERMS.issued):
        found["datePublished"] = issued
    period = graph.value(dataset, DCTERMS.temporal)
    if isinstance(period, URIRef):
        found["temporalCoverage"] = f"{one(period, DCAT.startDate)}/{one(period, DCAT.endDate)}"
    place = graph.value(dataset, DCTERMS.spatial)
    if isinstance(place, URIRef):
        found["spatialCoverage"] = {
            "@type": "Place",
            "name": one(place, SKOS.prefLabel),
            "sameAs": str(place),
        }
    return found
