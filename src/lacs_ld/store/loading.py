"""A publication parsed into one in-memory store, a named graph per part, and read back from it.

Publishing parses with pyoxigraph and then works only from what the store holds, so the
snapshot, the validation and the downloads see the literals exactly as the store keeps them.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from lacs_ld.errors import PublishError
from lacs_ld.store import terms
from lacs_ld.store.base import Bindings, Row
from lacs_ld.turtle_problems import ill_typed, syntax_error

_BLANK = "ASK { GRAPH ?g { ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) } }"
# ?g is projected so that it can be bound by substitution.
_COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
# Typed literals other than plain strings: the ones whose lexical form can be wrong.
_TYPED = (
    "SELECT DISTINCT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o "
    "FILTER (isLiteral(?o) && lang(?o) = '' "
    "&& datatype(?o) != <http://www.w3.org/2001/XMLSchema#string>) } }"
)
_CLASSES = "SELECT ?g ?c (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?g ?c"


class LoadedGraphs:
    """Every part of one publication in memory: parse once, then read back what is held."""

    def __init__(self) -> None:
        self._store = ox.Store()

    def union_of(self, graphs: tuple[str, ...]) -> ox.Store:
        """A new store whose default graph holds some named graphs, read back from this one."""
        store = ox.Store()
        for graph in graphs:
            store.bulk_load(self.ntriples(graph), format=ox.RdfFormat.N_TRIPLES)
        return store

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        """Rows of a trusted SELECT over every graph held, values bound as RDF terms."""
        substitutions = terms.substitutions(bindings)
        result = self._store.query(
            query, substitutions=substitutions, use_default_graph_as_union=True
        )
        assert isinstance(result, ox.QuerySolutions)
        return terms.rows(result)

    def load_turtle(self, path: Path, graph: str, base: str, shown_as: str) -> None:
        """Parse one Turtle file into a named graph; a syntax error names the file and line."""
        try:
            self._store.load(
                path=str(path),
                format=ox.RdfFormat.TURTLE,
                base_iri=base,
                to_graph=ox.NamedNode(graph),
            )
        except SyntaxError as exc:
            raise PublishError(syntax_error(shown_as, path, exc)) from None
        except (OSError, ValueError) as exc:
            raise PublishError(f"{shown_as}: cannot read: {exc}") from None

    def ill_typed(self, graph: str) -> list[tuple[str, str, str, str]]:
        """Literals of a named graph not valid for their datatype: subject, predicate, form, type.

        Each distinct typed literal is checked once; only a bad one is looked up again.
        """
        node = ox.NamedNode(graph)
        solutions = self._store.query(_TYPED, substitutions={ox.Variable("g"): node})
        assert isinstance(solutions, ox.QuerySolutions)
        found = []
        for row in solutions:
            literal = row["o"]
            assert isinstance(literal, ox.Literal)
            if not ill_typed(literal.value, literal.datatype.value):
                continue
            for quad in self._store.quads_for_pattern(None, None, literal, node):
                subject = quad.subject
                assert not isinstance(subject, ox.Triple)
                found.append(
                    (subject.value, quad.predicate.value, literal.value, literal.datatype.value)
                )
        return sorted(found)

    def add_graph(self, graph: Graph, name: str) -> None:
        """Add the triples of an rdflib graph made in code (the example queries, graph labels)."""
        body = graph.serialize(format="nt", encoding="utf-8")
        self._store.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))

    def count(self, graph: str) -> int:
        """The number of triples a named graph holds."""
        return int(self._scalar(_COUNT, graph) or 0)

    def class_counts(self, graph: str) -> dict[str, int]:
        """Instances per rdf:type object in a named graph, by class IRI."""
        solutions = self._store.query(
            _CLASSES, substitutions={ox.Variable("g"): ox.NamedNode(graph)}
        )
        assert isinstance(solutions, ox.QuerySolutions)
        return dict(sorted((str(row["c"].value), int(row["n"].value)) for row in solutions))

    def value(self, subject: str, predicate: str, graph: str) -> str | None:
        """One object of a subject and predicate in a named graph, as text."""
        quads = self._store.quads_for_pattern(
            ox.NamedNode(subject), ox.NamedNode(predicate), None, ox.NamedNode(graph)
        )
        for quad in quads:
            if isinstance(quad.object, ox.Triple):
                continue
            return str(quad.object.value)
        return None

    def ntriples(self, graph: str) -> bytes:
        """A named graph read back from the store, as N-Triples."""
        body = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        assert body is not None
        return body

    def write_nquads(self, target: Path, graphs: dict[str, str]) -> dict[str, int]:
        """Sorted N-Quads of the named graphs (part -> IRI), blank nodes canonically labelled.

        The same data gives the same bytes: blank nodes get RDFC-1.0 labels, chosen over all
        graphs that hold any (so two graphs never share a label), and the lines are sorted.
        """
        lines: list[str] = []
        with_blanks = []
        counts: dict[str, int] = {}
        for name, iri in graphs.items():
            node = ox.NamedNode(iri)
            counts[name] = self.count(iri)
            if self._ask(_BLANK, iri):
                with_blanks.append(node)
                continue
            lines.extend(_quad_lines(self.ntriples(iri), node))
        if with_blanks:
            dataset = ox.Dataset()
            for node in with_blanks:
                for quad in self._store.quads_for_pattern(None, None, None, node):
                    dataset.add(quad)
            dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
            lines.extend(f"{quad} ." for quad in dataset)
        lines.sort()
        with target.open("w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
        return counts

    def _ask(self, query: str, graph: str) -> bool:
        return bool(self._store.query(query, substitutions={ox.Variable("g"): ox.NamedNode(graph)}))

    def _scalar(self, query: str, graph: str) -> str | None:
        result = self._store.query(query, substitutions={ox.Variable("g"): ox.NamedNode(graph)})
        assert isinstance(result, ox.QuerySolutions)
        row = next(iter(result), None)
        value = row["n"] if row is not None else None
        return value.value if isinstance(value, ox.Literal) else None


def _quad_lines(ntriples_dump: bytes, graph: ox.NamedNode) -> list[str]:
    """A graph's N-Triples dump as N-Quads lines: its name put before each closing dot."""
    name = f" {graph} ."
    return [line[:-2] + name for line in ntriples_dump.decode("utf-8").split("\n") if line]


def subjects_by_file(paths: list[tuple[Path, str]], base: str) -> dict[Node, str]:
    """Which file first states each subject, for locating violations (parsed only on failure)."""
    found: dict[Node, str] = {}
    for path, shown_as in paths:
        try:
            for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=base):
                found.setdefault(terms.from_ox(triple.subject), shown_as)
        except (SyntaxError, OSError, ValueError):
            continue
    return found
