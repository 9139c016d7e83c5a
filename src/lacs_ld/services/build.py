"""Building a snapshot: parse, validate and count the sources (pure), then write it all-or-nothing."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import OWL, RDF, RDFS

from lacs_ld import __version__, queries, uris
from lacs_ld.errors import PublishError
from lacs_ld.namespaces import SD
from lacs_ld.services import validation
from lacs_ld.services.examples import examples_graph
from lacs_ld.services.snapshot import DATASET, Snapshot
from lacs_ld.services.sources import SourceSet, parse_files
from lacs_ld.settings import Settings

log = logging.getLogger(__name__)


def sources_for(settings: Settings, data_dir: Path | None = None) -> SourceSet:
    return SourceSet.from_dirs(
        settings.ontology_dir, settings.shapes_dir, data_dir or settings.data_dir
    )


def validate_sources(
    sources: SourceSet, base: str
) -> tuple[validation.ValidationReport, dict[str, Graph]]:
    """Parse every part and validate the data; the report, and the parts for writing."""
    root = Path.cwd()
    vocabulary = parse_files(sources.vocabulary, base, root)
    shapes = parse_files(sources.shapes, base, root)
    data = parse_files(sources.data, base, root)
    report = validation.check(data.graph, shapes.graph, vocabulary.graph, data.files, base)
    parts = {"data": data.graph, "vocabulary": vocabulary.graph, "shapes": shapes.graph}
    return report, parts


def build(settings: Settings, sources: SourceSet | None = None) -> Snapshot:
    """A validated snapshot of the sources, reused when its inputs are byte-identical."""
    sources = sources or sources_for(settings)
    salt = __version__ + "".join(example.text for example in queries.examples())
    key = sources.digest(settings.base_uri, salt)
    home = settings.state_dir / "snapshots"
    existing = Snapshot.read(home / key)
    if existing is not None and not settings.skip_validation_cache:
        log.info("inputs unchanged since snapshot %s was validated: reusing it", key[:12])
        return existing
    report, parts = validate_sources(sources, settings.base_uri)
    if not report.conforms:
        raise PublishError("the data does not conform to the shapes", report=report.text())
    parts["meta"] = examples_graph(settings.base_uri)
    _describe_graphs(parts, settings.base_uri)
    home.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=home))
    try:
        triples = _write_dataset(parts, settings.base_uri, staging / DATASET)
        version, issued = _release(sources)
        snapshot = Snapshot(
            key=key,
            release=f"{version}-{issued}" if issued else version,
            version=version,
            issued=issued,
            base=settings.base_uri,
            triples=sum(triples.values()),
            graph_triples=triples,
            classes=_class_counts(parts["data"]),
            validation=report.text(),
            shapes_version=_shapes_version(parts["shapes"], settings.base_uri),
            directory=home / key,
        )
        (staging / "validation.ttl").write_bytes(report.graph.serialize(format="turtle").encode())
        Snapshot(**{**snapshot.__dict__, "directory": staging}).write_manifest()
        shutil.rmtree(home / key, ignore_errors=True)
        staging.rename(home / key)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return snapshot


def _write_dataset(parts: dict[str, Graph], base: str, target: Path) -> dict[str, int]:
    """Sorted N-Quads, blank nodes canonically labelled: the same data gives the same bytes."""
    lines: list[str] = []
    counts: dict[str, int] = {}
    for name, graph in parts.items():
        canonical = to_canonical_graph(graph) if any(True for _ in _bnodes(graph)) else graph
        graph_iri = URIRef(uris.graph(base, name)).n3()
        text = canonical.serialize(format="nt", encoding="utf-8").decode()
        part = [line[:-2] + f" {graph_iri} ." for line in text.splitlines() if line.strip()]
        counts[name] = len(part)
        lines.extend(part)
    lines.sort()
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts


GRAPH_LABELS = {
    "data": "Authorities, inspections, judgements, guidance, clauses and quotes",
    "vocabulary": "The lacs ontology and its SKOS concept schemes",
    "shapes": "The SHACL shapes the data conforms to",
    "meta": "Example queries",
}


def _describe_graphs(parts: dict[str, Graph], base: str) -> None:
    """Each named graph names itself (SPARQL 1.1 Service Description §3.4), so FROM can be checked."""
    for name, graph in parts.items():
        node = URIRef(uris.graph(base, name))
        graph.add((node, RDF.type, SD.Graph))
        graph.add((node, RDFS.label, Literal(GRAPH_LABELS[name], lang="en")))


def _bnodes(graph: Graph) -> Iterator[object]:
    return (t for t in graph if isinstance(t[0], BNode) or isinstance(t[2], BNode))


def _class_counts(data: Graph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for cls in data.objects(None, RDF.type):
        counts[str(cls)] = counts.get(str(cls), 0) + 1
    return dict(sorted(counts.items()))


def _shapes_version(shapes: Graph, base: str) -> str:
    value = shapes.value(URIRef(base + "def/shapes"), OWL.versionInfo)
    return str(value) if value is not None else ""


def _release(sources: SourceSet) -> tuple[str, str]:
    if sources.release is None:
        return "0", ""
    fields = json.loads(sources.release.read_text())
    return str(fields.get("version", "0")), str(fields.get("issued", ""))
