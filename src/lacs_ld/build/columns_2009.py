"""Where each framework's dates and grades sit in Ofsted's 2009-2023 per-authority table."""

from __future__ import annotations

SIF_AREAS = (
    "overall-effectiveness",
    "help-and-protection",
    "children-looked-after",
    "adoption",
    "care-leavers",
    "leadership-management-governance",
)
# 2009-2023 table: (precise framework, date column, {area: grade column}).
_SIF = ("Single Inspection of LA Children's Services (SIF)",)
BLOCKS_2009: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "slac",
        "Safeguarding & Looked After Children (SLAC) Inspection publication date",
        {
            "safeguarding": "SLAC Safeguarding Overall effectiveness (OE)",
            "looked-after-children": "SLAC Looked After Children Overall Effectiveness (OE)",
        },
    ),
    (
        "slac-reinspection",
        "SLAC re-inspection of Safeguarding publication date",
        {"safeguarding": "SLAC re-inspection Safeguarding OE"},
    ),
    (
        "slac-reinspection",
        "SLAC re-inspection of services for Children Looked After publication date",
        {"looked-after-children": "SLAC re-inspection of services Children Looked After OE"},
    ),
    (
        "cpi",
        "Child Protection Inspections (CPI) publication date",
        {"overall-effectiveness": "CPI Overall Effectiveness (OE)"},
    ),
    (
        "cpri",
        "Child Protection Re-Inspection (CPRI) publication date",
        {"overall-effectiveness": "CPRI Overall Effectiveness (OE)"},
    ),
    (
        "tlac",
        "Targeted Looked After Children (TLAC) inspection publication date",
        {"overall-effectiveness": "TLAC Overall Effectiveness (OE)"},
    ),
    (
        "sif",
        f"{_SIF[0]} First SIF publication date",
        dict(
            zip(
                (*SIF_AREAS, "lscb"),
                (
                    "First SIF Overall Judgement (OE)",
                    "First SIF children who need help and protection",
                    "First SIF children looked after and achieving permanence",
                    "First SIF CLA Sub: Adoption Performance",
                    "First SIF CLA Sub: Experiences and progress of care leavers",
                    "First SIF leadership, management and governance",
                    "LSCB Overall Effectiveness",
                ),
                strict=True,
            )
        ),
    ),
    (
        "sif-reinspection",
        f"{_SIF[0]} SIF Re-inspection publication date",
        dict(
            zip(
                SIF_AREAS,
                (
                    "SIF Re-inspection Overall Judgement (OE)",
                    "SIF Re-inspection children who need help and protection",
                    "SIF Re-inspection children looked after and achieving permanence",
                    "SIF Re-inspection CLA Sub: Adoption Performance",
                    "SIF Re-inspection CLA Sub: Experiences and progress of care leavers",
                    "SIF Re-inspection leadership, management and governance",
                ),
                strict=True,
            )
        ),
    ),
)
ILACS_PREFIXES_2009 = ("First ILACS framework", "Second ILACS framework", "ILACS framework")


def ilacs_columns(headers: list[str], prefix: str) -> dict[str, str]:
    """Map a 2009-2023 ILACS block's grade columns to areas by their wording."""
    words = {
        "overall effectiveness": "overall-effectiveness",
        "impact of leaders": "impact-of-leaders",
        "help and protection": "help-and-protection",
        "children in care and care leavers": "children-in-care-and-care-leavers",
        "children in care": "children-in-care",
        "care leavers": "care-leavers",
    }
    columns = {}
    for header in headers:
        if not header.startswith(prefix + " "):
            continue
        for phrase, area in words.items():
            if header.endswith(phrase):
                columns[area] = header
                break
    return columns
