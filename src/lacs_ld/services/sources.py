"""Reading the Turtle that makes a publication: relative IRIs resolved against the base."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from lacs_ld.errors import PublishError
from lacs_ld.services.turtle_problems import (
    ill_typed_literals,
    quiet_literal_warnings,
    syntax_error,
)

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


@dataclass
class ParsedPart:
    """One part parsed into a graph, remembering which file states each subject."""

    graph: Graph = field(default_factory=Graph)
    files: dict[Node, str] = field(default_factory=dict)


def parse_files(paths: Iterable[Path], base: str, root: Path) -> ParsedPart:
    """Parse Turtle files into one graph; a syntax error names the file and line."""
    part = ParsedPart()
    problems: list[str] = []
    with quiet_literal_warnings():
        for path in paths:
            single = Graph()
            name = _display(path, root)
            try:
                single.parse(path, format="turtle", publicID=base)
            except Exception as exc:  # rdflib raises several unrelated types for bad syntax
                raise PublishError(syntax_error(name, exc)) from None
            problems.extend(ill_typed_literals(single, path, name, base))
            for subject in single.subjects(unique=True):
                part.files.setdefault(subject, name)
            part.graph += single
    if problems:
        raise PublishError(
            f"{len(problems)} literal(s) not valid for their datatype", report="\n".join(problems)
        )
    return part


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
