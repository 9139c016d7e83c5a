"""The only place URIs are minted and parsed (the public URI scheme): parse(mint(x)) == x."""

from __future__ import annotations

import re
from dataclasses import dataclass

GSS = r"E(?:06|07|08|09|10|11)[0-9]{6}"
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
DATE = r"(?:visited-)?[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?:-[0-9]+)?"
NUMBER = r"[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*"

PATTERNS: dict[str, str] = {
    "authority": rf"authority/(?P<gss>{GSS})",
    "inspection": rf"inspection/(?P<gss>{GSS})/(?P<framework>{SLUG})/(?P<date>{DATE})",
    "judgement": rf"inspection/(?P<gss>{GSS})/(?P<framework>{SLUG})/(?P<date>{DATE})"
    rf"/judgement/(?P<area>{SLUG})",
    "inspection-quote": rf"inspection/(?P<gss>{GSS})/(?P<framework>{SLUG})/(?P<date>{DATE})"
    r"/quote/(?P<n>[1-9][0-9]*)",
    "guidance": rf"guidance/(?P<slug>{SLUG})",
    "clause": rf"guidance/(?P<slug>{SLUG})/clause/(?P<number>{NUMBER})",
    "document": rf"document/(?P<slug>{SLUG})",
    "document-quote": rf"document/(?P<slug>{SLUG})/quote/(?P<n>[1-9][0-9]*)",
    "dataset": r"dataset",
}
_COMPILED = {kind: re.compile(pattern + r"\Z") for kind, pattern in PATTERNS.items()}
# Sub-resources (selectors, governance links) are documented under their parent.
_SUFFIX = re.compile(r"(?P<parent>.+?)/(?:link/[1-9][0-9]*|selector)\Z")
_LOWER_GSS = re.compile(r"\A(authority|inspection)/(e(?:06|07|08|09|10|11)[0-9]{6})(/.*)?\Z", re.I)
_SAFE_PATH = re.compile(r"\A[A-Za-z0-9._~/-]+\Z")


@dataclass(frozen=True)
class ThingPath:
    """A parsed `id/…` path: its kind and named parts."""

    kind: str
    path: str
    parts: tuple[tuple[str, str], ...]

    def part(self, name: str) -> str:
        return dict(self.parts)[name]


def parse(path: str) -> ThingPath | None:
    """The kind and parts of a thing path (the part after `id/`), or None if no pattern fits."""
    for kind, pattern in _COMPILED.items():
        match = pattern.match(path)
        if match:
            return ThingPath(kind, path, tuple(sorted(match.groupdict().items())))
    sub = _SUFFIX.match(path)
    if sub and parse(sub.group("parent")):
        return ThingPath("part", path, (("parent", sub.group("parent")),))
    return None


def is_safe(path: str) -> bool:
    """Only unreserved ASCII, no empty or dot segments: nothing that could mean another place."""
    if not path or len(path) > 512 or not _SAFE_PATH.match(path):
        return False
    return all(segment not in ("", ".", "..") for segment in path.split("/"))


def canonical(path: str) -> str | None:
    """The canonical spelling of a thing path when it differs only by GSS case, else None."""
    match = _LOWER_GSS.match(path)
    if not match or match.group(2) == match.group(2).upper():
        return None
    return f"{match.group(1)}/{match.group(2).upper()}{match.group(3) or ''}"


def thing(base: str, path: str) -> str:
    """The IRI of a thing."""
    return f"{base}id/{path}"


def document(base: str, path: str, extension: str | None = None) -> str:
    """The URL of the document about a thing, optionally in one format."""
    return f"{base}doc/{path}" + (f".{extension}" if extension else "")


def thing_path_of(base: str, iri: str) -> str | None:
    """The thing path of an IRI under this base, or None for any other IRI."""
    prefix = base + "id/"
    if not iri.startswith(prefix):
        return None
    return iri[len(prefix) :].split("#", 1)[0]


def authority(gss: str) -> str:
    return f"authority/{gss}"


def inspection(gss: str, framework: str, date: str) -> str:
    return f"inspection/{gss}/{framework}/{date}"


def guidance(slug: str) -> str:
    return f"guidance/{slug}"


def clause(slug: str, number: str) -> str:
    return f"guidance/{slug}/clause/{number}"


def source_document(slug: str) -> str:
    return f"document/{slug}"


def quote(parent: str, n: int) -> str:
    return f"{parent}/quote/{n}"


GRAPH_NAMES = ("data", "vocabulary", "shapes", "meta")


def graph(base: str, name: str) -> str:
    """The named graph holding one part of a publication (data, vocabulary, shapes, meta)."""
    return f"{base}graph/{name}"
