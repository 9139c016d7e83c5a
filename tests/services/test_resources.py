"""Documents about things, built by the services layer alone (no HTTP)."""

from __future__ import annotations

import pytest
from flask import Flask
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDFS, SKOS

from lacs_ld.namespaces import HYDRA, ProjectNamespaces
from lacs_ld.services.describe.terms import curie, exists, expand
from lacs_ld.services.describe.view import page_context
from lacs_ld.services.resources import PAGE_SIZE, Describer
from lacs_ld.store import Store
from tests.conftest import TEST_BASE

MOST_LINKED = "guidance/children-act-1989/clause/section-47"
NS = ProjectNamespaces(TEST_BASE)
LACS = NS.lacs
CURATED = URIRef(TEST_BASE + "def/link-method/curated")
DERIVED = URIRef(TEST_BASE + "def/link-method/derived")


@pytest.fixture(scope="module")
def describer(app: Flask) -> Describer:
    store: Store = app.extensions["lacs"].store
    return Describer(store, TEST_BASE)


def iri(path: str) -> URIRef:
    return URIRef(TEST_BASE + "id/" + path)


def test_the_most_linked_clause_is_described_within_bounds(describer: Describer) -> None:
    found = describer.describe(MOST_LINKED)
    assert found is not None
    clause = iri(MOST_LINKED)
    governed = [i for i in found.incoming if i.via == LACS.governedBy]
    assert len(governed) == 1
    assert governed[0].total > 30 * PAGE_SIZE
    assert governed[0].paged
    assert len(governed[0].subjects) == PAGE_SIZE
    in_graph = set(found.graph.subjects(LACS.governedBy, clause))
    assert in_graph == set(governed[0].subjects)
    # Bounded: a page of linking quotes, each with a handful of facts, never the 1,900+.
    assert len(found.graph) < 40 * PAGE_SIZE
    totals = {int(t) for t in found.graph.objects(None, HYDRA.totalItems)}  # type: ignore[call-overload]
    assert governed[0].total in totals


def test_each_listed_quote_says_how_it_was_linked_to_the_clause(describer: Describer) -> None:
    found = describer.describe(MOST_LINKED)
    assert found is not None
    clause = iri(MOST_LINKED)
    for quote in found.incoming[0].subjects:
        links = [
            link
            for link in found.graph.objects(quote, LACS.governanceLink)
            if (link, LACS.linkedClause, clause) in found.graph
        ]
        assert links, quote
        assert all(found.graph.value(link, LACS.linkMethod) for link in links)


def test_clause_counts_are_split_by_method_and_rule(describer: Describer) -> None:
    found = describer.describe(MOST_LINKED)
    assert found is not None
    curated = sum(t.count for t in found.tallies if t.method == CURATED)
    derived = [t for t in found.tallies if t.method == DERIVED]
    assert curated >= 1
    assert derived and all(t.rule is not None and t.rule_label for t in derived)
    assert found.tallies[0].method == CURATED  # curated first
    total = found.incoming[0].total
    assert curated + sum(t.count for t in derived) >= total


def test_paging_totals_agree_page_by_page(describer: Describer) -> None:
    first = describer.describe(MOST_LINKED)
    assert first is not None
    total = first.incoming[0].total
    pages = -(-total // PAGE_SIZE)
    last = describer.incoming_page(MOST_LINKED, LACS.governedBy, pages)
    assert last is not None
    assert len(last.incoming[0].subjects) == total - (pages - 1) * PAGE_SIZE
    assert (None, HYDRA.next, None) not in last.graph
    assert (None, HYDRA.previous, None) in last.graph
    assert describer.incoming_page(MOST_LINKED, LACS.governedBy, pages + 1) is None
    second = describer.incoming_page(MOST_LINKED, LACS.governedBy, 2)
    assert second is not None
    assert not set(second.incoming[0].subjects) & set(first.incoming[0].subjects)
    assert second.incoming[0].total == total


def test_unknown_and_lower_case_things_are_not_described(describer: Describer) -> None:
    assert describer.describe("authority/E08999999") is None
    assert describer.describe("authority/e08000025") is None
    assert describer.describe("guidance/no-such-guidance-2099") is None
    assert not exists(describer.store, iri("authority/e08000025"))
    assert exists(describer.store, iri("authority/E08000025"))
    assert describer.incoming_page("authority/E08999999", LACS.inspectedAuthority, 1) is None


@pytest.mark.parametrize("gss", ["E10000021", "E06000028"])
def test_abolished_authorities_are_described_with_successors(
    describer: Describer, gss: str
) -> None:
    found = describer.describe(f"authority/{gss}")
    assert found is not None
    subject = iri(f"authority/{gss}")
    successors = list(found.graph.objects(subject, DCTERMS.isReplacedBy))
    assert successors
    for successor in successors:
        assert found.graph.value(successor, RDFS.label) is not None
        assert found.graph.value(successor, LACS.inForceFrom) is not None
    assert found.graph.value(subject, LACS.inForceTo) is not None
    context = page_context(found, f"authority/{gss}", TEST_BASE)
    assert context["extras"]["successors"]


def test_guidance_document_holds_its_clauses_in_order(describer: Describer) -> None:
    found = describer.describe("guidance/ofsted-ehe-advice-2015")
    assert found is not None
    clauses = list(found.graph.subjects(DCTERMS.isPartOf, iri("guidance/ofsted-ehe-advice-2015")))
    assert len(clauses) == 10
    assert all(found.graph.value(c, LACS.text) for c in clauses)
    extras = page_context(found, "guidance/ofsted-ehe-advice-2015", TEST_BASE)["extras"]
    assert [c["notation"] for c in extras["clauses"]] == [str(n) for n in range(1, 11)]
    assert extras["publisher"][0].label == "Ofsted"
    annex = describer.describe("guidance/sif-annex-a")
    assert annex is not None
    extras = page_context(annex, "guidance/sif-annex-a", TEST_BASE)["extras"]
    numbers = [c["notation"] for c in extras["clauses"]]
    assert numbers == sorted(numbers) and "2.05" in numbers


def test_replaced_guidance_names_its_successor(describer: Describer) -> None:
    found = describer.describe("guidance/working-together-2015")
    assert found is not None
    extras = page_context(found, "guidance/working-together-2015", TEST_BASE)["extras"]
    assert [s["href"] for s in extras["replaced_by"]] == [
        str(iri("guidance/working-together-2018"))
    ]
    newer = describer.describe("guidance/working-together-2018")
    assert newer is not None
    extras = page_context(newer, "guidance/working-together-2018", TEST_BASE)["extras"]
    assert [s["href"] for s in extras["replaces"]] == [str(iri("guidance/working-together-2015"))]


def test_document_states_what_it_is_about(describer: Describer) -> None:
    found = describer.describe("authority/E08000025")
    assert found is not None
    assert (found.document, FOAF.primaryTopic, found.subject) in found.graph
    assert found.graph.value(found.subject, SKOS.notation) == Literal("E08000025")
    assert found.queries and all("\n" in q for q in found.queries)


def test_property_names_round_trip() -> None:
    assert curie(NS, LACS.governedBy) == "lacs:governedBy"
    assert expand(NS, "lacs:governedBy") == LACS.governedBy
    assert expand(NS, str(LACS.governedBy)) == LACS.governedBy
    assert expand(NS, "nope:thing") is None
    assert expand(NS, "lacs:bad name") is None
    assert expand(NS, "javascript:alert(1)") is None
