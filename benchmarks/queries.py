"""The queries under test: the repeated ones, and the distinct ones no answer cache can help."""

from __future__ import annotations

import itertools
import random

from common import ENTITY, PREFIXES

DISTINCT_QUERIES = 9000  # more than a 7 s run sends, so none repeats
DISTINCT_SEARCHES = 200
TOPICS = (
    "fostering", "adoption", "leaving care", "care leavers", "child protection",
    "early help", "neglect", "exploitation", "missing", "domestic abuse", "disabled children",
    "social workers", "caseloads", "management oversight", "supervision", "court",
    "placements", "residential", "education", "health", "mental health", "youth offending",
    "private fostering", "homelessness", "advocacy", "participation", "permanence",
    "special guardianship",
)  # fmt: skip


def entity_construct(base: str) -> str:
    """Oxigraph's side of an entity document: the same description as one CONSTRUCT."""
    this = f"<{base}id/{ENTITY}>"
    return (
        PREFIXES
        + f"""CONSTRUCT {{
  {this} ?p ?o . ?o ?op ?ov . ?p rdfs:label ?pl .
  ?s ?ip {this} . ?s ?sp ?sv .
}} WHERE {{
  {{ {this} ?p ?o .
    OPTIONAL {{ ?o ?op ?ov . FILTER (?op IN (rdfs:label, skos:prefLabel, dcterms:title,
                                             skos:notation)) }}
    OPTIONAL {{ ?p rdfs:label ?pl }} }}
  UNION
  {{ ?s ?ip {this} .
    ?s ?sp ?sv . FILTER (?sp IN (rdfs:label, skos:notation, dcterms:issued)) }}
}}"""
    )


def lacs_prefix(base: str) -> str:
    return f"PREFIX lacs: <{base}def/lacs#>\n" + PREFIXES


def join_query(base: str) -> str:
    """A three-way join: inspections, their authority and its region, with labels."""
    return (
        lacs_prefix(base)
        + """SELECT ?inspection ?date ?authority ?name ?region WHERE {
  ?inspection lacs:inspectedAuthority ?authority ; dcterms:issued ?date .
  ?authority rdfs:label ?name ; lacs:region ?r .
  ?r skos:prefLabel ?region .
  FILTER (?date >= "2018-01-01"^^<http://www.w3.org/2001/XMLSchema#date>)
} ORDER BY ?date ?inspection LIMIT 100"""
    )


def ask_query(base: str) -> str:
    return (
        lacs_prefix(base)
        + f"ASK {{ ?q lacs:quotedFrom ?i . ?i lacs:inspectedAuthority <{base}id/{ENTITY}> }}"
    )


def distinct_queries(base: str, authorities: list[str]) -> list[str]:
    """Up to 9,000 small per-authority queries (SELECT, ASK, GROUP BY; LIMIT 5-20), all different."""
    lacs = lacs_prefix(base)
    templates = (
        "SELECT ?inspection ?date WHERE {{ ?inspection lacs:inspectedAuthority <{a}> ; "
        "dcterms:issued ?date }} ORDER BY DESC(?date) LIMIT {n}",
        "ASK {{ ?i lacs:inspectedAuthority <{a}> ; dcterms:issued ?date . "
        'FILTER (?date >= "20{y:02d}-01-01"^^<http://www.w3.org/2001/XMLSchema#date>) }}',
        "SELECT ?type (COUNT(?i) AS ?n) WHERE {{ ?i lacs:inspectedAuthority <{a}> ; a ?type }} "
        "GROUP BY ?type ORDER BY DESC(?n) LIMIT {n}",
        "SELECT ?quote WHERE {{ ?quote lacs:quotedFrom ?i . "
        "?i lacs:inspectedAuthority <{a}> }} LIMIT {n}",
    )
    combos = list(itertools.product(range(5, 21), range(len(templates)), authorities))
    random.Random(17).shuffle(combos)
    found: list[str] = []
    seen: set[str] = set()
    for limit, which, authority in combos:
        text = lacs + templates[which].format(a=authority, n=limit, y=limit - 5 + 9)
        if text not in seen:
            seen.add(text)
            found.append(text)
        if len(found) == DISTINCT_QUERIES:
            break
    return found


def distinct_searches(names: list[str]) -> list[str]:
    """200 different search terms: authority names, topics, then a topic and a name together."""
    pairs = (f"{topic} {name}" for name in names for topic in TOPICS)
    terms = list(dict.fromkeys(itertools.chain(names, TOPICS, pairs)))
    return terms[:DISTINCT_SEARCHES]


def fresh_searches(names: list[str]) -> list[str]:
    """Thousands of searches (a topic and an authority's name) none of `distinct_searches` has."""
    used = set(distinct_searches(names))
    # Both word orders: the same match, a different request, so twice as many never repeat.
    pairs = (
        text
        for topic in TOPICS
        for name in names
        for text in (f"{topic} {name}", f"{name} {topic}")
    )
    return [term for term in dict.fromkeys(pairs) if term not in used]


def oxigraph_search(base: str, term: str) -> str:
    """Oxigraph's nearest equivalent of a search: labels containing the term."""
    escaped = term.lower().replace("\\", "\\\\").replace('"', '\\"')
    return (
        PREFIXES + f"SELECT ?s ?label WHERE {{ ?s rdfs:label ?label . "
        f'FILTER (CONTAINS(LCASE(STR(?label)), "{escaped}")) }} LIMIT 20'
    )
