"""The description's numbers come from the store and agree with the publisher's own counts."""

from __future__ import annotations

from flask import Flask
from rdflib import URIRef
from rdflib.namespace import VOID

from lacs_ld.services import description, description_counts
from lacs_ld.services.snapshot import Snapshot
from tests.conftest import TEST_BASE


def test_vocabularies_are_the_namespaces_of_the_terms_used() -> None:
    terms = [
        URIRef("http://purl.org/dc/terms/title"),
        URIRef("http://purl.org/dc/terms/source"),
        URIRef(TEST_BASE + "def/lacs#Inspection"),
    ]
    assert description_counts.vocabularies(terms) == [
        URIRef("http://purl.org/dc/terms/"),
        URIRef(TEST_BASE + "def/lacs#"),
    ]


def test_class_partitions_agree_with_the_counts_made_at_publish_time(app: Flask) -> None:
    publication = app.extensions["lacs"]
    snapshot: Snapshot = publication.snapshot
    counted = description_counts.class_partitions(
        publication.store, URIRef(TEST_BASE + "graph/data")
    )
    assert {str(cls): n for cls, n in counted.items()} == snapshot.classes


def test_graph_triples_agree_with_the_snapshot_manifest(app: Flask) -> None:
    publication = app.extensions["lacs"]
    snapshot: Snapshot = publication.snapshot
    counted = description_counts.graph_triples(publication.store, TEST_BASE)
    assert counted == {part: snapshot.graph_triples[part] for part in description_counts.PARTS}


def test_dataset_graph_names_only_examples_present_in_the_data(app: Flask) -> None:
    publication = app.extensions["lacs"]
    graph = description.dataset_graph(publication.store, publication.snapshot, publication.settings)
    examples = set(graph.objects(description.dataset_iri(TEST_BASE), VOID.exampleResource))
    assert examples
    for resource in examples:
        assert publication.store.ask("ASK { ?s ?p ?o }", {"s": resource}), resource
