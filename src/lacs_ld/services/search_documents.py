"""What the search index holds, taken from a snapshot's catalogue, and its facets."""

from __future__ import annotations

from dataclasses import dataclass

from lacs_ld.services.listings import Catalogue, Facet
from lacs_ld.services.search_text import unmarked

FACETS: tuple[Facet, ...] = (
    Facet("type", "Type"),
    Facet("topic", "Topic"),
    Facet("framework", "Framework"),
    Facet("year", "Year"),
    Facet("region", "Region"),
    Facet("authority", "Authority"),
)
TYPE_LABELS = {
    "quote": "Quote",
    "clause": "Guidance clause",
    "guidance": "Guidance document",
    "document": "Source document",
    "authority": "Local authority",
}


@dataclass(frozen=True)
class Doc:
    """One searchable thing: its title, body and context columns and its facet values."""

    iri: str
    kind: str
    title: str
    body: str
    context: str
    facets: dict[str, tuple[str, ...]]


def facet_labels(catalogue: Catalogue) -> dict[str, dict[str, str]]:
    """The catalogue's facet value labels, plus the search's own `type` facet."""
    labels = {k: dict(v) for k, v in catalogue.labels.items()}
    labels["type"] = dict(TYPE_LABELS)
    return labels


def documents(catalogue: Catalogue) -> list[Doc]:
    """What the index holds: quotes, clauses, guidance and source documents, authorities."""
    docs: list[Doc] = []
    for item in catalogue.items["quotes"]:
        facets = {k: v for k, v in item.facets.items() if k != "clause" and k != "method"}
        docs.append(
            Doc(
                item.iri,
                "quote",
                "",
                unmarked(item.fields["text"]),
                unmarked(item.fields["source"]),
                {**facets, "type": ("quote",)},
            )
        )
    for iri, (label, text) in catalogue.clause_texts.items():
        docs.append(Doc(iri, "clause", unmarked(label), unmarked(text), "", {"type": ("clause",)}))
    for item in catalogue.items["guidance"]:
        kind = item.facets["type"][0] if item.facets.get("type") else "guidance"
        context = " · ".join(x for x in (item.fields["publisher"], item.fields["issued"]) if x)
        docs.append(Doc(item.iri, kind, unmarked(item.label), "", context, {"type": (kind,)}))
    for item in catalogue.items["authorities"]:
        context = " · ".join(x for x in (item.fields["region"], item.fields["gss"]) if x)
        facets = {"type": ("authority",), "region": item.facets.get("region", ())}
        gss = item.fields["gss"]
        if gss in catalogue.labels.get("authority", {}):
            facets["authority"] = (gss,)
        docs.append(Doc(item.iri, "authority", unmarked(item.label), "", context, facets))
    return docs
