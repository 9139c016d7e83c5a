"""A release goes to the store in parts within a store's limits, blank nodes whole, and one
request switches to it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

from lacs_ld.store.remote.release import MAX_TRIPLES, Release

DATA = "http://example.test/graph/data"
SHAPES = "http://example.test/graph/shapes"


def release(tmp_path: Path, plain: int) -> Release:
    lines = [
        f'<http://example.test/s{i}> <http://example.test/p> "v{i}" <{DATA}> .'
        for i in range(plain)
    ]
    for i in range(3):  # an RDF list of three, and a node pointing at it
        rest = f"_:l{i + 1}" if i < 2 else "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>"
        lines.append(
            f'_:l{i} <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "{i}" <{SHAPES}> .'
        )
        lines.append(
            f"_:l{i} <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> {rest} <{SHAPES}> ."
        )
    lines.append(f"<http://example.test/shape> <http://example.test/in> _:l0 <{SHAPES}> .")
    folder = tmp_path / "snapshot"
    folder.mkdir()
    (folder / "dataset.nq").write_text("\n".join(lines) + "\n")
    return Release.read(folder / "dataset.nq")


def graph_of(store: ox.Store, name: str) -> Graph:
    text = "".join(
        f"{q.subject} {q.predicate} {q.object} .\n"
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))
    )
    return Graph().parse(data=text, format="nt")


def test_parts_stay_within_the_limit_and_keep_each_blank_node_in_one_request(
    tmp_path: Path,
) -> None:
    parts = list(release(tmp_path, 4500).loads())
    assert len(parts) == 4  # 2000 + 2000 + 500 plain triples, then the list
    for part in parts[:3]:
        assert part.startswith("INSERT DATA") and part.count(" .\n") <= MAX_TRIPLES
    assert "_:" not in "".join(parts[:3])
    assert parts[3].startswith("INSERT {") and parts[3].count("_:l0") == 3


def test_the_parts_then_the_switch_give_the_release_and_drop_what_it_replaces(
    tmp_path: Path,
) -> None:
    new = release(tmp_path, 2500)
    store = ox.Store()
    old = "http://example.test/graph/old"
    store.update(
        f"INSERT DATA {{ GRAPH <{DATA}> {{ <x:a> <x:b> <x:c> }} GRAPH <{old}> {{ <x:a> <x:b> <x:c> }} }}"
    )
    for part in new.loads():
        store.update(part)
        assert len(graph_of(store, DATA)) == 1  # the served graph is untouched while loading
    store.update(new.switch({DATA, old}))
    names = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    assert names == {DATA, SHAPES}
    expected = ox.Store()
    expected.load(path=tmp_path / "snapshot" / "dataset.nq", format=ox.RdfFormat.N_QUADS)
    for name in (DATA, SHAPES):
        assert isomorphic(graph_of(store, name), graph_of(expected, name))


def test_discarding_drops_only_the_staging_graphs(tmp_path: Path) -> None:
    new = release(tmp_path, 10)
    store = ox.Store()
    store.update(f"INSERT DATA {{ GRAPH <{DATA}> {{ <x:a> <x:b> <x:c> }} }}")
    for part in new.loads():
        store.update(part)
    store.update(new.discard())
    assert [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)] == [DATA]
