"""One snapshot's list rows, read once, answering each request's page by filtering in memory."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lacs_ld.services.listings.filtering import (
    check_filters,
    count_pages,
    facet_counts,
    matches,
)
from lacs_ld.services.listings.model import Facet, FacetValue, Item, Page
from lacs_ld.services.listings.specs import SPECS

PAGE_SIZE = 50
MEMO_SIZE = 256  # filtered lists remembered per snapshot


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
            matching = [i for i in ordered if matches(i, active)]
            memo = (matching, facet_counts(spec.facets, rows, active, self.labels))
            with self._memo_lock:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.pop(next(iter(self._memo)))
                self._memo[memo_key] = memo
        matching, facets = memo
        pages = count_pages(len(matching), size, page, "this list has")
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
        return check_filters(facets, filters, self.labels)
