"""The bytes of each download, rendered from sorted N-Quads so the same data gives the same bytes."""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections.abc import Mapping
from typing import Any

from lacs_ld import uris
from lacs_ld.services.dumps.specs import Spec
from lacs_ld.store.serialize import convert


def triples_of(quads: list[str], base: str, parts: tuple[str, ...]) -> list[str]:
    """Sorted, distinct N-Triples lines of some parts of sorted N-Quads lines.

    Dropping the graph name keeps sorted lines sorted (a term never continues with a
    space), and puts a triple stated in two graphs on adjacent lines: no sort is needed.
    """
    suffixes = tuple(f" <{uris.graph(base, name)}> ." for name in parts)
    found: list[str] = []
    last = ""
    for line in quads:
        if not line.endswith(suffixes):
            continue
        triple = line[: line.rindex(" <")] + " ."
        if triple != last:
            found.append(triple)
            last = triple
    return found


def render(
    spec: Spec, quads: list[str], triples: list[str], prefixes: Mapping[str, str]
) -> tuple[bytes, int]:
    """The uncompressed bytes of a dump and the number of triples (or quads) it states."""
    if spec.serializer == "nquads":
        chosen = [q for q in quads if any(q.endswith(f"/graph/{p}> .") for p in spec.graphs)]
        return ("\n".join(chosen) + "\n").encode(), len(chosen)
    ntriples = ("\n".join(triples) + "\n").encode()
    if spec.serializer == "ntriples":
        return ntriples, len(triples)
    if spec.serializer == "turtle":
        return convert(ntriples, "turtle", prefixes), len(triples)
    return _jsonld(convert(ntriples, "jsonld"), prefixes), len(triples)


def compress(body: bytes) -> bytes:
    """gzip with no file name and mtime 0: the same bytes in, the same bytes out.

    Level 6 (gzip's default) costs a third of level 9's time for files a few percent larger.
    """
    return gzip.compress(body, compresslevel=6, mtime=0)


def _jsonld(expanded: bytes, prefixes: Mapping[str, str]) -> bytes:
    """Flattened JSON-LD with the dataset's prefixes as its context and IRIs compacted."""
    nodes = json.loads(expanded)
    if isinstance(nodes, dict):
        nodes = nodes.get("@graph", [nodes])
    namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))

    @functools.cache
    def compact(iri: str) -> str:
        for prefix, namespace in namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if local and not local.startswith("//") and re.fullmatch(r"[^\s:]*", local):
                    return f"{prefix}:{local}"
        return iri

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(item) for item in value]
        if not isinstance(value, dict):
            return value
        result: dict[str, Any] = {}
        for key, item in value.items():
            if key in ("@id", "@type"):
                result[key] = (
                    [compact(i) for i in item] if isinstance(item, list) else compact(item)
                )
            elif key.startswith("@"):
                result[key] = item
            else:
                result[compact(key)] = walk(item)
        return result

    context = json.dumps({"@context": dict(prefixes)}, ensure_ascii=False, indent=1)
    graph = ",\n".join(json.dumps(walk(node), ensure_ascii=False) for node in nodes)
    return f'{context[:-2]},\n "@graph": [\n{graph}\n ]\n}}\n'.encode()
