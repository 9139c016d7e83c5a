"""A release as the remote backend loads it: one SPARQL Update request when the store takes
one that large, else requests of bounded size into staging graphs, then one request that
moves them over the published graphs.

A store limits what one request may hold (Virtuoso 7.2 refuses a request body over 10 MB and
a SPARQL text of more than about 5 000 triples), so a release goes in parts, each into a
graph of its own (`{graph}#loading-{digest}`) that no query of the service names. Only the
last request, `MOVE` of each staging graph over its published graph (SPARQL 1.1 Update
§3.2.5), changes what is served: one request, which the store applies as one transaction.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from lacs_ld.errors import PublishError

# Per request: well under Virtuoso's limits (above), and a few hundred kilobytes each.
MAX_TRIPLES = 2000
MAX_BYTES = 4 << 20


class Release:
    """A snapshot's N-Quads grouped by graph, its digest and the size of each graph."""

    def __init__(self, name: str, digest: str, graphs: dict[str, list[str]], size: int) -> None:
        self.name = name
        self.size = size  # bytes of N-Quads: about the size of the release as one request
        self.digest = digest
        self.graphs = graphs
        self.counts = {g[1:-1]: len(lines) for g, lines in graphs.items()}

    @classmethod
    def read(cls, dataset: Path) -> Release:
        try:
            raw = dataset.read_bytes()
        except OSError as exc:
            raise PublishError(f"cannot read {dataset}: {exc}") from None
        graphs: dict[str, list[str]] = defaultdict(list)
        for line in raw.decode("utf-8").splitlines():
            if not line.strip():
                continue
            triple, _, graph = line.rstrip()[:-1].rstrip().rpartition(" ")
            if not (graph.startswith("<") and graph.endswith(">")):
                raise PublishError(f"{dataset.name}: every quad must sit in a named graph")
            graphs[graph].append(triple + " .")
        digest = hashlib.sha256(raw).hexdigest()
        return cls(str(dataset.parent.name)[:12], digest, dict(graphs), len(raw))

    def whole(self, stale: set[str]) -> str:
        """The release as one request: drop the old graphs, insert the new ones."""
        parts = [f"DROP SILENT GRAPH <{g}> ;" for g in sorted(stale | set(self.counts))]
        parts.append("INSERT DATA {")
        for graph, lines in self.graphs.items():
            parts.extend([f"GRAPH {graph} {{", *lines, "}"])
        parts.append("}")
        return "\n".join(parts)

    def staging(self, graph: str) -> str:
        """The graph a published graph of this release is loaded into before the switch."""
        return f"{graph}#loading-{self.digest[:12]}"

    def loads(self) -> Iterator[str]:
        """Update requests that fill the staging graphs, each within the limits above.

        Blank nodes are scoped to one request, so every triple sharing a blank node (an RDF
        list, a SHACL property shape) travels in the same request, as a template of
        `INSERT {…} WHERE {}` (Virtuoso refuses blank nodes in `INSERT DATA`, and a template
        naming several graphs). A request fills one graph.
        """
        for graph, lines in self.graphs.items():
            target = f"GRAPH <{self.staging(graph[1:-1])}>"
            plain, blank = _connected(lines)
            for batch in _packed([[line] for line in plain]):
                yield f"INSERT DATA {{ {target} {{\n" + "\n".join(batch) + "\n} }"
            for batch in _packed(blank):
                yield f"INSERT {{ {target} {{\n" + "\n".join(batch) + "\n} } WHERE {}"

    def switch(self, stale: set[str]) -> str:
        """One request: each staging graph moved over its graph, every other stale graph dropped."""
        parts = [f"DROP SILENT GRAPH <{g}>" for g in sorted(stale - set(self.counts))]
        parts += [
            f"MOVE SILENT GRAPH <{self.staging(g)}> TO GRAPH <{g}>" for g in sorted(self.counts)
        ]
        return " ;\n".join(parts)

    def discard(self) -> str:
        """One request dropping this release's staging graphs (after a failed load)."""
        return " ;\n".join(f"DROP SILENT GRAPH <{self.staging(g)}>" for g in sorted(self.counts))


def _connected(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """The triples without blank nodes, and the others grouped so that triples sharing a
    blank node fall in one group."""
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    labelled = [(t, [e for e in _ends(t) if e.startswith("_:")]) for t in lines]
    for _, labels in labelled:
        for other in labels[1:]:
            parent[root(other)] = root(labels[0])
    groups: dict[str, list[str]] = defaultdict(list)
    plain: list[str] = []
    for triple, labels in labelled:
        if labels:
            groups[root(labels[0])].append(triple)
        else:
            plain.append(triple)
    return plain, list(groups.values())


def _ends(triple: str) -> tuple[str, str]:
    """Subject and object of an N-Triples line (IRIs and blank-node labels hold no space)."""
    subject, _, rest = triple.partition(" ")
    return subject, rest.partition(" ")[2]


def _packed(groups: list[list[str]]) -> Iterator[list[str]]:
    """Batches of whole groups, each at most MAX_TRIPLES triples and MAX_BYTES bytes (a
    larger group goes alone)."""
    batch: list[str] = []
    size = 0
    for group in groups:
        weight = sum(len(t) for t in group)
        if batch and (len(batch) + len(group) > MAX_TRIPLES or size + weight > MAX_BYTES):
            yield batch
            batch, size = [], 0
        batch.extend(group)
        size += weight
    if batch:
        yield batch
