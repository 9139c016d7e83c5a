"""Which authority a source row means: names, URNs, DfE and GSS codes to the GSS in force."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lacs_ld.build.sources import read_rows

CROSSWALK = "derived/la_crosswalk_derived.csv"
GIAS = "geography/gias_english_la_name_codes.csv"
D2I_LOOKUP = "geography/d2i_provider_data_lookup.csv"


@dataclass(frozen=True)
class Authority:
    """One row of the crosswalk: an authority with the period its GSS code was in force."""

    gss: str
    name: str
    dfe: str
    valid_from: str
    valid_to: str
    row: dict[str, str]

    def in_force(self, date: str) -> bool:
        """Whether this GSS code named the authority on an ISO date."""
        return self.valid_from <= date and (not self.valid_to or date <= self.valid_to)


def normalise_name(name: str) -> str:
    """A comparable form of an authority name: 'Bristol, City of' and 'bristol city of' agree."""
    text = name.lower().replace("&", " and ")
    text = re.sub(r"^pre[- ]lgr( \(?\d{4}\)?)? ", "", text)
    text = re.sub(r"\b(council|county|borough|city of|of city)\b", " ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


class Crosswalk:
    """Every authority in the crosswalk, indexed by GSS, DfE code, name and Ofsted URN."""

    def __init__(self, sources: Path) -> None:
        """Load the crosswalk and the name and URN lookups it was joined from."""
        rows = read_rows(sources, CROSSWALK)
        self.rows = rows
        self.by_gss: dict[str, Authority] = {}
        self.by_dfe: dict[str, list[Authority]] = {}
        names: dict[str, set[str]] = {}
        for row in rows:
            authority = Authority(
                gss=row["gss_code"],
                name=row["la_name"],
                dfe=row["dfe_la_code"],
                valid_from=row["valid_from"],
                valid_to=row["valid_to"],
                row=row,
            )
            self.by_gss[authority.gss] = authority
            key = authority.dfe if authority.dfe != "x" else authority.gss
            self.by_dfe.setdefault(key, []).append(authority)
            for name in (row["la_name"], row["gias_la_name"]):
                if name:
                    names.setdefault(normalise_name(name), set()).add(key)
        for row in read_rows(sources, GIAS):
            name, dfe, gss = list(row.values())[:3]
            if dfe in self.by_dfe or gss in self.by_gss:
                key = dfe if dfe in self.by_dfe else self.by_gss[gss].dfe
                names.setdefault(normalise_name(name), set()).add(key)
        self.urn_to_dfe: dict[str, str] = {}
        for row in read_rows(sources, D2I_LOOKUP):
            if row["la_code"] in self.by_dfe:
                self.urn_to_dfe[row["urn"]] = row["la_code"]
                for name in (row["local_authority_ons_name"], row["also_known_as"]):
                    if name:
                        names.setdefault(normalise_name(name), set()).add(row["la_code"])
        for row in rows:
            if row["ofsted_la_urn_d2i"]:
                self.urn_to_dfe[row["ofsted_la_urn_d2i"]] = row["dfe_la_code"]
        self.names = names

    def at(self, dfe: str, date: str | None, strict: bool = False) -> Authority | None:
        """The authority with a DfE code whose GSS code was in force on the date.

        Outside every validity period the nearest one is returned, unless strict.
        """
        candidates = sorted(self.by_dfe.get(dfe, []), key=lambda a: a.valid_from)
        if not candidates:
            return None
        if not date:
            return candidates[-1]
        for authority in candidates:
            if authority.in_force(date):
                return authority
        if strict:
            return None
        return candidates[0] if date < candidates[0].valid_from else candidates[-1]

    def by_name(self, name: str, date: str | None, former: bool = False) -> Authority | None:
        """Resolve a name; 'former' prefers an abolished authority if a name was reused (Dorset)."""
        keys = sorted(self.names.get(normalise_name(name), set()))
        found = [a for key in keys if (a := self.at(key, date, strict=True)) is not None]
        if not found:
            found = [a for key in keys if (a := self.at(key, date)) is not None]
        if len(found) > 1:
            found = [a for a in found if bool(a.valid_to) == former] or found
        return found[0] if len(found) == 1 else None

    def by_code(self, gss: str, date: str | None) -> Authority | None:
        """Resolve a GSS code (any vintage) to the same authority's code in force on the date."""
        authority = self.by_gss.get(gss)
        if authority is None:
            return None
        key = authority.dfe if authority.dfe != "x" else authority.gss
        return self.at(key, date)

    def by_urn(self, urn: str, date: str | None) -> Authority | None:
        """Resolve an Ofsted URN through the D2I lookup (reliable for live authorities only)."""
        dfe = self.urn_to_dfe.get(urn)
        return self.at(dfe, date) if dfe else None
