"""The ontology and concept schemes define, label and explain every term the project uses."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

REPO = Path(__file__).resolve().parent.parent
BASE = "https://data.example.test/lacs/"
LACS = BASE + "def/lacs#"
ONTOLOGY_IRI = URIRef(BASE + "def/lacs")
ONTOLOGY_FILE = REPO / "ontology" / "lacs.ttl"
SCHEME_FILES = sorted(p for p in (REPO / "ontology").glob("*.ttl") if p != ONTOLOGY_FILE)
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype)
CONCEPT_IRI = re.compile(re.escape(BASE) + r"def/([a-z-]+)/([a-z0-9-]+)$")
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"


def parse(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle", publicID=BASE)
    return graph


@functools.cache
def ontology() -> Graph:
    return parse(ONTOLOGY_FILE)


@functools.cache
def schemes() -> Graph:
    return parse(*SCHEME_FILES)


def defined_terms() -> set[URIRef]:
    graph = ontology()
    return {
        term
        for kind in TERM_TYPES
        for term in graph.subjects(RDF.type, kind)
        if str(term).startswith(LACS)
    }


def lacs(name: str) -> URIRef:
    return URIRef(LACS + name)


def files_using_terms() -> list[Path]:
    """Every file that may use lacs: terms: data, shapes, ontology, fixtures and queries."""
    patterns = [
        "data/**/*.ttl",
        "shapes/*.ttl",
        "ontology/*.ttl",
        "tests/fixtures/shapes/**/*.ttl",
        "src/lacs_ld/queries/**/*.rq",
    ]
    return sorted(path for pattern in patterns for path in REPO.glob(pattern))


def iris_in_query(path: Path) -> set[str]:
    """The IRIs under the base that a SPARQL file names, resolved against BASE.

    Covers <def/...> IRIs, prefixed names whose prefix is a relative IRI
    (PREFIX lacs: <def/lacs#>), and ?lacs_Name variables, which the service
    binds to {base}def/lacs#Name. Comment lines are ignored.
    """
    text = "\n".join(
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    )
    declaration = re.compile(r"PREFIX\s+([A-Za-z][\w-]*):\s*<(def/[^>\s]*)>", re.IGNORECASE)
    prefixes = dict(declaration.findall(text))
    text = declaration.sub("", text)
    iris = {BASE + iri for iri in re.findall(r"<(def/[^>\s]*)>", text)}
    for prefix, namespace in prefixes.items():
        for local in re.findall(rf"(?<![\w?$]){re.escape(prefix)}:([A-Za-z0-9_][\w-]*)", text):
            iris.add(BASE + namespace + local)
    iris |= {LACS + name for name in re.findall(r"[?$]lacs_([A-Za-z]\w*)", text)}
    return iris


def iris_in(path: Path) -> set[str]:
    if path.suffix == ".rq":
        return iris_in_query(path)
    return {str(node) for triple in parse(path) for node in triple if isinstance(node, URIRef)}


def terms_used_in(path: Path) -> set[str]:
    return {iri for iri in iris_in(path) if iri.startswith(LACS)}


def concepts() -> set[URIRef]:
    return set(schemes().subjects(RDF.type, SKOS.Concept))


# --- the ontology document ------------------------------------------------------


def test_ontology_header_describes_version_licence_and_authorship() -> None:
    graph = ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    for prop in (OWL.versionInfo, DCTERMS.title, DCTERMS.description, DCTERMS.creator):
        assert graph.value(ONTOLOGY_IRI, prop) is not None, f"ontology lacks {prop}"
    assert graph.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    )
    modified = graph.value(ONTOLOGY_IRI, DCTERMS.modified)
    assert isinstance(modified, Literal) and modified.datatype == XSD.date


def test_every_term_has_label_comment_and_is_defined_by_the_ontology() -> None:
    graph = ontology()
    terms = defined_terms()
    assert terms
    for term in sorted(terms):
        assert graph.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        comment = graph.value(term, RDFS.comment)
        assert comment is not None and len(str(comment)) > 20, f"{term} needs an rdfs:comment"
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in graph, f"{term} lacks rdfs:isDefinedBy"


def test_every_lacs_term_in_the_ontology_file_is_declared() -> None:
    graph = ontology()
    mentioned = {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(LACS)
    }
    assert mentioned <= defined_terms(), sorted(mentioned - defined_terms())


def test_every_term_named_in_docs_model_is_defined() -> None:
    text = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    named = {LACS + name for name in re.findall(r"`lacs:([A-Za-z]+)`", text)}
    assert named
    missing = sorted(named - {str(t) for t in defined_terms()})
    assert not missing, f"docs/model.md names terms the ontology does not define: {missing}"


@pytest.mark.parametrize("path", files_using_terms(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_lacs_term_used_is_defined_in_the_ontology(path: Path) -> None:
    undefined = sorted(terms_used_in(path) - {str(t) for t in defined_terms()})
    assert not undefined, f"{path.relative_to(REPO)} uses undefined terms: {undefined}"


@pytest.mark.parametrize(
    ("term", "standard"),
    [
        ("LocalAuthority", ORG + "Organization"),
        ("Inspection", PROV + "Activity"),
        ("GuidanceDocument", FOAF + "Document"),
        ("GuidanceDocument", PROV + "Entity"),
        ("GuidanceClause", PROV + "Entity"),
        ("SourceDocument", FOAF + "Document"),
        ("SourceDocument", PROV + "Entity"),
        ("Quote", PROV + "Entity"),
    ],
)
def test_classes_specialise_the_standard_class(term: str, standard: str) -> None:
    assert (lacs(term), RDFS.subClassOf, URIRef(standard)) in ontology()


@pytest.mark.parametrize(
    ("term", "standard"),
    [
        ("inspectedAuthority", PROV + "used"),
        ("inForceFrom", str(DCTERMS.date)),
        ("inForceTo", str(DCTERMS.date)),
        ("report", FOAF + "page"),
        ("text", str(RDF.value)),
        ("quotedFrom", PROV + "wasQuotedFrom"),
        ("topic", str(DCTERMS.subject)),
    ],
)
def test_properties_specialise_the_standard_property(term: str, standard: str) -> None:
    assert (lacs(term), RDFS.subPropertyOf, URIRef(standard)) in ontology()


@pytest.mark.parametrize(
    ("term", "inverse"), [("governedBy", "governs"), ("judgement", "judgementOf")]
)
def test_inverse_properties_are_declared_both_ways(term: str, inverse: str) -> None:
    graph = ontology()
    assert (lacs(term), OWL.inverseOf, lacs(inverse)) in graph
    assert (lacs(inverse), OWL.inverseOf, lacs(term)) in graph


def test_governance_link_comment_explains_curated_and_all_link_queries() -> None:
    comment = str(ontology().value(lacs("GovernanceLink"), RDFS.comment))
    for needed in ("def/link-method/curated", "def/link-method/derived", "lacs:linkRule"):
        assert needed in comment
    assert "Only curated links" in comment and "All links" in comment


# --- the concept schemes ----------------------------------------------------------


@pytest.mark.parametrize("path", SCHEME_FILES, ids=lambda p: p.stem)
def test_each_scheme_file_holds_one_scheme_at_def_slash_its_name(path: Path) -> None:
    graph = parse(path)
    scheme = URIRef(BASE + "def/" + path.stem)
    assert set(graph.subjects(RDF.type, SKOS.ConceptScheme)) == {scheme}
    assert graph.value(scheme, SKOS.prefLabel) is not None
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        assert str(concept).startswith(str(scheme) + "/"), f"{concept} is not under {scheme}"
        assert (concept, SKOS.inScheme, scheme) in graph, f"{concept} is not in {scheme}"


def test_every_concept_has_label_scheme_and_definition_or_scope_note() -> None:
    graph = schemes()
    assert concepts()
    for concept in sorted(concepts()):
        label = graph.value(concept, SKOS.prefLabel)
        assert isinstance(label, Literal) and label.language == "en", f"{concept} needs @en label"
        assert graph.value(concept, SKOS.inScheme) is not None, f"{concept} has no skos:inScheme"
        assert (
            graph.value(concept, SKOS.definition) is not None
            or graph.value(concept, SKOS.scopeNote) is not None
        ), f"{concept} needs a skos:definition or skos:scopeNote"


def test_top_concepts_are_listed_from_both_ends() -> None:
    graph = schemes()
    has_top = set(graph.subject_objects(SKOS.hasTopConcept))
    top_of = {(scheme, concept) for concept, scheme in graph.subject_objects(SKOS.topConceptOf)}
    assert has_top == top_of


def test_model_md_concept_slugs_all_exist() -> None:
    text = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    defined = {str(c) for c in concepts()}
    missing = []
    for scheme, listing in re.findall(r"^- `([a-z-]+)`: (.*)$", text, flags=re.MULTILINE):
        first_sentence = listing.split(". ")[0]
        for slug in re.findall(r"`([a-z0-9-]+)`", first_sentence):
            if f"{BASE}def/{scheme}/{slug}" not in defined:
                missing.append(f"def/{scheme}/{slug}")
    assert not missing, f"docs/model.md names concepts no scheme defines: {missing}"


def test_four_point_grades_are_numbered_and_ranked_in_order() -> None:
    graph = schemes()
    for number, slug in enumerate(["outstanding", "good", "requires-improvement", "inadequate"], 1):
        grade = URIRef(f"{BASE}def/judgement/{slug}")
        assert graph.value(grade, SKOS.notation) == Literal(str(number))
        assert graph.value(grade, lacs("rank")) == Literal(number)


def test_send_outcome_codes_do_not_clash_with_grade_numbers() -> None:
    graph = schemes()
    by_code: dict[Literal, list[URIRef]] = {}
    for concept, code in graph.subject_objects(SKOS.notation):
        if str(concept).startswith(BASE + "def/judgement/"):
            by_code.setdefault(code, []).append(concept)
    assert all(len(holders) == 1 for holders in by_code.values()), by_code
    positive = URIRef(BASE + "def/judgement/send-positive")
    assert graph.value(positive, SKOS.notation) == Literal("1", datatype=lacs("sendOutcomeCode"))


@pytest.mark.parametrize(
    ("narrow", "broad"),
    [
        ("sif-reinspection", "sif"),
        ("ilacs-standard", "ilacs"),
        ("ilacs-short", "ilacs"),
        ("send-2016", "send"),
        ("send-2023", "send"),
        ("cpri", "cpi"),
        ("slac-reinspection", "slac"),
    ],
)
def test_precise_frameworks_are_narrower_than_their_broad_framework(
    narrow: str, broad: str
) -> None:
    framework = BASE + "def/framework/"
    assert (URIRef(framework + narrow), SKOS.broader, URIRef(framework + broad)) in schemes()


def test_regions_carry_their_ons_codes() -> None:
    graph = schemes()
    regions = set(graph.subjects(SKOS.inScheme, URIRef(BASE + "def/region")))
    codes = sorted(str(graph.value(region, SKOS.notation)) for region in regions)
    assert codes == [f"E1200000{n}" for n in range(1, 10)]


def test_concept_iris_used_in_data_shapes_and_queries_are_defined() -> None:
    defined = {str(c) for c in concepts()}
    used: dict[str, set[str]] = {}
    for path in files_using_terms():
        if "fixtures" in path.parts:
            continue
        for iri in iris_in(path):
            if CONCEPT_IRI.match(iri):
                used.setdefault(iri, set()).add(str(path.relative_to(REPO)))
    missing = {iri: sorted(where) for iri, where in used.items() if iri not in defined}
    assert not missing, f"concept IRIs used but not defined in any scheme: {missing}"
