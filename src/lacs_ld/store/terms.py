"""Conversions between rdflib terms (the project's currency) and pyoxigraph terms."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from lacs_ld.store.base import Bindings, Row


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot bind {term!r}")


def from_ox(term: object) -> Identifier:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")


def substitutions(
    bindings: Bindings | None,
) -> dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] | None:
    """SPARQL variable substitutions (SEP-0007): values bound as terms, never spliced as text."""
    if not bindings:
        return None
    return {ox.Variable(name): to_ox(value) for name, value in bindings.items()}


def rows(solutions: ox.QuerySolutions) -> list[Row]:
    """SELECT solutions as dictionaries of rdflib terms (unbound variables left out)."""
    names = [v.value for v in solutions.variables]
    found: list[Row] = []
    for solution in solutions:
        row: Row = {}
        for name in names:
            value = solution[name]
            if value is not None:
                row[name] = from_ox(value)
        found.append(row)
    return found


def graph(triples: Iterable[ox.Triple]) -> Graph:
    """CONSTRUCT triples as an rdflib Graph."""
    result = Graph()
    for triple in triples:
        result.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
    return result
