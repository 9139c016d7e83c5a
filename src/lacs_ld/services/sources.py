"""The Turtle files that make a publication, parsed into the store with relative IRIs resolved."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib.term import Node

from lacs_ld import uris
from lacs_ld.errors import PublishError
from lacs_ld.store.loading import LoadedGraphs, subjects_by_file
from lacs_ld.turtle_problems import literal_problem

RELEASE_FILE = "release.json"


@dataclass(frozen=True)
class SourceSet:
    """The files of one publication, by part: ontology and schemes, shapes, data."""

    vocabulary: tuple[Path, ...]
    shapes: tuple[Path, ...]
    data: tuple[Path, ...]
    release: Path | None

    @classmethod
    def from_dirs(cls, ontology: Path, shapes: Path, data: Path) -> SourceSet:
        for folder in (ontology, shapes, data):
            if not folder.is_dir():
                raise PublishError(f"{folder}: no such folder")
        release = data / RELEASE_FILE
        return cls(
            _turtle(ontology),
            _turtle(shapes),
            _turtle(data),
            release if release.is_file() else None,
        )

    def all(self) -> tuple[Path, ...]:
        extra = (self.release,) if self.release else ()
        return self.vocabulary + self.shapes + self.data + extra

    def digest(self, base: str, salt: str) -> str:
        """A hash of every input byte, the base and the publisher's version: the cache key."""
        digest = hashlib.sha256(f"{salt}\n{base}\n".encode())
        for path in self.all():
            digest.update(f"{path.name}\n".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()


def _turtle(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(folder.rglob("*.ttl")))


PARTS = ("vocabulary", "shapes", "data")


def load(sources: SourceSet, base: str, root: Path) -> LoadedGraphs:
    """Parse every file into the store, one named graph per part (`{base}graph/{part}`)."""
    loaded = LoadedGraphs()
    problems = []
    for part in PARTS:
        paths = getattr(sources, part)
        for path in paths:
            loaded.load_turtle(path, uris.graph(base, part), base, _display(path, root))
        problems += _literal_problems(loaded.ill_typed(uris.graph(base, part)), paths, base, root)
    if problems:
        count = f"{len(problems)} literal(s) not valid for their datatype"
        raise PublishError(count, report="\n".join(problems))
    return loaded


def _literal_problems(
    found: list[tuple[str, str, str, str]], paths: tuple[Path, ...], base: str, root: Path
) -> list[str]:
    """Each ill-typed literal named by the file (and line) whose text writes it."""
    texts = (
        {path: path.read_text(encoding="utf-8", errors="replace") for path in paths}
        if found
        else {}
    )
    problems = []
    for subject, predicate, lexical, datatype in found:
        path = next((p for p, text in texts.items() if f'"{lexical}"' in text), paths[0])
        problems.append(
            literal_problem(
                _display(path, root), texts[path], subject, predicate, lexical, datatype, base
            )
        )
    return problems


def locate(sources: SourceSet, base: str, root: Path) -> dict[Node, str]:
    """Which data file states each subject: parsed again only to explain violations."""
    return subjects_by_file([(path, _display(path, root)) for path in sources.data], base)


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
