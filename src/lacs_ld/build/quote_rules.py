"""The rules that derive governance links from a quote's topic, words and report.

Each rule is a concept <def/link-rule/{slug}> in ontology/link-rule.ttl whose skos:definition
states it in words and whose lacs:triggerPattern, lacs:exclusionPattern and
lacs:overridePattern give the very patterns below (a test keeps the two in step). A rule
links a quote when the quote has its topic, its words match the trigger and not the
exclusion (unless they match the override, words naming the clause outright), and its
report is of a framework and date the guidance covers: a report can only be governed by
guidance issued before it was published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class LinkRule:
    slug: str
    topic: str  # def/topic/{slug}
    clauses: tuple[str, ...]  # id/guidance/{document}/clause/{number}
    trigger: str  # regular expression (case-insensitive) the quote's words must match
    exclusion: str = ""  # regular expression that stops the rule, unless `override` matches
    override: str = ""  # words naming the clause outright, which the exclusion cannot stop
    frameworks: frozenset[str] | None = None  # broad framework slugs; None: any
    published_from: str | None = None  # ISO date, inclusive
    published_to: str | None = None  # ISO date, inclusive


@dataclass(frozen=True)
class ReportFacts:
    inspection: str  # id/inspection/{GSS}/{framework}/{date}
    published: str  # ISO date the report was published
    topics: frozenset[str]  # topic slugs of the quote
    text: str = ""  # the quote's words


SIF = frozenset({"sif"})
# A count: a figure (not a year, a date or a paragraph number) or words for how many.
_COUNT = (
    r"(?<![\w,./-])(?<!paragraph )(?<!paragraphs )(?<!Year )(?<!Years )(?!(?:19|20)\d\d\b)"
    r"\d[\d,]*\b(?!-| to \d|\s?%| per cent| (?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b)"
    r"|\bnumbers? of\b|\b(?:very )?few\b|\bincreas|\brise\b|\brising\b|\brisen\b"
    r"|\bgrowing\b|\bdoubled?\b|\bfewer\b|\bfalling\b|\breduc|\bdecreas"
)
# What the authority does, or is expected to do, about home-educated children.
_ACTION = (
    r"monitor|oversight|track|support|visit|advice|guidance|assess|arrangement|procedure"
    r"|system|regist|relationship|engag|ensur|check|challeng|follow(?:ed|s)? up|liais|effective"
    r"|robust|rigorous|safeguard|\brisk|\bsafe(?:ty)?\b|\bwork(?:s|ed|ing)? (?:with|closely)"
    r"|\bdut(?:y|ies)\b|\bshould\b|\bmust\b|\bensure"
)
_STRATEGY_CONTEXT = (
    r"exploit|\bCSE\b|missing|\bLADO\b|designated officer|allegation|position of trust"
    r"|radicali|trafficking|\bgangs?\b|\bMACE\b|\bMASE\b|\blocat(?:e|ing)\b|high[- ]risk strategy"
)


def _sif_rule(
    *,
    slug: str,
    topic: str,
    clauses: tuple[str, ...],
    since: str,
    trigger: str,
    exclusion: str = "",
) -> LinkRule:
    """A rule for reports under the single inspection framework published from `since`."""
    return LinkRule(slug, topic, clauses, trigger, exclusion, frameworks=SIF, published_from=since)


RULES: tuple[LinkRule, ...] = (
    _sif_rule(
        slug="ehe-sif-annex-a",
        topic="elective-home-education",
        clauses=("id/guidance/sif-annex-a/clause/2.05",),
        since="2013-11-01",
        trigger=_COUNT,
    ),
    _sif_rule(
        slug="cme-sif-annex-a",
        topic="children-missing-education",
        clauses=("id/guidance/sif-annex-a/clause/2.06",),
        since="2013-11-01",
        trigger=r"missing (?:from )?education|\bCME\b",
        exclusion=r"missing from (?:home|care)|\bboard\b|\bLSCB\b",
    ),
    _sif_rule(
        slug="ehe-ofsted-advice-2015",
        topic="elective-home-education",
        clauses=("id/guidance/ofsted-ehe-advice-2015/clause/10",),
        since="2015-06-01",
        trigger=_ACTION,
    ),
    _sif_rule(
        slug="ehe-ofsted-advice-2015-visits",
        topic="elective-home-education",
        clauses=(
            "id/guidance/ofsted-ehe-advice-2015/clause/6",
            "id/guidance/ofsted-ehe-advice-2015/clause/7",
        ),
        since="2015-06-01",
        trigger=r"\bvisit",
        exclusion=r"monitoring visit|visiting (?:professionals?|team)|last known address",
    ),
    _sif_rule(
        slug="ehe-ofsted-advice-2015-quality",
        topic="elective-home-education",
        clauses=(
            "id/guidance/ofsted-ehe-advice-2015/clause/5",
            "id/guidance/ofsted-ehe-advice-2015/clause/6",
        ),
        since="2015-06-01",
        trigger=r"suitab\w* (?:of (?:the |their )?)?(?:home )?(?:education|EHE|arrangements)"
        r"|suitable education|quality of (?:the |their )?(?:home )?education"
        r"|appropriateness of the education|education (?:being )?(?:provided|delivered)",
    ),
    LinkRule(
        slug="section-47-children-act-1989",
        topic="section-47",
        clauses=("id/guidance/children-act-1989/clause/section-47",),
        trigger=r"section 47|\bs ?47\b|child protection enquir|strategy (?:meeting|discussion)",
        exclusion=_STRATEGY_CONTEXT,
        override=r"section 47|\bs ?47\b|child protection (?:enquir|investigation)",
    ),
    LinkRule(
        slug="section-17-children-act-1989",
        topic="section-17",
        clauses=("id/guidance/children-act-1989/clause/section-17",),
        trigger=r"(?<![\w\u2019'])(?:section|s) ?17\b",
        exclusion=r"Crime and Disorder|section 17 of the (?!Children Act)",
    ),
)


def _framework(inspection: str) -> str:
    parts = inspection.split("/")
    return parts[3] if len(parts) > 4 and parts[:2] == ["id", "inspection"] else ""


def words_apply(rule: LinkRule, text: str) -> bool:
    """Whether a quote's words trigger a rule and no exclusion stops it."""
    if not re.search(rule.trigger, text, re.I):
        return False
    if rule.override and re.search(rule.override, text, re.I):
        return True
    return not (rule.exclusion and re.search(rule.exclusion, text, re.I))


def applies(rule: LinkRule, facts: ReportFacts) -> bool:
    if rule.topic not in facts.topics:
        return False
    if rule.frameworks is not None and _framework(facts.inspection) not in rule.frameworks:
        return False
    if rule.published_from is not None and facts.published < rule.published_from:
        return False
    if rule.published_to is not None and facts.published > rule.published_to:
        return False
    return words_apply(rule, facts.text)


def rules_for(facts: ReportFacts) -> Iterator[tuple[LinkRule, str]]:
    """(rule, clause) pairs for a quote, by rule slug then clause; each clause once."""
    pairs = [(rule, clause) for rule in RULES if applies(rule, facts) for clause in rule.clauses]
    seen: set[str] = set()
    for rule, clause in sorted(pairs, key=lambda pair: (pair[0].slug, pair[1])):
        if clause not in seen:
            seen.add(clause)
            yield rule, clause
