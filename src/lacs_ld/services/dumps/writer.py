"""Writing a release's downloads beside its snapshot, all-or-nothing, and copying them out."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from lacs_ld import uris
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services import changes
from lacs_ld.services.dumps.release import (
    INDEX,
    PARTS,
    REPORT,
    SUMS,
    DumpFile,
    Release,
    folder,
    read,
)
from lacs_ld.services.dumps.render import compress, render, triples_of
from lacs_ld.services.dumps.specs import SPECS, Spec
from lacs_ld.services.snapshot import Snapshot

log = logging.getLogger(__name__)


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
    made: list[DumpFile] = []
    # Each rendering is kept only until the last file made from it is written (bounded memory).
    uses = Counter((spec.graphs, spec.serializer) for spec in SPECS)
    cache: dict[tuple[tuple[str, ...], str], tuple[bytes, int]] = {}
    lines: dict[tuple[str, ...], list[str]] = {}
    for spec in SPECS:
        key = (spec.graphs, spec.serializer)
        if key not in cache:
            if spec.graphs not in lines:
                lines[spec.graphs] = triples_of(quads, snapshot.base, spec.graphs)
            cache[key] = render(spec, quads, lines[spec.graphs], prefixes)
        body, triples = cache[key]
        uses[key] -= 1
        if not uses[key]:
            del cache[key]
        data = compress(body) if spec.compressed else body
        (out / spec.name).write_bytes(data)
        made.append(_described(spec.name, spec, data, triples))
        del body, data
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
        spec = Spec(
            name,
            f"Triples {verb} since release {earlier.release}, N-Triples (sorted)",
            "application/n-triples",
            PARTS,
            "ntriples",
        )
        made.append(_described(name, spec, body, count))
    return made


def _described(name: str, spec: Spec, data: bytes, triples: int) -> DumpFile:
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


def export(snapshot: Snapshot, out: Path) -> Release:
    """Copy a release's downloads into a folder (for mirrors made without the server)."""
    source = ensure(snapshot)
    out.mkdir(parents=True, exist_ok=True)
    for entry in [*source.files, None]:
        name = entry.name if entry else SUMS
        shutil.copyfile(source.directory / name, out / name)
    return source
