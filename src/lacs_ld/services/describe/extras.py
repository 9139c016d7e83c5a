"""What a page shows beyond the plain triples, for each kind of thing it is about."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from lacs_ld.services.describe.model import Term
from lacs_ld.services.describe.reader import View
from lacs_ld.services.pictures.grades import LOOKS, NONE
from lacs_ld.services.pictures.layout import history

OA = "http://www.w3.org/ns/oa#"


def extras(view: View) -> dict[str, Any]:
    """The kind-specific facts a resource template shows (timeline, judgements, links…)."""
    kind = view.kind()
    if kind == "authority":
        return _authority(view)
    if kind == "inspection":
        return _inspection(view)
    if kind == "quote":
        return _quote(view)
    if kind == "clause":
        return _clause(view)
    if kind == "guidance":
        return _guidance(view)
    return {}


def _authority(view: View) -> dict[str, Any]:
    s, lacs = view.d.subject, view.lacs
    found: dict[str, Any] = {}
    timeline = []
    for inc in view.d.incoming:
        if inc.via == lacs.inspectedAuthority:
            timeline = [view.summary(i) for i in inc.subjects]
    timeline.sort(key=lambda item: item["issued"] or item["visited"], reverse=True)
    own = view.label(s) + " — "
    for item in timeline:  # on the authority's own page its name need not prefix every title
        label = item["term"].label
        if label.startswith(own):
            label = label[len(own) :]
        label = label.split(", published ", 1)[0].split(", visited ", 1)[0]  # dated beside it
        item["term"].label = label[:1].upper() + label[1:]
        framework = item["framework"]
        item["same_as_framework"] = (
            framework is not None and framework.label.lower() == label.lower()
        )
    found["timeline"] = timeline
    found["history"] = history(timeline)
    found["looks"] = (*LOOKS, NONE)
    found["region"] = view.terms(s, lacs.region)
    found["successors"] = _dated(view, view.g.objects(s, DCTERMS.isReplacedBy), lacs.inForceFrom)
    found["predecessors"] = _dated(view, view.g.objects(s, DCTERMS.replaces), lacs.inForceTo)
    found["in_force_from"] = view.text(s, lacs.inForceFrom)
    found["in_force_to"] = view.text(s, lacs.inForceTo)
    return found


def _inspection(view: View) -> dict[str, Any]:
    s, lacs = view.d.subject, view.lacs
    judgements = [
        {
            "area": view.maybe_term(view.one(j, lacs.area)),
            "grade": view.maybe_term(view.one(j, lacs.grade)),
        }
        for j in view.g.objects(s, lacs.judgement)
    ]
    judgements.sort(key=lambda j: "" if j["area"] is None else j["area"].slug)
    return {
        "judgements": judgements,
        "report": view.text(s, lacs.report),
        "overall": view.terms(s, lacs.overallJudgement),
        "authority": view.terms(s, lacs.inspectedAuthority),
        "issued": view.text(s, DCTERMS.issued),
    }


def _quote(view: View) -> dict[str, Any]:
    s, lacs = view.d.subject, view.lacs
    found: dict[str, Any] = {}
    found["text"] = view.text(s, lacs.text)
    found["source"] = view.terms(s, lacs.quotedFrom)
    pdf, page = view.text(s, DCTERMS.source), view.text(s, lacs.pdfPage)
    found["pdf"] = f"{pdf}#page={page}" if pdf and page else pdf
    found["page"] = page
    links = []
    for link in sorted(view.g.objects(s, lacs.governanceLink), key=str):
        clause = view.one(link, lacs.linkedClause)
        method = view.one(link, lacs.linkMethod)
        rule = view.one(link, lacs.linkRule)
        links.append(
            {
                "anchor": "link-" + str(link).rsplit("/", 1)[-1],
                "clause": view.maybe_term(clause),
                "method": view.maybe_term(method),
                "curated": method is not None and str(method).endswith("/curated"),
                "reason": view.text(link, RDFS.comment),
                "rule": view.maybe_term(rule),
                "rule_definition": view.text(rule, SKOS.definition) if rule else "",
            }
        )
    found["links"] = links
    selector = view.one(s, lacs.selector)
    if selector is not None:
        found["selector"] = {
            "prefix": view.text(selector, URIRef(OA + "prefix")),
            "exact": view.text(selector, URIRef(OA + "exact")),
            "suffix": view.text(selector, URIRef(OA + "suffix")),
        }
    return found


def _clause(view: View) -> dict[str, Any]:
    """What a clause's page says: its text, its document and the quotes it governs."""
    s, lacs = view.d.subject, view.lacs
    found: dict[str, Any] = {}
    found["text"] = view.text(s, lacs.text)
    found["document"] = view.terms(s, DCTERMS.isPartOf)
    found["notation"] = view.text(s, SKOS.notation)
    found.update(_governs(view))
    return found


def _governs(view: View) -> dict[str, Any]:
    """What a clause's page says about the quotes it governs: counts by how linked."""
    tallies = [
        {
            "curated": str(t.method).endswith("/curated"),
            "method": _named(view, t.method, t.method_label),
            "rule": _named(view, t.rule, t.rule_label) if t.rule is not None else None,
            "count": t.count,
        }
        for t in view.d.tallies
    ]
    governed = next((i for i in view.d.incoming if i.via == view.lacs.governedBy), None)
    return {
        "tallies": tallies,
        "curated_count": sum(t["count"] for t in tallies if t["curated"]),
        "derived_count": sum(t["count"] for t in tallies if not t["curated"]),
        "governed_total": governed.total if governed else 0,
        "governed_shown": len(governed.subjects) if governed else 0,
        "governed_list": governed.list_url if governed else "",
    }


def _dated(view: View, things: Iterable[Node], when: URIRef) -> list[dict[str, Any]]:
    """Things a page names with the date that relates them (a successor's first day…)."""
    return [{**vars(view.term(o)), "date": view.text(o, when)} for o in things]


def _named(view: View, node: URIRef, label: str) -> Term:
    found = view.term(node)
    if label:
        found.label = label
    return found


def _guidance(view: View) -> dict[str, Any]:
    """What a guidance document's page shows: its facts, editions and clauses in order."""
    s, lacs = view.d.subject, view.lacs
    clauses = {c for c in view.g.objects(s, DCTERMS.hasPart)}
    clauses |= {c for c in view.g.subjects(DCTERMS.isPartOf, s)}
    ordered = sorted(clauses, key=lambda c: (_natural(view.text(c, SKOS.notation)), str(c)))
    return {
        "doc_title": view.text(s, DCTERMS.title),
        "publisher": [view.term(o) for o in view.g.objects(s, DCTERMS.publisher)],
        "issued": view.text(s, DCTERMS.issued),
        "released": view.text(s, lacs.releasedOn),
        "status": view.text(s, lacs["status"]),
        "statutory": view.text(s, lacs.statutory),
        "sources": view.terms(s, DCTERMS.source),
        "citation": view.text(s, DCTERMS.bibliographicCitation),
        "replaced_by": _dated(
            view, sorted(view.g.objects(s, DCTERMS.isReplacedBy), key=str), DCTERMS.issued
        ),
        "replaces": _dated(
            view, sorted(view.g.objects(s, DCTERMS.replaces), key=str), DCTERMS.issued
        ),
        "clauses": [
            {
                "term": view.term(c),
                "notation": view.text(c, SKOS.notation),
                "text": view.text(c, lacs.text),
                "anchor": "clause-" + str(c).rsplit("/", 1)[-1],
            }
            for c in ordered
        ],
    }


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key putting clause numbers in reading order: 2 before 10, 2.05 before 2.06."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.findall(r"\d+|[^\d.-]+", text)
    )
