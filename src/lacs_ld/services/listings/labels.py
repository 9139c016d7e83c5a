"""The labels of facet values, read from the snapshot's file when asked rather than held."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lacs_ld.services.listings.connection import Readonly


class FacetLabels(Mapping[str, str]):
    """The labels of one facet's values, looked up in the file rather than held in memory."""

    def __init__(self, db: Readonly, facet: str, table: str = "facet_values") -> None:
        self._db = db
        self._facet = facet
        self._table = table

    def __getitem__(self, value: str) -> str:
        row = (
            self._db()
            .execute(
                f"SELECT label FROM {self._table} WHERE facet = ? AND value = ?",
                (self._facet, value),
            )
            .fetchone()
        )
        if row is None:
            raise KeyError(value)
        return str(row[0])

    def __iter__(self) -> Iterator[str]:
        rows = self._db().execute(
            f"SELECT value FROM {self._table} WHERE facet = ? ORDER BY value", (self._facet,)
        )
        return (str(value) for (value,) in rows.fetchall())

    def __len__(self) -> int:
        found = self._db().execute(
            f"SELECT COUNT(*) FROM {self._table} WHERE facet = ?", (self._facet,)
        )
        return int(found.fetchone()[0])


class Labels(Mapping[str, Mapping[str, str]]):
    """Every facet's value labels, each read from the file on demand."""

    def __init__(self, db: Readonly, table: str = "facet_values") -> None:
        self._db = db
        self._table = table

    def __getitem__(self, facet: str) -> Mapping[str, str]:
        return FacetLabels(self._db, facet, self._table)

    def __iter__(self) -> Iterator[str]:
        rows = self._db().execute(f"SELECT DISTINCT facet FROM {self._table} ORDER BY facet")
        return (str(facet) for (facet,) in rows.fetchall())

    def __len__(self) -> int:
        return sum(1 for _ in self)
