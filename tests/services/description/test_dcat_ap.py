"""The description at `/.well-known/void` passes DCAT-AP 3.0.1 as harvesters check it."""

from __future__ import annotations

import pytest
from flask import Flask
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from tests.conftest import REPO

STANDARD = REPO / "tests" / "fixtures" / "standards" / "dcat-ap-3.0.1"
ENGLAND = URIRef("http://statistics.data.gov.uk/id/statistical-geography/E92000001")
DCAT = "http://www.w3.org/ns/dcat#"
# Recommended properties no fact supports: ONS publishes England's boundary, not a
# bounding box or centroid we hold; the data has no geometry at all.
UNSUPPORTED = {
    (ENGLAND, URIRef(DCAT + "bbox")),
    (ENGLAND, URIRef(DCAT + "centroid")),
}


def shapes(name: str) -> Graph:
    """One of the profile's shape files, unmodified but for two dangling references.

    `dcat-ap-SHACL.ttl` lists two property shapes of `dcat:DataServiceShape` that it never
    defines; pySHACL refuses to run a shape without a path, so those references (and only
    those) are dropped.
    """
    graph = Graph().parse(STANDARD / f"{name}.ttl")
    for shape, prop in list(graph.subject_objects(SH.property)):
        if (prop, SH.path, None) not in graph:
            graph.remove((shape, SH.property, prop))
    return graph


@pytest.fixture(scope="module")
def described(app: Flask) -> Graph:
    response = app.test_client().get("/lacs/.well-known/void")
    assert response.status_code == 200
    return Graph().parse(data=response.get_data(), format="turtle")


def results(data: Graph, name: str) -> list[tuple[str, URIRef, URIRef, str]]:
    _, report, _ = validate(data, shacl_graph=shapes(name), allow_warnings=True)
    assert isinstance(report, Graph)
    return sorted(
        (
            str(report.value(r, SH.resultSeverity)),
            report.value(r, SH.focusNode),
            report.value(r, SH.resultPath),
            str(report.value(r, SH.resultMessage)),
        )
        for r in report.subjects(SH.resultSeverity, None)
    )


def test_the_fixtures_are_the_profile_files_with_their_provenance() -> None:
    names = {p.name for p in STANDARD.iterdir()}
    assert names == {
        "PROVENANCE.md",
        "dcat-ap-SHACL.ttl",
        "range.ttl",
        "shapes.ttl",
        "shapes_recommended.ttl",
    }
    provenance = (STANDARD / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "CC-BY 4.0" in provenance and "7c531da7f154794da620fd0e57a3e8afe0286c0f" in provenance


@pytest.mark.parametrize("name", ["shapes", "range", "dcat-ap-SHACL"])
def test_description_has_no_violation_of_the_profile(described: Graph, name: str) -> None:
    assert results(described, name) == []


def test_only_unsupported_recommended_properties_are_missing(described: Graph) -> None:
    found = results(described, "shapes_recommended")
    assert {(focus, path) for _, focus, path, _ in found} == UNSUPPORTED, found


def test_every_shape_file_applies_to_the_catalogue(described: Graph) -> None:
    """The checks above are not vacuous: each file targets classes the description has."""
    classes = set(described.objects(None, RDF.type))
    for name in ("shapes", "range", "dcat-ap-SHACL", "shapes_recommended"):
        targets = set(shapes(name).objects(None, SH.targetClass))
        assert {URIRef(DCAT + "Catalog"), URIRef(DCAT + "DataService")} <= targets & classes, name
