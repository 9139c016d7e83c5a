"""What the search index holds, taken from a snapshot's catalogue, and its facets.

Every kind of thing people look for by name or by what it says: authorities (by name,
former name, GSS or DfE code), inspections (by authority, framework, year and grade),
guidance clauses and documents, and quotes. Each is one row of three columns — a title, a
body and a context — weighted in that order when ranking.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lacs_ld.services.listings import Catalogue, Facet, Item
from lacs_ld.services.search.text import unmarked

FACETS: tuple[Facet, ...] = (
    Facet("type", "Kind"),
    Facet("grade", "Grade"),
    Facet("topic", "Topic"),
    Facet("framework", "Framework"),
    Facet("year", "Year"),
    Facet("region", "Region"),
    Facet("authority", "Authority"),
)
TYPE_LABELS = {
    "authority": "Local authority",
    "inspection": "Inspection",
    "quote": "Quote",
    "clause": "Guidance clause",
    "guidance": "Guidance document",
    "document": "Source document",
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

    @property
    def heading(self) -> str:
        """What a result is shown as: its title, else what it is quoted from."""
        return self.title or self.context or self.iri


# The order of the index (its rowids): a prior of relevance, so that the first matches a
# bounded search reads (`matching`) are those most looked for, whatever the data's size.
KIND_ORDER = ("authority", "guidance", "document", "clause", "inspection", "quote")


def prior(doc: Doc) -> tuple[int, int, str]:
    """A document's place in the index: by kind, then newest first, then by IRI."""
    years = [int(y) for y in doc.facets.get("year", ()) if y.isdigit()]
    kind = KIND_ORDER.index(doc.kind) if doc.kind in KIND_ORDER else len(KIND_ORDER)
    return kind, -max(years, default=0), doc.iri


def facet_labels(catalogue: Catalogue) -> dict[str, dict[str, str]]:
    """The catalogue's facet value labels, plus the search's own `type` facet."""
    labels = {k: dict(v) for k, v in catalogue.labels.items()}
    labels["type"] = dict(TYPE_LABELS)
    return labels


def documents(catalogue: Catalogue) -> list[Doc]:
    """Everything the index holds, in IRI order (the tie-break of equal ranks)."""
    docs = [
        *authorities(catalogue.items["authorities"]),
        *inspections(catalogue.items["inspections"]),
        *quotes(catalogue.items["quotes"]),
        *guidance(catalogue.items["guidance"]),
    ]
    docs += [
        Doc(iri, "clause", unmarked(label), unmarked(text), "", {"type": ("clause",)})
        for iri, (label, text) in catalogue.clause_texts.items()
    ]
    return sorted(docs, key=lambda d: d.iri)


def _joined(*parts: str, sep: str = " · ") -> str:
    return unmarked(sep.join(p for p in parts if p))


def authorities(items: list[Item]) -> Iterator[Doc]:
    for item in items:
        f = item.fields
        body = _joined(
            f"GSS code {f['gss']}" if f["gss"] else "",
            f"DfE code {f['dfe']}" if f["dfe"] else "",
            f"formerly {f['formerly']}" if f["formerly"] else "",
            f"replaced by {f['became']}" if f["became"] else "",
            f["type"],
            f["region"],
            f"latest grade {f['grade']}" if f["grade"] else "",
            sep=". ",
        )
        status = f"abolished {f['to']}" if f["to"] else ""
        facets = {
            "type": ("authority",),
            "region": item.facets.get("region", ()),
            "grade": item.facets.get("grade", ()),
        }
        if f["gss"]:
            facets["authority"] = (f["gss"],)
        context = _joined(f["region"], f["gss"], status)
        yield Doc(item.iri, "authority", unmarked(item.label), body, context, facets)


def inspections(items: list[Item]) -> Iterator[Doc]:
    for item in items:
        f = item.fields
        year = (item.facets.get("year") or ("",))[0]  # visits may have no publication date
        body = _joined(f["grade"], f["framework"], f["authority"], year, sep=". ")
        facets = {
            "type": ("inspection",),
            **{k: item.facets.get(k, ()) for k in ("framework", "year", "grade", "authority")},
            "region": item.facets.get("region", ()),
        }
        context = _joined(f["authority"], f["framework"], f["grade"], f["date"])
        yield Doc(item.iri, "inspection", unmarked(item.label), body, context, facets)


def quotes(items: list[Item]) -> Iterator[Doc]:
    for item in items:
        facets = {k: v for k, v in item.facets.items() if k not in ("clause", "method")}
        text, source = unmarked(item.fields["text"]), unmarked(item.fields["source"])
        yield Doc(item.iri, "quote", "", text, source, {**facets, "type": ("quote",)})


def guidance(items: list[Item]) -> Iterator[Doc]:
    for item in items:
        kind = item.facets["type"][0] if item.facets.get("type") else "guidance"
        context = _joined(item.fields["publisher"], item.fields["issued"])
        yield Doc(item.iri, kind, unmarked(item.label), "", context, {"type": (kind,)})
