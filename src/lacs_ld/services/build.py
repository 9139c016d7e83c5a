"""Building a snapshot: parse into the store, validate what it holds, write it all-or-nothing.

Steps (each reported with its count and time): parse the Turtle into an in-memory store,
validate the triples read back from it, write the snapshot (sorted N-Quads, the report, an
on-disk store copy), the downloads and the lists' and search's file, then record every
file's checksum in the manifest.
Only a complete, checksummed folder is renamed into place, under the publish lock.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from lacs_ld import __version__, queries, uris
from lacs_ld.errors import PublishError
from lacs_ld.namespaces import SD, ProjectNamespaces
from lacs_ld.services import dumps, search, statelock, validation, verdicts
from lacs_ld.services.examples import examples_graph
from lacs_ld.services.pictures import artefact as pictures
from lacs_ld.services.progress import Progress
from lacs_ld.services.snapshot import DATASET, Snapshot, SnapshotDamaged
from lacs_ld.services.sources import SourceSet, load, locate
from lacs_ld.settings import Settings
from lacs_ld.store.dataset_files import disk_copy
from lacs_ld.store.loading import LoadedGraphs

log = logging.getLogger(__name__)

PARTS = ("data", "vocabulary", "shapes", "meta")
GRAPH_LABELS = {
    "data": "Authorities, inspections, judgements, guidance, clauses and quotes",
    "vocabulary": "The lacs ontology and its SKOS concept schemes",
    "shapes": "The SHACL shapes the data conforms to",
    "meta": "Example queries",
}


def sources_for(settings: Settings, data_dir: Path | None = None) -> SourceSet:
    return SourceSet.from_dirs(
        settings.ontology_dir, settings.shapes_dir, data_dir or settings.data_dir
    )


def validate_sources(
    sources: SourceSet, base: str, progress: Progress | None = None, engine: str = "turbo"
) -> tuple[validation.ValidationReport, LoadedGraphs]:
    """Parse every part into the store and validate what it holds; the report and the store."""
    progress = progress or Progress.quiet()
    root = Path.cwd()
    with progress.step("parse", "triples") as step:
        loaded = load(sources, base, root)
        step.count = sum(loaded.count(uris.graph(base, part)) for part in PARTS)
    with progress.step("validate", "violations") as step:
        report = validation.check(
            loaded,
            uris.graph(base, "shapes"),
            (uris.graph(base, "data"), uris.graph(base, "vocabulary")),
            lambda: locate(sources, base, root),
            base,
            engine,
        )
        step.count = len(report.violations)
    return report, loaded


def build(
    settings: Settings, sources: SourceSet | None = None, progress: Progress | None = None
) -> Snapshot:
    """A validated, checksummed snapshot with its downloads; reused when inputs are identical.

    Any failure (invalid data, disk full, permissions) raises PublishError and leaves every
    existing snapshot, and the one currently served, untouched.
    """
    sources = sources or sources_for(settings)
    progress = progress or Progress(log.info)
    key = snapshot_key(settings, sources)
    home = settings.state_dir / "snapshots"
    with statelock.publishing(settings.state_dir):
        try:
            existing = _reusable(home / key, settings)
            if existing is not None:
                progress.say(
                    f"inputs unchanged since snapshot {key[:12]} was validated: reusing it"
                )
                return existing
            return _build(settings, sources, key, home, progress)
        except OSError as exc:  # a full disk, a permission: said, never raised bare
            raise PublishError(
                f"cannot write the snapshot under {home}: {exc.strerror or exc}"
                + (f" ({exc.filename})" if exc.filename else "")
            ) from exc


def snapshot_key(settings: Settings, sources: SourceSet) -> str:
    """The key of the snapshot of these inputs: equal keys, equal snapshots."""
    # What a snapshot holds is part of its key: a new layout of its files means a rebuild.
    salt = (
        __version__
        + search.FILE
        + pictures.FILE
        + "".join(example.text for example in queries.examples())
    )
    return sources.digest(settings.base_uri, salt)


def _reusable(directory: Path, settings: Settings) -> Snapshot | None:
    if settings.skip_validation_cache or not directory.is_dir():
        return None
    try:
        snapshot = Snapshot.load(directory)
        # Hashed once per start; the servers it starts trust this verdict (services.verdicts).
        damaged = verdicts.check(settings.state_dir, snapshot, trust_for=0)
        if damaged:
            snapshot.verify()  # raises, naming the files
    except SnapshotDamaged as exc:
        log.warning("rebuilding from the data: %s", exc.message)
        return None
    return snapshot


def _build(
    settings: Settings, sources: SourceSet, key: str, home: Path, progress: Progress
) -> Snapshot:
    base = settings.base_uri
    report, loaded = validate_sources(sources, base, progress)
    if not report.conforms:
        raise PublishError("the data does not conform to the shapes", report=report.text())
    loaded.add_graph(examples_graph(base), uris.graph(base, "meta"))
    for name in PARTS:
        loaded.add_graph(_graph_label(name, base), uris.graph(base, name))
    home.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=home))
    try:
        with progress.step("snapshot", "quads") as step:
            graphs = {name: uris.graph(base, name) for name in PARTS}
            triples = loaded.write_nquads(staging / DATASET, graphs)
            step.count = sum(triples.values())
            version, issued = _release(sources)
            content = release_content(staging / DATASET, base)
            snapshot = Snapshot(
                key=key,
                release=release_id(version, issued, content),
                version=version,
                issued=issued,
                base=base,
                triples=sum(triples.values()),
                graph_triples=triples,
                classes=loaded.class_counts(uris.graph(base, "data")),
                validation=report.text(),
                shapes_version=loaded.value(
                    base + "def/shapes", str(OWL.versionInfo), graphs["shapes"]
                )
                or "",
                directory=staging,
                content=content,
            )
            # The home page's pictures, read once here for every server process (checksummed).
            pictures.write_into(staging, loaded, ProjectNamespaces(base))
            del loaded  # the store's memory is free before the downloads are rendered
            (staging / "validation.ttl").write_bytes(
                report.graph.serialize(format="turtle").encode()
            )
        # The on-disk store copy is built in native code beside the downloads (2 cores, 2 jobs).
        with ThreadPoolExecutor(max_workers=1) as pool:
            copying = pool.submit(disk_copy, staging / DATASET)
            with progress.step("downloads", "files") as step:
                step.count = len(dumps.write(snapshot, staging / dumps.FOLDER))
            copying.result()
        # The lists' and search's file, written before the manifest so it is checksummed too.
        with progress.step("search", "documents") as step:
            step.count = search.write_into(snapshot)
        snapshot.write_manifest()
        final = home / key
        if final.exists():  # a damaged copy of the same inputs: replaced, never served
            shutil.rmtree(final)
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    built = Snapshot.load(final)
    # Its files were hashed into the manifest just now: the servers trust that verdict.
    verdicts.record(settings.state_dir, built, verdicts.fingerprint(built), [])
    return built


def release_id(version: str, issued: str, content: str) -> str:
    """`{version}-{issued}-{hash}`: the release's name, and a digest of what it publishes.

    Releases are immutable by construction: data changed without a new version in
    data/release.json gets a new id (and new download URLs) instead of replacing files
    already served under the old one, so a correction is never blocked and never silent.
    """
    return "-".join(part for part in (version, issued, content[:8]) if part)


def release_content(dataset: Path, base: str) -> str:
    """SHA-256 of the sorted N-Quads of the parts a release's downloads hold."""
    suffixes = tuple(f" <{uris.graph(base, part)}> .\n" for part in dumps.PARTS)
    digest = hashlib.sha256()
    with dataset.open("rb") as quads:
        for line in quads:
            if line.decode("utf-8").endswith(suffixes):
                digest.update(line)
    return digest.hexdigest()


def _graph_label(name: str, base: str) -> Graph:
    """Each named graph names itself (SPARQL 1.1 Service Description §3.4), so FROM can be checked."""
    graph = Graph()
    node = URIRef(uris.graph(base, name))
    graph.add((node, RDF.type, SD.Graph))
    graph.add((node, RDFS.label, Literal(GRAPH_LABELS[name], lang="en")))
    return graph


def _release(sources: SourceSet) -> tuple[str, str]:
    if sources.release is None:
        return "0", ""
    try:
        fields = json.loads(sources.release.read_text())
    except ValueError as exc:
        raise PublishError(f"{sources.release}: not valid JSON ({exc})") from None
    return str(fields.get("version", "0")), str(fields.get("issued", ""))
