"""Downloads: the whole published dataset as files, made once per snapshot, byte-reproducible.

Every file is derived from the snapshot's sorted, canonically labelled N-Quads, so two
publishes of the same inputs give identical bytes (gzip members carry no name and mtime 0).
A release's files live in `{snapshot}/dumps/`, listed with their sizes, triple counts and
SHA-256 checksums in `index.json` and, in `sha256sum` format, in `SHA256SUMS`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from lacs_ld import uris
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services import changes
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.store.serialize import convert

log = logging.getLogger(__name__)

FOLDER = "dumps"
INDEX = "index.json"
SUMS = "SHA256SUMS"
REPORT = "validation.ttl"
PARTS = ("data", "vocabulary", "shapes")
GZIP = "application/gzip"
_NAME = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._-]*\Z")


@dataclass(frozen=True)
class DumpFile:
    """One downloadable file of a release."""

    name: str
    title: str
    media_type: str  # of the content, before any compression
    compressed: bool
    graphs: tuple[str, ...]  # the parts it holds: data, vocabulary, shapes
    triples: int
    size: int
    sha256: str

    @property
    def served_type(self) -> str:
        """The media type it is served as: gzip files are downloads, not encodings.

        (Text types get `charset=utf-8` from the server; JSON-LD is UTF-8 by definition.)
        """
        return GZIP if self.compressed else self.media_type

    @property
    def is_rdf(self) -> bool:
        return bool(self.graphs)


@dataclass(frozen=True)
class Release:
    """The downloads of one release, as written beside its snapshot."""

    release: str
    version: str
    issued: str
    snapshot_key: str
    shapes_version: str
    conforms: bool
    triples: int
    files: tuple[DumpFile, ...]
    directory: Path
    previous_release: str | None = None

    def file(self, name: str) -> DumpFile | None:
        return next((f for f in self.files if f.name == name), None)

    def path(self, name: str) -> Path | None:
        """The file on disk for a listed name; never anything outside the release folder."""
        if not _NAME.match(name) or (self.file(name) is None and name != SUMS):
            return None
        return self.directory / name

    def sums(self) -> str:
        return (self.directory / SUMS).read_text(encoding="utf-8")


@dataclass(frozen=True)
class _Spec:
    name: str
    title: str
    media_type: str
    graphs: tuple[str, ...]
    serializer: str  # ntriples, nquads, turtle or jsonld
    compressed: bool = False


SPECS: tuple[_Spec, ...] = (
    _Spec("lacs-ld.ttl", "Whole dataset, Turtle", "text/turtle", PARTS, "turtle", compressed=False),
    _Spec("lacs-ld.ttl.gz", "Whole dataset, Turtle, gzipped", "text/turtle", PARTS, "turtle", True),
    _Spec(
        "lacs-ld.nt.gz",
        "Whole dataset, N-Triples (sorted), gzipped",
        "application/n-triples",
        PARTS,
        "ntriples",
        True,
    ),
    _Spec(
        "lacs-ld.nq.gz",
        "Whole dataset with its named graphs, N-Quads (sorted), gzipped",
        "application/n-quads",
        PARTS,
        "nquads",
        True,
    ),
    _Spec("lacs-ld.jsonld", "Whole dataset, JSON-LD", "application/ld+json", PARTS, "jsonld"),
    _Spec(
        "lacs-ld-data.nt.gz",
        "Instance data only, N-Triples (sorted), gzipped",
        "application/n-triples",
        ("data",),
        "ntriples",
        True,
    ),
    _Spec(
        "lacs-ld-vocabulary.ttl",
        "Ontology and concept schemes only, Turtle",
        "text/turtle",
        ("vocabulary",),
        "turtle",
    ),
    _Spec("lacs-ld-shapes.ttl", "SHACL shapes only, Turtle", "text/turtle", ("shapes",), "turtle"),
)


def folder(snapshot: Snapshot) -> Path:
    return snapshot.directory / FOLDER


def ensure(snapshot: Snapshot) -> Release:
    """The snapshot's downloads, written now (all-or-nothing) unless they already exist."""
    existing = read(folder(snapshot))
    if existing is not None:
        return existing
    target = folder(snapshot)
    staging = Path(tempfile.mkdtemp(prefix=".dumps-", dir=snapshot.directory))
    try:
        started = time.perf_counter()
        write(snapshot, staging)
        if read(target) is None:
            shutil.rmtree(target, ignore_errors=True)  # an incomplete folder left by a crash
        try:
            staging.rename(target)
        except OSError:
            if read(target) is None:
                raise
            shutil.rmtree(staging, ignore_errors=True)  # another process finished first
        log.info("wrote the downloads of %s in %.1f s", snapshot.release, _since(started))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    found = read(target)
    assert found is not None
    return found


def _since(started: float) -> float:
    return time.perf_counter() - started


def write(snapshot: Snapshot, out: Path) -> list[DumpFile]:
    """Write every download of a snapshot, its validation report, SHA256SUMS and index."""
    out.mkdir(parents=True, exist_ok=True)
    quads = snapshot.dataset.read_text(encoding="utf-8").splitlines()
    prefixes = ProjectNamespaces(snapshot.base).prefixes()
    by_part = _split(quads, snapshot.base)
    made: list[DumpFile] = []
    cache: dict[tuple[tuple[str, ...], str], tuple[bytes, int]] = {}
    for spec in SPECS:
        key = (spec.graphs, spec.serializer)
        if key not in cache:
            cache[key] = _render(spec, quads, by_part, prefixes)
        body, triples = cache[key]
        data = _gzip(body) if spec.compressed else body
        (out / spec.name).write_bytes(data)
        made.append(_described(spec.name, spec, data, triples))
    earlier = changes.previous(snapshot)
    if earlier is not None:
        made.extend(_changes(snapshot, earlier, out))
    report = (snapshot.directory / REPORT).read_bytes()
    (out / REPORT).write_bytes(report)
    made.append(
        DumpFile(
            REPORT,
            "SHACL validation report of this release",
            "text/turtle",
            False,
            (),
            0,
            len(report),
            hashlib.sha256(report).hexdigest(),
        )
    )
    made.sort(key=lambda f: f.name)
    sums = "".join(f"{f.sha256}  {f.name}\n" for f in made)
    (out / SUMS).write_text(sums, encoding="utf-8")
    index = {
        "release": snapshot.release,
        "version": snapshot.version,
        "issued": snapshot.issued,
        "snapshot_key": snapshot.key,
        "shapes_version": snapshot.shapes_version,
        "conforms": _conforms(report),
        "triples": sum(snapshot.graph_triples.get(part, 0) for part in PARTS),
        "previous_release": earlier.release if earlier is not None else None,
        "files": [asdict(f) for f in made],
    }
    (out / INDEX).write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")
    return made


def _changes(snapshot: Snapshot, earlier: Snapshot, out: Path) -> list[DumpFile]:
    """added.nt and removed.nt against the previous release kept beside this one."""
    graphs = tuple(uris.graph(snapshot.base, part) for part in PARTS)
    added, n_added, removed, n_removed = changes.difference(
        changes.triples(snapshot.dataset, graphs), changes.triples(earlier.dataset, graphs)
    )
    made = []
    for name, body, count, verb in (
        (changes.ADDED, added, n_added, "added"),
        (changes.REMOVED, removed, n_removed, "removed"),
    ):
        (out / name).write_bytes(body)
        spec = _Spec(
            name,
            f"Triples {verb} since release {earlier.release}, N-Triples (sorted)",
            "application/n-triples",
            PARTS,
            "ntriples",
        )
        made.append(_described(name, spec, body, count))
    return made


def _described(name: str, spec: _Spec, data: bytes, triples: int) -> DumpFile:
    return DumpFile(
        name=name,
        title=spec.title,
        media_type=spec.media_type,
        compressed=spec.compressed,
        graphs=spec.graphs,
        triples=triples,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _conforms(report: bytes) -> bool:
    text = report.decode("utf-8")
    return bool(re.search(r"sh:conforms\s+true", text)) and "sh:result" not in text


def _split(quads: Iterable[str], base: str) -> dict[str, list[str]]:
    """N-Triples lines by part: each quad with its graph name removed (order kept)."""
    suffixes = {f" <{uris.graph(base, name)}> .": name for name in PARTS}
    parts: dict[str, list[str]] = {name: [] for name in PARTS}
    for line in quads:
        for suffix, name in suffixes.items():
            if line.endswith(suffix):
                parts[name].append(line[: -len(suffix)] + " .")
                break
    return parts


def _render(
    spec: _Spec, quads: list[str], by_part: Mapping[str, list[str]], prefixes: Mapping[str, str]
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


def _gzip(body: bytes) -> bytes:
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


def read(directory: Path) -> Release | None:
    """The release whose downloads are in a folder, or None when missing or incomplete."""
    index = directory / INDEX
    if not index.is_file() or not (directory / SUMS).is_file():
        return None
    fields: dict[str, Any] = json.loads(index.read_text(encoding="utf-8"))
    files = tuple(DumpFile(**{**f, "graphs": tuple(f["graphs"])}) for f in fields.pop("files", []))
    try:
        return Release(files=files, directory=directory, **fields)
    except TypeError:
        return None


def releases(state_dir: Path, current: Snapshot | None) -> dict[str, Release]:
    """Every release kept in the state folder, by name; the current snapshot wins its name.

    A release name is immutable: when several kept snapshots carry the same name (data
    changed without a new release number), only the current one, else the newest, is served.
    """
    found: dict[str, tuple[float, Release]] = {}
    home = state_dir / "snapshots"
    for index in sorted(home.glob(f"*/{FOLDER}/{INDEX}")) if home.is_dir() else []:
        release = read(index.parent)
        if release is None:
            continue
        rank = float("inf") if current and release.snapshot_key == current.key else _mtime(index)
        if release.release not in found or found[release.release][0] < rank:
            found[release.release] = (rank, release)
    return {name: release for name, (_, release) in sorted(found.items())}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def export(snapshot: Snapshot, out: Path) -> Release:
    """Copy a release's downloads into a folder (for mirrors made without the server)."""
    source = ensure(snapshot)
    out.mkdir(parents=True, exist_ok=True)
    for entry in [*source.files, None]:
        name = entry.name if entry else SUMS
        shutil.copyfile(source.directory / name, out / name)
    return source
