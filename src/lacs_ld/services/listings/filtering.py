"""Filtering, facet counting and paging of faceted rows, shared by the lists and the search."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from lacs_ld.services.listings.model import Facet, FacetValue, ListingError, PageNotFound

MAX_PAGE = 100_000


class Faceted(Protocol):
    """Anything with facet values: a list's row or a search document."""

    @property
    def facets(self) -> Mapping[str, tuple[str, ...]]: ...


def check_filters(
    facets: Sequence[Facet],
    filters: Mapping[str, str],
    labels: Mapping[str, Mapping[str, str]],
    *,
    suggest: bool = True,
) -> dict[str, str]:
    """The filters that apply to these facets; a value the data never has is refused.

    With `suggest` the refusal names (up to twelve of) the values that would be accepted.
    """
    active: dict[str, str] = {}
    for facet in facets:
        value = filters.get(facet.name, "")
        if not value:
            continue
        known = labels.get(facet.name, {})
        if value not in known:
            if not suggest:
                raise ListingError(f"unknown {facet.name} {value[:60]!r}")
            sample = ", ".join(sorted(known)[:12])
            more = ", …" if len(known) > 12 else ""
            raise ListingError(f"unknown {facet.name} {value[:60]!r}: use one of {sample}{more}")
        active[facet.name] = value
    return active


def matches(row: Faceted, active: Mapping[str, str]) -> bool:
    """Whether a row has every chosen facet value."""
    return all(value in row.facets.get(name, ()) for name, value in active.items())


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
    return {
        facet.name: facet_values(
            facet.name,
            [(v, labels.get(facet.name, {}).get(v, v), n) for v, n in tallies[facet.name].items()],
            active.get(facet.name),
        )
        for facet in facets
    }


def facet_values(
    facet: str, counted: Iterable[tuple[str, str, int]], selected: str | None
) -> list[FacetValue]:
    """A facet's `(value, label, count)` tallies as offered: years newest first, else commonest."""
    values = [FacetValue(v, label, n, selected == v) for v, label, n in counted]
    if facet == "year":
        values.sort(key=lambda fv: fv.value, reverse=True)
    else:
        values.sort(key=lambda fv: (-fv.count, fv.label.casefold(), fv.value))
    return values


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


def count_pages(total: int, size: int, number: int, holder: str) -> int:
    """How many pages `total` rows fill (at least one); `PageNotFound` when `number` is past them.

    `holder` names what is paged in the refusal, e.g. "this list has".
    """
    pages = max(1, -(-total // size))
    if number > pages:
        raise PageNotFound(f"page {number} is past the end: {holder} {pages} page(s)")
    return pages
