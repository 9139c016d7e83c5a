"""The four browsable lists: their titles, columns, facets and documented sort orders."""

from __future__ import annotations

from lacs_ld.services.listings.model import Column, Facet, ListSpec, Sort


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
            Column("visited", "On site"),
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
            # "day": the publication date, or a visit's first day on site when it has none.
            Sort("newest", "Newest first", lambda i: _date_key(i.fields["day"]), True),
            Sort("oldest", "Oldest first", lambda i: _date_key(i.fields["day"])),
            Sort("authority", "Authority", lambda i: (i.fields["authority"], i.fields["day"])),
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
