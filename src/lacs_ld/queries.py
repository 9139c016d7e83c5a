"""Named SPARQL texts the service runs (`queries/*.rq`); values are bound as RDF terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

_HEADER = re.compile(r"^#\s*(?P<key>[a-z-]+):\s*(?P<value>.*)$")


@cache
def load(name: str) -> str:
    """The text of `queries/{name}.rq`, read once."""
    return (resources.files("lacs_ld") / "queries" / f"{name}.rq").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Example:
    """An example query: a named `.rq` file whose header states its title and expected rows."""

    slug: str
    title: str
    description: str
    expected_rows: int
    text: str

    @property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query-form keyword after the header."""
        for word in re.findall(r"[A-Za-z]+", re.sub(r"(?m)#.*$|<[^>]*>", " ", self.text)):
            if word.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                return word.upper()
        return "SELECT"


def examples() -> list[Example]:
    """Every `queries/examples/*.rq`, in file-name order."""
    folder = resources.files("lacs_ld") / "queries" / "examples"
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            found.append(_example(Path(entry.name).stem, entry.read_text(encoding="utf-8")))
    return found


def _example(slug: str, text: str) -> Example:
    header: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not match:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key = match.group("key")
        header[key] = (header.get(key, "") + " " + match.group("value")).strip()
    return Example(
        slug=slug,
        title=header.get("title", slug),
        description=header.get("description", ""),
        expected_rows=int(header.get("expected-rows", "-1")),
        text=text,
    )
