"""Each download of a release as a dcat:Distribution, with its size and checksum."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, VOID, XSD

from lacs_ld import uris
from lacs_ld.namespaces import SPDX
from lacs_ld.services.description_counts import count_literal
from lacs_ld.services.dumps import GZIP, Release

IANA = Namespace("http://www.iana.org/assignments/media-types/")


def dump_url(base: str, release: str, name: str) -> URIRef:
    return URIRef(f"{base}dumps/{release}/{name}")


def add_distributions(graph: Graph, release: Release, base: str, dataset: URIRef) -> None:
    """Each download of a release as a dcat:Distribution with its size and checksum."""
    for file in release.files:
        url = dump_url(base, release.release, file.name)
        distribution = URIRef(f"{url}#distribution")
        if file.is_rdf:
            graph.add((dataset, VOID.dataDump, url))
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.title, Literal(file.title, lang="en")))
        graph.add((distribution, DCAT.downloadURL, url))
        graph.add((distribution, DCAT.accessURL, URIRef(base + "dumps/")))
        graph.add((distribution, DCAT.mediaType, IANA[file.media_type]))
        if file.compressed:
            graph.add((distribution, DCAT.compressFormat, IANA[GZIP]))
        graph.add((distribution, DCAT.byteSize, count_literal(file.size)))
        if file.is_rdf:
            graph.add((distribution, VOID.triples, count_literal(file.triples)))
            for part in file.graphs:
                graph.add((distribution, DCTERMS.hasPart, URIRef(uris.graph(base, part))))
        else:
            graph.add((distribution, DCTERMS.conformsTo, URIRef(base + "def/shapes")))
        graph.add((distribution, DCTERMS.isVersionOf, URIRef(f"{base}dumps/latest/{file.name}")))
        graph.add((distribution, OWL.versionInfo, Literal(release.release)))
        checksum = URIRef(f"{url}#checksum")
        graph.add((distribution, SPDX.checksum, checksum))
        graph.add((checksum, RDF.type, SPDX.Checksum))
        graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        graph.add((checksum, SPDX.checksumValue, Literal(file.sha256, datatype=XSD.hexBinary)))
