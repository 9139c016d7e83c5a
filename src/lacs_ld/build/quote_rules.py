"""The rules that derive governance links from a quote's topic and its report.

Each rule is a concept <def/link-rule/{slug}> in ontology/link-rule.ttl whose
skos:definition states the same condition in words. A report can only be
governed by guidance issued before it was published, so each rule carries the
frameworks and publication dates it applies to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class LinkRule:
    slug: str
    topic: str  # def/topic/{slug}
    clauses: tuple[str, ...]  # id/guidance/{document}/clause/{number}
    frameworks: frozenset[str] | None = None  # broad framework slugs; None: any
    published_from: str | None = None  # ISO date, inclusive
    published_to: str | None = None  # ISO date, inclusive


@dataclass(frozen=True)
class ReportFacts:
    inspection: str  # id/inspection/{GSS}/{framework}/{date}
    published: str  # ISO date the report was published
    topics: frozenset[str]  # topic slugs of the quote


SIF = frozenset({"sif"})

RULES: tuple[LinkRule, ...] = (
    LinkRule(
        slug="ehe-sif-annex-a",
        topic="elective-home-education",
        clauses=("id/guidance/sif-annex-a/clause/2.05",),
        frameworks=SIF,
        published_from="2013-11-01",
    ),
    LinkRule(
        slug="cme-sif-annex-a",
        topic="children-missing-education",
        clauses=("id/guidance/sif-annex-a/clause/2.06",),
        frameworks=SIF,
        published_from="2013-11-01",
    ),
    LinkRule(
        slug="ehe-ofsted-advice-2015",
        topic="elective-home-education",
        clauses=(
            "id/guidance/ofsted-ehe-advice-2015/clause/5",
            "id/guidance/ofsted-ehe-advice-2015/clause/6",
            "id/guidance/ofsted-ehe-advice-2015/clause/10",
        ),
        frameworks=SIF,
        published_from="2015-06-01",
    ),
    LinkRule(
        slug="section-47-children-act-1989",
        topic="section-47",
        clauses=("id/guidance/children-act-1989/clause/section-47",),
    ),
    LinkRule(
        slug="section-17-children-act-1989",
        topic="section-17",
        clauses=("id/guidance/children-act-1989/clause/section-17",),
    ),
)


def _framework(inspection: str) -> str:
    parts = inspection.split("/")
    return parts[3] if len(parts) > 4 and parts[:2] == ["id", "inspection"] else ""


def applies(rule: LinkRule, facts: ReportFacts) -> bool:
    if rule.topic not in facts.topics:
        return False
    if rule.frameworks is not None and _framework(facts.inspection) not in rule.frameworks:
        return False
    if rule.published_from is not None and facts.published < rule.published_from:
        return False
    return rule.published_to is None or facts.published <= rule.published_to


def rules_for(facts: ReportFacts) -> Iterator[tuple[LinkRule, str]]:
    """(rule, clause) pairs for a quote, in a fixed order: by rule slug, then clause."""
    pairs = [(rule, clause) for rule in RULES if applies(rule, facts) for clause in rule.clauses]
    yield from sorted(pairs, key=lambda pair: (pair[0].slug, pair[1]))
