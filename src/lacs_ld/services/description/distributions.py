"""Each download of a release as a dcat:Distribution, with its size, checksum and licences."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, VOID, XSD

from lacs_ld import uris
from lacs_ld.namespaces import SPDX
from lacs_ld.services.description import licences, terms
from lacs_ld.services.description_counts import count_literal
from lacs_ld.services.dumps import GZIP, DumpFile, Release


def dump_url(base: str, release: str, name: str) -> URIRef:
    return URIRef(f"{base}dumps/{release}/{name}")


def distribution_iri(base: str, release: str, name: str) -> URIRef:
    return URIRef(f"{dump_url(base, release, name)}#distribution")


def file_licences(file: DumpFile, by_part: Mapping[str, list[URIRef]]) -> list[URIRef]:
    """The licences of the parts a file holds; a file of no part (checksums, the
    validation report) is about the whole release and carries every licence."""
    parts = file.graphs or tuple(by_part)
    found: list[URIRef] = []
    for part in parts:
        found.extend(licence for licence in by_part.get(part, []) if licence not in found)
    return found


def add_distributions(
    graph: Graph,
    release: Release,
    base: str,
    dataset: URIRef,
    by_part: Mapping[str, list[URIRef]],
) -> None:
    """Each download of a release as a dcat:Distribution with its size and checksum."""
    for file in release.files:
        url = dump_url(base, release.release, file.name)
        distribution = distribution_iri(base, release.release, file.name)
        if file.is_rdf:
            graph.add((dataset, VOID.dataDump, url))
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.title, Literal(file.title, lang="en")))
        graph.add((distribution, DCTERMS.description, Literal(_description(file), lang="en")))
        graph.add((distribution, DCAT.downloadURL, url))
        graph.add((distribution, DCAT.accessURL, URIRef(base + "dumps/")))
        graph.add((distribution, DCAT.mediaType, terms.media_type(graph, file.media_type)))
        if file.media_type in terms.FILE_TYPES:
            graph.add((distribution, DCTERMS.format, terms.file_type(graph, file.media_type)))
        if file.compressed:
            graph.add((distribution, DCAT.compressFormat, terms.media_type(graph, GZIP)))
        graph.add((distribution, DCAT.byteSize, count_literal(file.size)))
        licence = licences.single(graph, base, file_licences(file, by_part))
        if licence is not None:
            graph.add((distribution, DCTERMS.license, licence))
        graph.add((distribution, terms.DCATAP.availability, terms.stable(graph)))
        if release.issued:
            graph.add((distribution, DCTERMS.issued, Literal(release.issued, datatype=XSD.date)))
        if file.is_rdf:
            graph.add((distribution, VOID.triples, count_literal(file.triples)))
            for part in file.graphs:
                graph.add((distribution, DCTERMS.hasPart, URIRef(uris.graph(base, part))))
        else:
            shapes = terms.standard(graph, URIRef(base + "def/shapes"), "lacs-ld SHACL shapes")
            graph.add((distribution, DCTERMS.conformsTo, shapes))
        graph.add((distribution, DCTERMS.isVersionOf, URIRef(f"{base}dumps/latest/{file.name}")))
        graph.add((distribution, OWL.versionInfo, Literal(release.release)))
        checksum = URIRef(f"{url}#checksum")
        graph.add((distribution, SPDX.checksum, checksum))
        graph.add((checksum, RDF.type, SPDX.Checksum))
        graph.add((checksum, SPDX.algorithm, terms.sha256(graph)))
        graph.add((checksum, SPDX.checksumValue, Literal(file.sha256, datatype=XSD.hexBinary)))


def _description(file: DumpFile) -> str:
    if file.is_rdf:
        parts = ", ".join(file.graphs)
        return f"{file.title}: {file.triples} triples of the {parts} graphs, {file.size} bytes."
    return f"{file.title}, {file.size} bytes."
