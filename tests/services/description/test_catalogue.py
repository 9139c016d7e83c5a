"""The catalogue's facts come from the data: its period, place, licences and vocabularies."""

from __future__ import annotations

import pytest
from flask import Flask
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, VOID, XSD

from lacs_ld.namespaces import CC_BY, OGL, SPDX
from lacs_ld.services.description import catalogue_iri, dataset_graph, dataset_iri
from lacs_ld.services.description.licences import covering
from tests.conftest import TEST_BASE

DATASET = dataset_iri(TEST_BASE)
ENGLAND = URIRef("http://statistics.data.gov.uk/id/statistical-geography/E92000001")


@pytest.fixture(scope="module")
def described(app: Flask) -> Graph:
    publication = app.extensions["lacs"]
    return dataset_graph(publication.store, publication.snapshot, publication.settings)


def test_catalogue_lists_the_dataset_and_the_sparql_service(described: Graph) -> None:
    catalogue = catalogue_iri(TEST_BASE)
    assert (catalogue, RDF.type, DCAT.Catalog) in described
    assert described.value(catalogue, DCAT.dataset) == DATASET
    service = described.value(catalogue, DCAT.service)
    assert (service, RDF.type, DCAT.DataService) in described
    assert described.value(service, DCAT.endpointURL) == URIRef(TEST_BASE + "sparql")
    assert described.value(service, DCAT.endpointDescription) == URIRef(TEST_BASE + "sparql")
    assert described.value(service, DCAT.servesDataset) == DATASET
    protocol = described.value(service, DCTERMS.conformsTo)
    assert protocol == URIRef("https://www.w3.org/TR/sparql11-protocol/")
    publisher = described.value(catalogue, DCTERMS.publisher)
    assert described.value(publisher, DCTERMS.type) is not None


def test_temporal_coverage_is_the_first_and_last_inspection_date(
    described: Graph, app: Flask
) -> None:
    rows = app.extensions["lacs"].store.select(
        f"""PREFIX lacs: <{TEST_BASE}def/lacs#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{ GRAPH <{TEST_BASE}graph/data> {{
          ?i a lacs:Inspection . {{ ?i lacs:startDate ?d }} UNION {{ ?i lacs:endDate ?d }}
          UNION {{ ?i dcterms:issued ?d }} }} }}"""
    )
    period = described.value(DATASET, DCTERMS.temporal)
    start = described.value(period, DCAT.startDate)
    end = described.value(period, DCAT.endDate)
    assert start == Literal(str(rows[0]["first"]), datatype=XSD.date)
    assert end == Literal(str(rows[0]["last"]), datatype=XSD.date)
    assert str(start) < str(end)


def test_spatial_coverage_is_england_by_its_ons_iri(described: Graph) -> None:
    assert described.value(DATASET, DCTERMS.spatial) == ENGLAND
    assert (ENGLAND, RDF.type, DCTERMS.Location) in described


def test_each_distribution_names_its_licence_and_typed_checksum(described: Graph) -> None:
    distributions = list(described.objects(DATASET, DCAT.distribution))
    assert distributions
    for distribution in distributions:
        licence = described.value(distribution, DCTERMS.license)
        assert (licence, RDF.type, DCTERMS.LicenseDocument) in described
        assert (described.value(distribution, DCAT.mediaType), RDF.type, DCTERMS.MediaType) in (
            described
        )
        checksum = described.value(distribution, SPDX.checksum)
        algorithm = described.value(checksum, SPDX.algorithm)
        assert (algorithm, RDF.type, SPDX.ChecksumAlgorithm) in described


def test_data_downloads_carry_both_licences_where_mysociety_facts_are_in_them(
    described: Graph,
) -> None:
    whole = URIRef(f"{TEST_BASE}dumps/{described.value(DATASET, OWL.versionInfo)}/lacs-ld.ttl")
    licence = described.value(URIRef(f"{whole}#distribution"), DCTERMS.license)
    assert set(described.objects(licence, DCTERMS.hasPart)) == {URIRef(OGL), URIRef(CC_BY)}
    assert set(described.objects(DATASET, DCTERMS.license)) == {URIRef(OGL), URIRef(CC_BY)}


def test_licences_follow_the_sources_of_the_facts() -> None:
    assert covering(["https://files.ofsted.gov.uk/v1/file/1"]) == [URIRef(OGL)]
    assert covering(["https://github.com/mysociety/uk_local_authority_names_and_codes/x"]) == [
        URIRef(OGL),
        URIRef(CC_BY),
    ]


def test_vocabularies_include_every_namespace_the_description_uses(described: Graph) -> None:
    vocabularies = {str(v) for v in described.objects(DATASET, VOID.vocabulary)}
    for namespace in (
        "http://rdfs.org/ns/void#",
        "http://www.w3.org/ns/dcat#",
        "http://spdx.org/rdf/terms#",
        "http://www.w3.org/ns/shacl#",
        TEST_BASE + "def/lacs#",
    ):
        assert namespace in vocabularies
    for predicate in set(described.predicates()):
        assert any(str(predicate).startswith(v) for v in vocabularies), predicate
