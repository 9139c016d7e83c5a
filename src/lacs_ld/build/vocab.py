"""The model's terms and concept slugs (docs/model.md), and how source wordings map to them."""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef

from lacs_ld.build.turtle import PLACEHOLDER_BASE

LACS = Namespace(PLACEHOLDER_BASE + "def/lacs#")


def rel(path: str) -> URIRef:
    """An IRI relative to the published base, held under the placeholder until it is written."""
    return URIRef(PLACEHOLDER_BASE + path)


def concept(scheme: str, slug: str) -> URIRef:
    """A SKOS concept of one of the model's schemes, e.g. def/judgement/good."""
    return rel(f"def/{scheme}/{slug}")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-', as the model's slugs are."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Source wording (official title case and the scrape's lower case) -> judgement slug.
GRADES: dict[str, str] = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires-improvement",
    "requires improvement": "requires-improvement",
    "inadequate": "inadequate",
    "adequate": "adequate",
    "not judged": "not-judged",
}

GRADE_LABELS: dict[str, str] = {
    "outstanding": "outstanding",
    "good": "good",
    "requires-improvement": "requires improvement to be good",
    "inadequate": "inadequate",
    "adequate": "adequate",
    "not-judged": "not judged",
    "send-positive": "positive experiences and outcomes",
    "send-inconsistent": "inconsistent experiences and outcomes",
    "send-significant-concerns": "significant concerns",
}

# Area of an inspection judgement -> the label used in judgement labels.
AREA_LABELS: dict[str, str] = {
    "overall-effectiveness": "overall effectiveness",
    "impact-of-leaders": "impact of leaders",
    "help-and-protection": "children who need help and protection",
    "children-in-care": "children in care",
    "children-in-care-and-care-leavers": "children in care and care leavers",
    "care-leavers": "care leavers",
    "children-looked-after": "children looked after and achieving permanence",
    "adoption": "adoption performance",
    "leadership-management-governance": "leadership, management and governance",
    "lscb": "local safeguarding children board",
    "safeguarding": "safeguarding",
    "looked-after-children": "looked after children",
}

# Precise framework slug -> (broad slug used in the IRI, wording used in labels).
FRAMEWORKS: dict[str, tuple[str, str]] = {
    "slac": ("slac", "SLAC inspection"),
    "slac-reinspection": ("slac", "SLAC re-inspection"),
    "cpi": ("cpi", "child protection inspection"),
    "cpri": ("cpi", "child protection re-inspection"),
    "tlac": ("tlac", "inspection of looked after children services"),
    "sif": ("sif", "SIF inspection"),
    "sif-reinspection": ("sif", "SIF re-inspection"),
    "ilacs-standard": ("ilacs", "ILACS standard inspection"),
    "ilacs-short": ("ilacs", "ILACS short inspection"),
    "focused-visit": ("focused-visit", "ILACS focused visit"),
    "monitoring-visit": ("monitoring-visit", "monitoring visit"),
    "jtai": ("jtai", "joint targeted area inspection"),
    "send-2023": ("send", "area SEND inspection"),
}

# Ofsted's wording of an in-year or history row's type -> precise framework slug.
ILACS_TYPES: dict[str, str] = {
    "ilacs standard inspection": "ilacs-standard",
    "ilacs short inspection": "ilacs-short",
    "ilacs focused visit": "focused-visit",
    "la monitoring visit": "monitoring-visit",
    "standard": "ilacs-standard",
    "short": "ilacs-short",
}

SEND_OUTCOMES: dict[str, str] = {
    "1.0": "send-positive",
    "2.0": "send-inconsistent",
    "3.0": "send-significant-concerns",
}


def grade(value: str) -> str | None:
    """The judgement slug for a source grade, or None when the item was not graded ('-', blank)."""
    key = value.strip().lower()
    if key in ("", "-", "nan"):
        return None
    return GRADES.get(key)
