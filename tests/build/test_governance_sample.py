"""The derived governance rules against a sample of their links judged by a careful reader.

tests/fixtures/governance/judged-links.csv holds derived links, each read with its quote and
clause and judged sound or wrong with a one-line reason: a "refinement" sample drawn before
the rules' exclusions were written (links a rule no longer makes stay in it, showing the
exclusions at work) and a "held-out" sample drawn afterwards from links not yet judged.
Precision is counted on the links the rules make.
"""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest
from rdflib import Graph, URIRef

from lacs_ld.build.quote_rules import RULES

from .support import BASE, REPO, Built

SAMPLE = REPO / "tests" / "fixtures" / "governance" / "judged-links.csv"
LACS = f"{BASE}def/lacs#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PRECISION = 0.95


@pytest.fixture(scope="module")
def derived(built: Built) -> tuple[set[tuple[str, str, str]], dict[str, str]]:
    """(quote, clause, rule) of every derived link, and every quote's text, relative paths."""
    graph = Graph().parse(built.data_dir / "generated" / "report-quotes.ttl", publicID=BASE)
    links = set()
    for link, rule in graph.subject_objects(URIRef(LACS + "linkRule")):
        quote = str(link).rsplit("/link/", 1)[0]
        clause = str(graph.value(link, URIRef(LACS + "linkedClause")))
        links.add((quote.removeprefix(BASE), clause.removeprefix(BASE), str(rule).rsplit("/")[-1]))
    texts = {
        str(q).removeprefix(BASE): str(t) for q, t in graph.subject_objects(URIRef(LACS + "text"))
    }
    return links, texts


def _sample() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_judged_sample_covers_every_rule_with_a_verdict_and_reason_for_each_link() -> None:
    rows = _sample()
    assert len(rows) >= 150
    assert {r["rule"] for r in rows} == {rule.slug for rule in RULES}
    for row in rows:
        assert row["sample"] in ("refinement", "held-out"), row
        assert row["verdict"] in ("sound", "wrong"), row
        assert len(row["reason"]) > 20, row
    assert len({(r["quote"], r["clause"]) for r in rows}) == len(rows)


def test_the_sample_quotes_the_published_words(
    derived: tuple[set[tuple[str, str, str]], dict[str, str]],
) -> None:
    _, texts = derived
    for row in _sample():
        assert texts.get(row["quote"]) == row["quote_text"], row["quote"]


def test_each_rule_is_sound_on_at_least_95_per_cent_of_its_judged_links(
    derived: tuple[set[tuple[str, str, str]], dict[str, str]],
) -> None:
    links, _ = derived
    made: Counter[str] = Counter()
    sound: Counter[str] = Counter()
    excluded: Counter[str] = Counter()
    held_out: Counter[str] = Counter()
    for row in _sample():
        if (row["quote"], row["clause"], row["rule"]) in links:
            made[row["rule"]] += 1
            sound[row["rule"]] += row["verdict"] == "sound"
            if row["sample"] == "held-out":
                held_out[row["verdict"]] += 1
        else:
            excluded[f"{row['rule']} ({row['verdict']})"] += 1
    print("\nprecision of each derived rule on the judged sample:")
    for rule in sorted(made):
        print(f"  {rule:34s} {sound[rule]:3d} / {made[rule]:3d} = {sound[rule] / made[rule]:.1%}")
    print(f"  judged links the rules now exclude: {dict(sorted(excluded.items()))}")
    print(f"  held-out sample alone: {dict(sorted(held_out.items()))}")
    assert sum(made.values()) >= 150
    for rule in made:
        assert sound[rule] / made[rule] >= PRECISION, rule


def test_each_rule_states_in_the_data_the_patterns_the_build_applies() -> None:
    scheme = Graph().parse(REPO / "ontology" / "link-rule.ttl", publicID=BASE)
    for rule in RULES:
        node = URIRef(f"{BASE}def/link-rule/{rule.slug}")
        for term, pattern in (
            ("triggerPattern", rule.trigger),
            ("exclusionPattern", rule.exclusion),
            ("overridePattern", rule.override),
        ):
            stated = scheme.value(node, URIRef(LACS + term))
            assert (str(stated) if stated is not None else "") == pattern, (rule.slug, term)
        assert "Triggered by" in str(scheme.value(node, URIRef(SKOS + "definition")))


def test_the_four_november_2016_seed_quotes_link_to_annex_a_2_05_exactly_where_they_count() -> None:
    curated = Graph().parse(REPO / "data" / "curated" / "quotes.ttl", publicID=BASE)
    count = next(rule for rule in RULES if rule.slug == "ehe-sif-annex-a").trigger
    counting = {"E08000025": True, "E06000042": True, "E08000034": False, "E09000026": False}
    for quote, inspection in curated.subject_objects(URIRef(LACS + "quotedFrom")):
        gss = str(inspection).removeprefix(f"{BASE}id/inspection/")[:9]
        if not str(inspection).endswith("/sif/2016-11-25"):
            continue
        text = str(curated.value(quote, URIRef(LACS + "text")))
        clauses = {
            str(c).removeprefix(BASE) for c in curated.objects(quote, URIRef(LACS + "governedBy"))
        }
        reports_a_number = bool(re.search(count, text, re.I)) and counting[gss]
        assert ("id/guidance/sif-annex-a/clause/2.05" in clauses) == reports_a_number, gss
        for statement in ("1", "2"):
            linked = f"id/guidance/ofsted-ehe-advice-2015/clause/{statement}" in clauses
            assert linked == reports_a_number, (gss, statement)
