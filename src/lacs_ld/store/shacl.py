"""SHACL validation of what the store holds, with the engine chosen by name.

`turbo` (pyshacl-turbo, a Rust engine with pySHACL's API) reads the pyoxigraph store
directly; `pyshacl` (the reference) reads the same triples read back from the store into
rdflib. The tests run both on every shape fixture and on the bundled data and fail when
their verdicts or results differ.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from rdflib import Graph

from lacs_ld.store.loading import LoadedGraphs

Engine = Callable[[LoadedGraphs, str, tuple[str, ...]], tuple[bool, Graph]]


def _turbo(loaded: LoadedGraphs, shapes: str, data: tuple[str, ...]) -> tuple[bool, Graph]:
    """pyshacl-turbo, reading a store that holds the data graphs read back from the main one."""
    import pyshacl_turbo

    program = pyshacl_turbo.compile_shapes(
        loaded.ntriples(shapes), shacl_graph_format="nt", advanced=True
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        conforms, report, _ = program.validate(loaded.union_of(data), allow_warnings=True)
    assert isinstance(report, Graph)
    return bool(conforms), report


def _pyshacl(loaded: LoadedGraphs, shapes: str, data: tuple[str, ...]) -> tuple[bool, Graph]:
    """pySHACL over the data graphs read back from the store (the reference engine)."""
    from pyshacl import validate

    graph = Graph()
    for name in data:
        graph.parse(data=loaded.ntriples(name), format="nt")
    shapes_graph = Graph().parse(data=loaded.ntriples(shapes), format="nt")
    conforms, report, _ = validate(
        graph,
        shacl_graph=shapes_graph,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    assert isinstance(report, Graph)
    return bool(conforms), report


ENGINES: dict[str, Engine] = {"turbo": _turbo, "pyshacl": _pyshacl}


def validate(
    loaded: LoadedGraphs, shapes: str, data: tuple[str, ...], engine: str = "turbo"
) -> tuple[bool, Graph]:
    """Whether the data graphs conform to the shapes graph, and the SHACL report graph."""
    return ENGINES[engine](loaded, shapes, data)
