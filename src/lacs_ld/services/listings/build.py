"""Reading every list's rows from one snapshot: authorities, inspections, then the documents."""

from __future__ import annotations

from rdflib import Literal, URIRef

from lacs_ld.services.listings.catalogue import Catalogue
from lacs_ld.services.listings.documents import guidance_items, quote_items, read_clauses
from lacs_ld.services.listings.model import Item
from lacs_ld.services.listings.rows import first_rows, run, text
from lacs_ld.services.listings.terms import Terms, one, tail, year
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.store import Reader

GRADED = ("outstanding", "good", "requires-improvement", "adequate", "inadequate")

Record = dict[str, str]


def build(store: Reader, snapshot: Snapshot) -> Catalogue:
    """Read every list's rows from the store (a few SPARQL queries) for one snapshot."""
    base = snapshot.base
    terms = Terms.read(store, base)
    authorities = read_authorities(store, base)
    inspections = read_inspections(store, base)
    inspection_rows, per_authority = inspection_items(inspections, authorities, terms)
    authority_rows = authority_items(authorities, per_authority, terms)
    clauses = read_clauses(store, base)
    guidance_rows = guidance_items(store, base, clauses, terms)
    quote_rows = quote_items(
        store,
        base,
        terms,
        authorities=authorities,
        inspections=inspections,
        documents={i.iri: i for i in guidance_rows},
        clauses=clauses,
    )
    return Catalogue(
        key=snapshot.key,
        base=base,
        # In IRI order, so equal sort keys page the same way on every backend.
        items={
            "authorities": by_iri(authority_rows),
            "inspections": by_iri(inspection_rows),
            "guidance": by_iri(guidance_rows),
            "quotes": by_iri(quote_rows),
        },
        labels=terms.labels,
        clause_texts=dict(sorted(clauses.texts.items())),
        counts=read_counts(store, base),
    )


def by_iri(items: list[Item]) -> list[Item]:
    """Items in IRI order: the tie-break under every documented sort."""
    return sorted(items, key=lambda item: item.iri)


def read_authorities(store: Reader, base: str) -> dict[str, Record]:
    """Each authority's name, codes and dates, needed by the other lists too."""
    authorities: dict[str, Record] = {}
    for row in run(store, "list-authorities", base):
        current = authorities.setdefault(text(row, "authority"), {})
        for key in ("label", "gss", "dfe", "region", "type", "from", "to"):
            if not current.get(key):
                current[key] = text(row, key)
    _name_apart(authorities)
    for row in run(store, "list-authority-replacements", base):
        former, successor = text(row, "former"), text(row, "authority")
        name = text(row, "label") or tail(former, "id/authority/")
        _append(authorities.get(successor), "formerly", name)
        _append(authorities.get(former), "became", authorities.get(successor, {}).get("label", ""))
    return authorities


def _name_apart(authorities: dict[str, Record]) -> None:
    """Each authority's name as a facet option; names shared by several get their years."""
    names: dict[str, int] = {}
    for info in authorities.values():
        names[info.get("label", "")] = names.get(info.get("label", ""), 0) + 1
    for iri, info in authorities.items():
        name = info.get("label") or info.get("gss") or iri
        if names.get(info.get("label", ""), 0) > 1:
            start, end = info.get("from", "")[:4], info.get("to", "")[:4]
            name += f" ({start} to {end})" if end else f" (from {start})" if start else ""
        info["facet"] = name


def _append(record: Record | None, key: str, name: str) -> None:
    """Add a name to a record's sorted `; `-joined names, once."""
    if record is not None and name:
        names = {n for n in record.get(key, "").split("; ") if n} | {name}
        record[key] = "; ".join(sorted(names))


def read_inspections(store: Reader, base: str) -> dict[str, Record]:
    """Each inspection's label, dates, authority, framework and overall grade."""
    keys = ("label", "issued", "visited", "authority", "framework", "grade")
    return {
        iri: {k: text(row, k) for k in keys}
        for iri, row in first_rows(run(store, "list-inspections", base), "inspection")
    }


def inspection_items(
    inspections: dict[str, Record], authorities: dict[str, Record], terms: Terms
) -> tuple[list[Item], dict[str, list[tuple[str, str]]]]:
    """The inspections list, and each authority's `(date, grade)` pairs for its own row."""
    items: list[Item] = []
    per_authority: dict[str, list[tuple[str, str]]] = {}
    for iri, info in inspections.items():
        authority = authorities.get(info["authority"], {})
        gss = authority.get("gss", "") or tail(info["authority"], "id/authority/")
        terms.note("authority", gss, authority.get("facet", gss))
        framework_iri = terms.broad(info["framework"]) if info["framework"] else ""
        grade_slug = terms.scheme_slug("grade", info["grade"])
        per_authority.setdefault(info["authority"], []).append((info["issued"], info["grade"]))
        label = terms.concept_label
        # A visit whose letter has no publication date sorts by its first day on site: the
        # only date the sources give it. Each date keeps its own column.
        day = info["issued"] or info["visited"]
        items.append(
            Item(
                iri=iri,
                label=info["label"] or iri,
                fields={
                    "date": info["issued"],
                    "visited": info["visited"],
                    "day": day,
                    "authority": authority.get("label", gss),
                    "framework": label(info["framework"]) if info["framework"] else "",
                    "grade": label(info["grade"]) if info["grade"] else "",
                },
                facets={
                    "framework": one(terms.scheme_slug("framework", framework_iri)),
                    "year": one(terms.note("year", year(day), year(day))),
                    "grade": one(grade_slug),
                    "authority": one(gss),
                    "region": one(terms.scheme_slug("region", authority.get("region", ""))),
                },
                links={"authority": info["authority"]},
            )
        )
    return items, per_authority


def authority_items(
    authorities: dict[str, Record], per_authority: dict[str, list[tuple[str, str]]], terms: Terms
) -> list[Item]:
    """The authorities list, each with its latest graded inspection."""
    items: list[Item] = []
    for iri, info in authorities.items():
        graded = sorted(
            (issued, grade)
            for issued, grade in per_authority.get(iri, [])
            if grade.rsplit("/", 1)[-1] in GRADED
        )
        latest_date, latest_grade = graded[-1] if graded else ("", "")
        status = "abolished" if info.get("to") else "live"
        terms.note("status", status, status.capitalize())
        items.append(
            Item(
                iri=iri,
                label=info.get("label") or iri,
                fields={
                    "gss": info.get("gss", ""),
                    "region": terms.concept_label(info["region"]) if info.get("region") else "",
                    "type": info.get("type", ""),
                    "status": status,
                    "grade": terms.concept_label(latest_grade) if latest_grade else "",
                    "latest": latest_date,
                    "inspections": str(len(per_authority.get(iri, []))),
                    "dfe": info.get("dfe", ""),
                    "formerly": info.get("formerly", ""),
                    "became": info.get("became", ""),
                    "from": info.get("from", ""),
                    "to": info.get("to", ""),
                },
                facets={
                    "region": one(terms.scheme_slug("region", info.get("region", ""))),
                    "grade": one(terms.scheme_slug("grade", latest_grade)),
                    "status": (status,),
                },
            )
        )
    return items


def read_counts(store: Reader, base: str) -> dict[str, int]:
    """How many resources of each class the data graph holds (for the home page)."""
    counts: dict[str, int] = {}
    graph = URIRef(f"{base}graph/data")
    for row in run(store, "home-counts", base, data_graph=graph):
        count = row.get("count")
        counts[text(row, "class")] = int(count.toPython()) if isinstance(count, Literal) else 0
    return counts
