"""A release as the remote backend loads it: one SPARQL Update of every graph, and its sizes."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

from lacs_ld.errors import PublishError


class Release:
    """A snapshot's N-Quads grouped by graph, its digest and the size of each graph."""

    def __init__(self, name: str, digest: str, graphs: dict[str, list[str]]) -> None:
        self.name = name
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
        return cls(str(dataset.parent.name)[:12], hashlib.sha256(raw).hexdigest(), dict(graphs))

    def update(self, stale: set[str]) -> str:
        """One update request: drop the old graphs, insert the new ones (a single transaction)."""
        drops = sorted(stale | set(self.counts))
        parts = [f"DROP SILENT GRAPH <{g}> ;" for g in drops]
        parts.append("INSERT DATA {")
        for graph, lines in self.graphs.items():
            parts.append(f"GRAPH {graph} {{")
            parts.extend(lines)
            parts.append("}")
        parts.append("}")
        return "\n".join(parts)
