"""The bytes of each download, rendered from sorted N-Quads so the same data gives the same bytes."""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections.abc import Callable, Iterator, Mapping
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
    return _jsonld(triples, prefixes), len(triples)


def compress(body: bytes) -> bytes:
    """gzip with no file name and mtime 0: the same bytes in, the same bytes out.

    Level 6 (gzip's default) costs a third of level 9's time for files a few percent larger.
    """
    return gzip.compress(body, compresslevel=6, mtime=0)


BATCH = 2000  # subjects per serialiser call: memory bounded by a batch, not by the data


def _jsonld(triples: list[str], prefixes: Mapping[str, str]) -> bytes:
    """Flattened JSON-LD with the dataset's prefixes as its context and IRIs compacted.

    Sorted triples come grouped by subject; each batch of whole subjects is serialised and
    compacted on its own, so only one batch is ever held as JSON objects.
    """
    compact = _compactor(prefixes)
    nodes: list[str] = []
    for batch in _subject_batches(triples):
        expanded = json.loads(convert(("\n".join(batch) + "\n").encode(), "jsonld"))
        if isinstance(expanded, dict):
            expanded = expanded.get("@graph", [expanded])
        nodes.extend(json.dumps(_walk(node, compact), ensure_ascii=False) for node in expanded)
    context = json.dumps({"@context": dict(prefixes)}, ensure_ascii=False, indent=1)
    graph = ",\n".join(nodes)
    return f'{context[:-2]},\n "@graph": [\n{graph}\n ]\n}}\n'.encode()


def _subject_batches(triples: list[str]) -> Iterator[list[str]]:
    """Consecutive lines in batches of about BATCH subjects, never splitting a subject."""
    batch: list[str] = []
    subjects = 0
    last = ""
    for line in triples:
        subject = line[: line.index(" ")]
        if subject != last:
            if subjects >= BATCH:
                yield batch
                batch, subjects = [], 0
            subjects += 1
            last = subject
        batch.append(line)
    if batch:
        yield batch


def _compactor(prefixes: Mapping[str, str]) -> Callable[[str], str]:
    namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))

    @functools.cache
    def compact(iri: str) -> str:
        for prefix, namespace in namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if local and not local.startswith("//") and re.fullmatch(r"[^\s:]*", local):
                    return f"{prefix}:{local}"
        return iri

    return compact


def _walk(value: Any, compact: Callable[[str], str]) -> Any:
    if isinstance(value, list):
        return [_walk(item, compact) for item in value]
    if not isinstance(value, dict):
        return value
    result: dict[str, Any] = {}
    for key, item in value.items():
        if key in ("@id", "@type"):
            result[key] = [compact(i) for i in item] if isinstance(item, list) else compact(item)
        elif key.startswith("@"):
            result[key] = item
        else:
            result[compact(key)] = _walk(item, compact)
    return result
