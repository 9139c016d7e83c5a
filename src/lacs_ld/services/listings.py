"""Browsable lists: rows computed once per snapshot by SPARQL, then filtered and paged in memory.

The data changes only when a snapshot is published, so every list's rows, facet values and
labels are read from the store once per snapshot (`Catalogue`) and each request filters,
counts and sorts those rows in Python. Facet counts therefore come from the same snapshot
as the list they describe.

Facet parameters name values by slug: `region=london`, `grade=good`, `framework=sif` (the
broad framework), `topic=elective-home-education`, `method=curated`, `authority=E08000025`
(GSS code), `year=2016`, `clause=sif-annex-a/clause/2.05` (the clause IRI after `id/guidance/`),
`status=live|abolished`, `type=guidance|document`. An unknown parameter value is refused
(`ListingError`, HTTP 400) rather than silently answered with nothing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from lacs_ld import queries
from lacs_ld.errors import LacsError
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.store import Store

PAGE_SIZE = 50
MEMO_SIZE = 256  # filtered lists remembered per snapshot
MAX_PAGE = 100_000
GRADED = ("outstanding", "good", "requires-improvement", "adequate", "inadequate")
_LACS_VAR = re.compile(r"\?lacs_([A-Za-z]+)")


class ListingError(LacsError):
    """A request for a list that cannot be answered as asked (HTTP 400)."""

    status = 400


class PageNotFound(LacsError):
    """A page past the end of a list (HTTP 404)."""

    status = 404


def bindings_for(query: str, base: str, **extra: Identifier) -> dict[str, Identifier]:
    """Bind every `?lacs_X` variable of a query to `{base}def/lacs#X`, plus `extra`."""
    found: dict[str, Identifier] = {
        f"lacs_{name}": URIRef(f"{base}def/lacs#{name}")
        for line in query.splitlines()
        if not line.lstrip().startswith("#")
        for name in _LACS_VAR.findall(line)
    }
    found.update(extra)
    return found


def run(store: Store, name: str, base: str, **extra: Identifier) -> list[dict[str, Identifier]]:
    """The rows of the named query `queries/{name}.rq`, project IRIs bound as terms."""
    text = queries.load(name)
    return store.select(text, bindings_for(text, base, **extra))


def _s(row: Mapping[str, Identifier], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Facet:
    """A dimension a list can be filtered by; `multi` when an item can have several values."""

    name: str
    label: str


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass
class Item:
    """One row of a list: the thing, what to show, and its facet values (slugs)."""

    iri: str
    label: str
    fields: dict[str, str]
    facets: dict[str, tuple[str, ...]]
    links: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Sort:
    key: str
    label: str
    order: Callable[[Item], Any]
    reverse: bool = False


@dataclass(frozen=True)
class ListSpec:
    """What a list is: its columns, facets and the documented sort orders (first is default)."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    facets: tuple[Facet, ...]
    sorts: tuple[Sort, ...]

    def sort(self, key: str | None) -> Sort:
        if not key:
            return self.sorts[0]
        for candidate in self.sorts:
            if candidate.key == key:
                return candidate
        known = ", ".join(s.key for s in self.sorts)
        raise ListingError(f"unknown sort {key[:40]!r}: sort by one of {known}")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Page:
    """One page of a filtered, sorted list, with the facet counts of the filtered list."""

    spec: ListSpec
    items: list[Item]
    total: int
    number: int
    pages: int
    size: int
    sort: str
    filters: dict[str, str]
    facets: dict[str, list[FacetValue]]
    matching: list[Item]


def _date_key(value: str) -> str:
    return value or "0000"


SPECS: dict[str, ListSpec] = {
    "authorities": ListSpec(
        "authorities",
        "Local authorities",
        "English local authorities with children's services, live and abolished.",
        (
            Column("gss", "GSS code"),
            Column("region", "Region"),
            Column("type", "Type"),
            Column("status", "Status"),
            Column("grade", "Latest grade"),
            Column("latest", "Latest graded inspection"),
            Column("inspections", "Inspections"),
        ),
        (
            Facet("region", "Region"),
            Facet("grade", "Latest grade"),
            Facet("status", "Live or abolished"),
        ),
        (
            Sort("name", "Name", lambda i: i.label.casefold()),
            Sort("gss", "GSS code", lambda i: i.fields["gss"]),
            Sort("region", "Region", lambda i: (i.fields["region"], i.label.casefold())),
            Sort("inspections", "Most inspections", lambda i: -int(i.fields["inspections"])),
            Sort("latest", "Latest graded inspection", lambda i: i.fields["latest"], True),
        ),
    ),
    "inspections": ListSpec(
        "inspections",
        "Inspections",
        "Ofsted inspections of local authority children's services, newest first.",
        (
            Column("date", "Published"),
            Column("authority", "Authority"),
            Column("framework", "Framework"),
            Column("grade", "Overall"),
        ),
        (
            Facet("framework", "Framework"),
            Facet("year", "Year"),
            Facet("grade", "Overall grade"),
            Facet("authority", "Authority"),
        ),
        (
            Sort("newest", "Newest first", lambda i: _date_key(i.fields["date"]), True),
            Sort("oldest", "Oldest first", lambda i: _date_key(i.fields["date"])),
            Sort("authority", "Authority", lambda i: (i.fields["authority"], i.fields["date"])),
        ),
    ),
    "guidance": ListSpec(
        "guidance",
        "Guidance and source documents",
        "Statutory guidance, inspection handbooks and other documents quotes are linked to.",
        (
            Column("type", "Type"),
            Column("publisher", "Publisher"),
            Column("issued", "Issued"),
            Column("clauses", "Clauses"),
        ),
        (Facet("type", "Type"), Facet("publisher", "Publisher")),
        (
            Sort("title", "Title", lambda i: i.label.casefold()),
            Sort("newest", "Newest first", lambda i: _date_key(i.fields["issued"]), True),
            Sort("oldest", "Oldest first", lambda i: _date_key(i.fields["issued"])),
        ),
    ),
    "quotes": ListSpec(
        "quotes",
        "Quotes",
        "Passages quoted verbatim from inspection reports and other sources.",
        (
            Column("text", "Quote"),
            Column("source", "From"),
            Column("date", "Published"),
            Column("topics", "Topics"),
            Column("clauses", "Governed by"),
        ),
        (
            Facet("topic", "Topic"),
            Facet("framework", "Framework"),
            Facet("year", "Year"),
            Facet("authority", "Authority"),
            Facet("region", "Region"),
            Facet("clause", "Governing clause"),
            Facet("method", "Link method"),
        ),
        (
            Sort("newest", "Newest first", lambda i: (_date_key(i.fields["date"]), i.iri), True),
            Sort("oldest", "Oldest first", lambda i: (_date_key(i.fields["date"]), i.iri)),
            Sort("authority", "Authority", lambda i: (i.fields["source"], i.iri)),
        ),
    ),
}


@dataclass
class Catalogue:
    """Everything the lists need from one snapshot, read once."""

    key: str
    base: str
    items: dict[str, list[Item]]
    labels: dict[str, dict[str, str]]  # facet name -> value -> label
    clause_texts: dict[str, tuple[str, str]]  # clause IRI -> (label, text)
    counts: dict[str, int]  # class IRI -> resources in the data graph
    _sorted: dict[tuple[str, str], list[Item]] = field(default_factory=dict, repr=False)
    _memo: dict[tuple[Any, ...], tuple[list[Item], dict[str, list[FacetValue]]]] = field(
        default_factory=dict, repr=False
    )
    _memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def page(
        self,
        name: str,
        filters: Mapping[str, str],
        *,
        page: int = 1,
        sort: str | None = None,
        size: int = PAGE_SIZE,
    ) -> Page:
        """A page of a list; `ListingError` for bad filters, `PageNotFound` past the end."""
        spec = SPECS[name]
        chosen = spec.sort(sort)
        active = self.check_filters(spec.facets, filters)
        rows = self.items[name]
        memo_key = (name, chosen.key, tuple(sorted(active.items())))
        with self._memo_lock:
            memo = self._memo.get(memo_key)
        if memo is None:
            ordered = self._sorted.get((name, chosen.key))
            if ordered is None:
                ordered = sorted(rows, key=chosen.order, reverse=chosen.reverse)
                self._sorted[(name, chosen.key)] = ordered
            matching = [i for i in ordered if _matches(i, active)]
            memo = (matching, facet_counts(spec.facets, rows, active, self.labels))
            with self._memo_lock:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.pop(next(iter(self._memo)))
                self._memo[memo_key] = memo
        matching, facets = memo
        pages = max(1, -(-len(matching) // size))
        if page > pages:
            raise PageNotFound(f"page {page} is past the end: this list has {pages} page(s)")
        start = (page - 1) * size
        return Page(
            spec=spec,
            items=matching[start : start + size],
            total=len(matching),
            number=page,
            pages=pages,
            size=size,
            sort=chosen.key,
            filters=active,
            facets=facets,
            matching=matching,
        )

    def check_filters(self, facets: Sequence[Facet], filters: Mapping[str, str]) -> dict[str, str]:
        """The filters that apply to these facets; a value the data never has is refused."""
        active: dict[str, str] = {}
        for facet in facets:
            value = filters.get(facet.name, "")
            if not value:
                continue
            known = self.labels.get(facet.name, {})
            if value not in known:
                sample = ", ".join(sorted(known)[:12])
                more = ", …" if len(known) > 12 else ""
                raise ListingError(
                    f"unknown {facet.name} {value[:60]!r}: use one of {sample}{more}"
                )
            active[facet.name] = value
        return active


def _matches(item: Item, active: Mapping[str, str]) -> bool:
    return all(value in item.facets.get(name, ()) for name, value in active.items())


class Faceted(Protocol):
    @property
    def facets(self) -> Mapping[str, tuple[str, ...]]: ...


def facet_counts(
    facets: Sequence[Facet],
    rows: Iterable[Faceted],
    active: Mapping[str, str],
    labels: Mapping[str, Mapping[str, str]],
) -> dict[str, list[FacetValue]]:
    """For each facet, how many rows matching the *other* filters have each value.

    Counting each facet without its own filter shows the alternatives to the current choice;
    with no filter set every count is over the whole list.
    """
    tallies: dict[str, dict[str, int]] = {f.name: {} for f in facets}
    for item in rows:
        failed = [name for name, value in active.items() if value not in item.facets.get(name, ())]
        if len(failed) > 1:
            continue
        for facet in facets:
            if failed and failed[0] != facet.name:
                continue
            tally = tallies[facet.name]
            for value in item.facets.get(facet.name, ()):
                tally[value] = tally.get(value, 0) + 1
    result: dict[str, list[FacetValue]] = {}
    for facet in facets:
        names = labels.get(facet.name, {})
        values = [
            FacetValue(v, names.get(v, v), n, active.get(facet.name) == v)
            for v, n in tallies[facet.name].items()
        ]
        if facet.name == "year":
            values.sort(key=lambda fv: fv.value, reverse=True)
        else:
            values.sort(key=lambda fv: (-fv.count, fv.label.casefold()))
        result[facet.name] = values
    return result


def parse_page(raw: str | None) -> int:
    """`?page=N`: a positive whole number; anything else is a `ListingError` saying why."""
    if raw is None or raw == "":
        return 1
    text = raw.strip()
    if not text.isascii() or not text.lstrip("-+").isdigit():
        raise ListingError(f"page must be a whole number from 1, not {raw[:40]!r}")
    if len(text) > 7 or int(text) > MAX_PAGE:
        raise ListingError(f"page must be at most {MAX_PAGE}")
    number = int(text)
    if number < 1:
        raise ListingError(f"page must be 1 or more, not {number}")
    return number


# --- building the catalogue -------------------------------------------------------------


def _tail(iri: str, marker: str) -> str:
    index = iri.find(marker)
    return iri[index + len(marker) :] if index >= 0 else iri


def _year(value: str) -> str:
    return value[:4] if len(value) >= 4 and value[:4].isdigit() else ""


def build(store: Store, snapshot: Snapshot) -> Catalogue:
    """Read every list's rows from the store (a few SPARQL queries) for one snapshot."""
    base = snapshot.base
    concepts: dict[str, tuple[str, str, str]] = {}  # iri -> (label, broader, rank)
    for row in run(store, "list-concepts", base):
        iri = _s(row, "concept")
        label, broader, rank = concepts.get(iri, ("", "", ""))
        concepts[iri] = (
            label or _s(row, "label"),
            broader or _s(row, "broader"),
            rank or _s(row, "rank"),
        )

    def concept_label(iri: str) -> str:
        return concepts.get(iri, ("", "", ""))[0] or iri.rsplit("/", 1)[-1]

    def broad(iri: str) -> str:
        seen = {iri}
        while True:
            parent = concepts.get(iri, ("", "", ""))[1]
            if not parent or parent in seen:
                return iri
            seen.add(parent)
            iri = parent

    labels: dict[str, dict[str, str]] = {}

    def note(facet: str, value: str, label: str) -> str:
        if value:
            labels.setdefault(facet, {}).setdefault(value, label or value)
        return value

    def scheme_slug(facet: str, iri: str) -> str:
        return note(facet, iri.rsplit("/", 1)[-1], concept_label(iri)) if iri else ""

    # Authorities (and their names, needed by the other lists).
    authorities: dict[str, dict[str, str]] = {}
    for row in run(store, "list-authorities", base):
        iri = _s(row, "authority")
        current = authorities.setdefault(iri, {})
        for key in ("label", "gss", "region", "type", "from", "to"):
            if not current.get(key):
                current[key] = _s(row, key)

    # Inspections.
    inspection_items: list[Item] = []
    inspections: dict[str, dict[str, str]] = {}
    per_authority: dict[str, list[tuple[str, str]]] = {}
    for row in run(store, "list-inspections", base):
        iri = _s(row, "inspection")
        if iri in inspections:
            continue
        info = {k: _s(row, k) for k in ("label", "issued", "authority", "framework", "grade")}
        inspections[iri] = info
    for iri, info in inspections.items():
        authority = authorities.get(info["authority"], {})
        gss = authority.get("gss", "") or _tail(info["authority"], "id/authority/")
        note("authority", gss, authority.get("label", gss))
        framework_iri = broad(info["framework"]) if info["framework"] else ""
        grade_slug = scheme_slug("grade", info["grade"])
        per_authority.setdefault(info["authority"], []).append((info["issued"], info["grade"]))
        inspection_items.append(
            Item(
                iri=iri,
                label=info["label"] or iri,
                fields={
                    "date": info["issued"],
                    "authority": authority.get("label", gss),
                    "framework": concept_label(info["framework"]) if info["framework"] else "",
                    "grade": concept_label(info["grade"]) if info["grade"] else "",
                },
                facets={
                    "framework": _one(scheme_slug("framework", framework_iri)),
                    "year": _one(note("year", _year(info["issued"]), _year(info["issued"]))),
                    "grade": _one(grade_slug),
                    "authority": _one(gss),
                },
                links={"authority": info["authority"]},
            )
        )

    authority_items: list[Item] = []
    for iri, info in authorities.items():
        graded = sorted(
            (issued, grade)
            for issued, grade in per_authority.get(iri, [])
            if grade.rsplit("/", 1)[-1] in GRADED
        )
        latest_date, latest_grade = graded[-1] if graded else ("", "")
        status = "abolished" if info.get("to") else "live"
        note("status", status, status.capitalize())
        authority_items.append(
            Item(
                iri=iri,
                label=info.get("label") or iri,
                fields={
                    "gss": info.get("gss", ""),
                    "region": concept_label(info["region"]) if info.get("region") else "",
                    "type": info.get("type", ""),
                    "status": status,
                    "grade": concept_label(latest_grade) if latest_grade else "",
                    "latest": latest_date,
                    "inspections": str(len(per_authority.get(iri, []))),
                },
                facets={
                    "region": _one(scheme_slug("region", info.get("region", ""))),
                    "grade": _one(scheme_slug("grade", latest_grade)),
                    "status": (status,),
                },
            )
        )

    # Guidance documents, source documents and clauses.
    clause_texts: dict[str, tuple[str, str]] = {}
    clauses_of: dict[str, int] = {}
    clause_labels: dict[str, str] = {}
    for row in run(store, "list-clauses", base):
        iri = _s(row, "clause")
        if iri in clause_texts:
            continue
        clause_texts[iri] = (_s(row, "label") or iri, _s(row, "text"))
        clause_labels[iri] = _s(row, "label") or iri
        document = _s(row, "document")
        clauses_of[document] = clauses_of.get(document, 0) + 1
    guidance_items: list[Item] = []
    seen_docs: set[str] = set()
    for row in run(store, "list-guidance", base):
        iri = _s(row, "document")
        if iri in seen_docs:
            continue
        seen_docs.add(iri)
        kind = _s(row, "kind")
        note("type", kind, "Guidance" if kind == "guidance" else "Other source document")
        publisher = _s(row, "publisher")
        publisher_slug = _slug(publisher)
        note("publisher", publisher_slug, publisher)
        guidance_items.append(
            Item(
                iri=iri,
                label=_s(row, "title") or _s(row, "label") or iri,
                fields={
                    "type": "Guidance" if kind == "guidance" else "Source document",
                    "publisher": publisher,
                    "issued": _s(row, "issued"),
                    "clauses": str(clauses_of.get(iri, 0)),
                    "statutory": _s(row, "statutory"),
                },
                facets={"type": (kind,), "publisher": _one(publisher_slug)},
            )
        )
    documents = {i.iri: i for i in guidance_items}

    # Quotes.
    topics: dict[str, list[str]] = {}
    for row in run(store, "list-quote-topics", base):
        topics.setdefault(_s(row, "quote"), []).append(_s(row, "topic"))
    links: dict[str, list[tuple[str, str]]] = {}
    for row in run(store, "list-quote-links", base):
        links.setdefault(_s(row, "quote"), []).append((_s(row, "clause"), _s(row, "method")))
    quote_items: list[Item] = []
    seen_quotes: set[str] = set()
    for row in run(store, "list-quotes", base):
        iri = _s(row, "quote")
        if iri in seen_quotes:
            continue
        seen_quotes.add(iri)
        source = _s(row, "source")
        authority_iri = _s(row, "authority")
        authority = authorities.get(authority_iri, {})
        gss = authority.get("gss", "") if authority_iri else ""
        if gss:
            note("authority", gss, authority.get("label", gss))
        issued = _s(row, "issued")
        framework = _s(row, "framework")
        source_label = (
            inspections[source]["label"]
            if source in inspections
            else documents[source].label
            if source in documents
            else source
        )
        quote_links = sorted(set(links.get(iri, [])))
        clause_slugs = tuple(
            sorted(
                {
                    note("clause", _tail(c, "id/guidance/"), clause_labels.get(c, c))
                    for c, _ in quote_links
                }
            )
        )
        methods = tuple(sorted({scheme_slug("method", m) for _, m in quote_links if m}))
        topic_slugs = tuple(sorted({scheme_slug("topic", t) for t in topics.get(iri, [])}))
        region = authority.get("region", "")
        quote_items.append(
            Item(
                iri=iri,
                label=_s(row, "label") or iri,
                fields={
                    "text": _s(row, "text"),
                    "source": source_label,
                    "date": issued,
                    "authority": authority.get("label", ""),
                    "topics": "; ".join(labels["topic"][t] for t in topic_slugs),
                    "clauses": "; ".join(
                        clause_labels.get(c, c) for c in sorted({c for c, _ in quote_links})
                    ),
                },
                facets={
                    "topic": topic_slugs,
                    "framework": _one(scheme_slug("framework", broad(framework)))
                    if framework
                    else (),
                    "year": _one(note("year", _year(issued), _year(issued))),
                    "authority": _one(gss),
                    "region": _one(scheme_slug("region", region)),
                    "clause": clause_slugs,
                    "method": methods,
                },
                links={"source": source, "authority": authority_iri},
            )
        )

    counts: dict[str, int] = {}
    graph = URIRef(f"{base}graph/data")
    for row in run(store, "home-counts", base, data_graph=graph):
        cls = _s(row, "class")
        count = row.get("count")
        counts[cls] = int(count.toPython()) if isinstance(count, Literal) else 0

    return Catalogue(
        key=snapshot.key,
        base=base,
        items={
            "authorities": authority_items,
            "inspections": inspection_items,
            "guidance": guidance_items,
            "quotes": quote_items,
        },
        labels=labels,
        clause_texts=clause_texts,
        counts=counts,
    )


def _one(value: str) -> tuple[str, ...]:
    return (value,) if value else ()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


class CatalogueCache:
    """The catalogue of the snapshot being served; rebuilt when a new snapshot is published.

    One instance lives on the application (`app.extensions`), never at module level.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: Catalogue | None = None
        self._extras: dict[str, object] = {}

    def get(self, store: Store, snapshot: Snapshot) -> Catalogue:
        current = self._current
        if current is not None and current.key == snapshot.key:
            return current
        with self._lock:
            current = self._current
            if current is None or current.key != snapshot.key:
                current = build(store, snapshot)
                self._current = current
                self._extras = {}
            return current

    def extra(self, catalogue: Catalogue, name: str, make: Callable[[Catalogue], object]) -> object:
        """Something derived from a catalogue (the search index), made once per snapshot."""
        with self._lock:
            key = f"{catalogue.key}:{name}"
            if key not in self._extras:
                self._extras[key] = make(catalogue)
            return self._extras[key]
