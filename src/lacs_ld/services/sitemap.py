"""Every page a crawler should find, cut into sitemaps (sitemaps.org protocol 0.9).

A sitemap lists at most 50,000 URLs (sitemaps.org, "Sitemap index files"), so the
pages are split into numbered sitemaps that one sitemap index lists. The pages are the
service's entry points and lists, the dataset's description, every thing's document and
every term of the vocabularies; fragments (`def/lacs#Term`) and sub-resources documented
inside their parent are left out, as they have no page of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from lacs_ld import queries, uris
from lacs_ld.store import Store

MAX_URLS = 50_000
ENTRY_POINTS = (
    "",
    "doc/dataset",
    "sparql",
    "dumps/",
    "authorities",
    "inspections",
    "guidance",
    "quotes",
    "def/shapes",
)


@dataclass(frozen=True)
class Sitemaps:
    """The pages of one snapshot, in sitemaps of at most `size` URLs."""

    urls: tuple[str, ...]
    size: int = MAX_URLS

    @property
    def count(self) -> int:
        return max(1, -(-len(self.urls) // self.size))

    def page(self, number: int) -> tuple[str, ...] | None:
        """The URLs of sitemap `number` (from 1), or None past the last."""
        if not 1 <= number <= self.count:
            return None
        return self.urls[(number - 1) * self.size : number * self.size]


def pages(store: Store, base: str) -> list[str]:
    """Every page URL, entry points first, then documents and terms in IRI order."""
    found = [base + path for path in ENTRY_POINTS]
    text = queries.load("sitemap-things")
    things = store.select(
        text, {"graph": URIRef(uris.graph(base, "data")), "space": Literal(base + "id/")}
    )
    for row in sorted(things, key=lambda r: str(r["thing"])):
        path = str(row["thing"])[len(base + "id/") :]
        parsed = uris.parse(path)
        if parsed is not None and parsed.kind not in ("part", "dataset"):
            found.append(uris.document(base, path))
    terms = store.select(
        text, {"graph": URIRef(uris.graph(base, "vocabulary")), "space": Literal(base + "def/")}
    )
    found += sorted(str(row["thing"]) for row in terms if "#" not in str(row["thing"]))
    return list(dict.fromkeys(found))
