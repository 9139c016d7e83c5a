"""The bytes of each download, rendered from sorted N-Quads so the same data gives the same bytes."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from lacs_ld import uris
from lacs_ld.services.dumps.release import PARTS
from lacs_ld.services.dumps.specs import Spec
from lacs_ld.store.serialize import convert


def split(quads: Iterable[str], base: str) -> dict[str, list[str]]:
    """N-Triples lines by part: each quad with its graph name removed (order kept)."""
    suffixes = {f" <{uris.graph(base, name)}> .": name for name in PARTS}
    parts: dict[str, list[str]] = {name: [] for name in PARTS}
    for line in quads:
        for suffix, name in suffixes.items():
            if line.endswith(suffix):
                parts[name].append(line[: -len(suffix)] + " .")
                break
    return parts


def render(
    spec: Spec, quads: list[str], by_part: Mapping[str, list[str]], prefixes: Mapping[str, str]
) -> tuple[bytes, int]:
    """The uncompressed bytes of a dump and the number of triples (or quads) it states."""
    if spec.serializer == "nquads":
        chosen = [q for q in quads if any(q.endswith(f"/graph/{p}> .") for p in spec.graphs)]
        return ("\n".join(chosen) + "\n").encode(), len(chosen)
    lines = sorted({line for part in spec.graphs for line in by_part[part]})
    ntriples = ("\n".join(lines) + "\n").encode()
    if spec.serializer == "ntriples":
        return ntriples, len(lines)
    if spec.serializer == "turtle":
        return convert(ntriples, "turtle", prefixes), len(lines)
    return _jsonld(convert(ntriples, "jsonld"), prefixes), len(lines)


def compress(body: bytes) -> bytes:
    """gzip with no file name and mtime 0: the same bytes in, the same bytes out."""
    return gzip.compress(body, compresslevel=9, mtime=0)


def _jsonld(expanded: bytes, prefixes: Mapping[str, str]) -> bytes:
    """Flattened JSON-LD with the dataset's prefixes as its context and IRIs compacted."""
    nodes = json.loads(expanded)
    if isinstance(nodes, dict):
        nodes = nodes.get("@graph", [nodes])
    namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))

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
