"""The SHACL shapes accept well-formed data and reject each mistake with an instruction.

Fixtures under tests/fixtures/shapes/ drive these tests: every file in valid/ must
conform; every file in invalid/ must fail, and its first lines name the messages it
must produce (``# expect: <message or unique part of it>``, then optional
``# also: …`` lines for messages the same mistake necessarily triggers too).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, SH, SKOS

REPO = Path(__file__).resolve().parent.parent
BASE = "https://data.example.test/lacs/"
SHAPES = sorted((REPO / "shapes").glob("*.ttl"))
FIXTURES = REPO / "tests" / "fixtures" / "shapes"
VALID = sorted((FIXTURES / "valid").glob("*.ttl"))
INVALID = sorted((FIXTURES / "invalid").glob("*.ttl"))


def parse(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle", publicID=BASE)
    return graph


@functools.cache
def shapes_graph() -> Graph:
    """Every shapes file, as the service loads the shapes folder."""
    return parse(*SHAPES)


@functools.cache
def ontology_graph() -> Graph:
    """The ontology and every concept scheme, as the service loads them."""
    return parse(*sorted((REPO / "ontology").glob("*.ttl")))


def violations(data: Graph) -> tuple[bool, set[str]]:
    conforms, report, _ = validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        advanced=False,
    )
    # Only the report's own results: sh:detail results nested in them explain
    # a failed sh:node or sh:or and carry no instruction of their own.
    messages = {
        str(message)
        for result in report.objects(None, SH.result)
        for message in report.objects(result, SH.resultMessage)
    }
    return bool(conforms), messages


def expectations(path: Path) -> tuple[str, list[str]]:
    expect: str | None = None
    also: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect: "):
            expect = line.removeprefix("# expect: ").strip()
        elif line.startswith("# also: "):
            also.append(line.removeprefix("# also: ").strip())
        elif not line.startswith("#"):
            break
    assert expect, f"{path.name} must start with a '# expect: <message>' line"
    return expect, also


def shape_messages() -> set[str]:
    return {str(message) for message in shapes_graph().objects(None, SH.message)}


def test_fixtures_exist_for_both_outcomes() -> None:
    assert VALID, "no valid shape fixtures found"
    assert INVALID, "no invalid shape fixtures found"


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_fixture_conforms(path: Path) -> None:
    conforms, messages = violations(parse(path))
    assert conforms, f"{path.name} should conform but got: {sorted(messages)}"


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_fails_with_its_instruction(path: Path) -> None:
    expect, also = expectations(path)
    conforms, messages = violations(parse(path))
    assert not conforms, f"{path.name} should not conform"
    for wanted in [expect, *also]:
        assert any(wanted in message for message in messages), (
            f"{path.name}: no violation says {wanted!r}; got {sorted(messages)}"
        )
    unexpected = {m for m in messages if not any(w in m for w in [expect, *also])}
    assert not unexpected, f"{path.name}: unexpected violations {sorted(unexpected)}"


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_names_exactly_one_shape_message(path: Path) -> None:
    expect, also = expectations(path)
    for wanted in [expect, *also]:
        matches = [m for m in shape_messages() if wanted in m]
        assert len(matches) == 1, f"{path.name}: {wanted!r} matches {len(matches)} shape messages"


def test_every_shape_message_is_produced_by_an_invalid_fixture() -> None:
    expected = {expectations(path)[0] for path in INVALID}
    untested = sorted(m for m in shape_messages() if not any(e in m for e in expected))
    assert not untested, f"messages no invalid fixture exercises: {untested}"


def test_every_property_shape_of_a_targeted_shape_has_name_description_and_message() -> None:
    shapes = shapes_graph()
    targeted = {
        node
        for predicate in (SH.targetClass, SH.targetSubjectsOf)
        for node in shapes.subjects(predicate, None)
    }
    incomplete = [
        str(shapes.value(prop, SH.path))
        for node in targeted
        for prop in shapes.objects(node, SH.property)
        if any((prop, term, None) not in shapes for term in (SH.name, SH.description, SH.message))
    ]
    assert targeted
    assert not incomplete, (
        f"property shapes missing sh:name, sh:description or sh:message: {incomplete}"
    )


def test_published_concept_schemes_conform_to_the_concept_shapes() -> None:
    conforms, messages = violations(ontology_graph())
    assert conforms, sorted(messages)


@pytest.mark.parametrize(
    ("shape", "scheme"),
    [
        ("AreaConcept", "area"),
        ("FrameworkConcept", "framework"),
        ("JudgementConcept", "judgement"),
        ("LinkMethodConcept", "link-method"),
        ("RegionConcept", "region"),
        ("TopicConcept", "topic"),
    ],
)
def test_allowed_concepts_are_exactly_the_schemes_concepts(shape: str, scheme: str) -> None:
    shapes = shapes_graph()
    members = shapes.value(URIRef(f"{BASE}def/shapes#{shape}"), SH["in"])
    allowed = set(Collection(shapes, members))
    defined = set(ontology_graph().subjects(SKOS.inScheme, URIRef(f"{BASE}def/{scheme}")))
    assert allowed == defined, (
        f"shapes:{shape} and ontology/{scheme}.ttl disagree: "
        f"only in shapes {sorted(allowed - defined)}, only in scheme {sorted(defined - allowed)}"
    )


def test_shapes_graph_is_a_versioned_ontology_at_def_shapes() -> None:
    shapes = shapes_graph()
    iri = next(shapes.subjects(RDF.type, OWL.Ontology))
    assert str(iri) == BASE + "def/shapes"
    assert (iri, OWL.versionInfo, None) in shapes


def test_shapes_resolve_against_the_configured_base() -> None:
    targets = {str(t) for t in shapes_graph().objects(None, SH.targetClass)}
    assert BASE + "def/lacs#Inspection" in targets
    assert BASE + "def/lacs#Quote" in targets
