"""The store interface every backend implements, and the request/answer of the raw endpoint."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rdflib import Graph
from rdflib.term import Identifier

from lacs_ld.formats import Format

Bindings = Mapping[str, Identifier]
Row = dict[str, Identifier]


@dataclass(frozen=True)
class QueryRequest:
    """An untrusted query from the SPARQL endpoint, with the limits it runs under."""

    query: str
    result_format: Format
    default_graphs: Sequence[str] = ()
    named_graphs: Sequence[str] = ()
    prefixes: Mapping[str, str] = field(default_factory=dict)
    # The query names its own dataset (FROM / FROM NAMED): its default graph is not the union.
    own_dataset: bool = False


class AnswerStream(Protocol):
    """An answer too large to hold: its parts in order; close it to stop early."""

    def __iter__(self) -> Iterator[bytes]: ...

    def __next__(self) -> bytes: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class QueryAnswer:
    """The serialised answer to a QueryRequest: whole in `body`, or part by part in `stream`."""

    body: bytes
    result_format: Format
    stream: AnswerStream | None = None

    def read(self) -> bytes:
        """The whole answer in memory (for callers that need it all, such as the command line)."""
        if self.stream is None:
            return self.body
        try:
            return b"".join(self.stream)
        finally:
            self.stream.close()


class Reader(Protocol):
    """The trusted reads: what building a snapshot's lists and search needs of a store."""

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        """Rows of a trusted SELECT, values bound as RDF terms (never formatted into text)."""
        ...

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        """The answer of a trusted ASK."""
        ...

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        """The graph of a trusted CONSTRUCT."""
        ...


class Store(Reader, Protocol):
    """What every backend offers; services speak SPARQL text through it and nothing else."""

    name: str
    writable: bool

    def execute(self, request: QueryRequest) -> QueryAnswer:
        """Run an untrusted endpoint query under the configured limits."""
        ...

    def replace(self, dataset: Path) -> None:
        """Swap in a new N-Quads dataset all-or-nothing: readers see the old or the new one."""
        ...

    def graphs(self) -> list[str]:
        """The named graphs the store holds."""
        ...

    def close(self) -> None:
        """Release processes, connections and files."""
        ...
