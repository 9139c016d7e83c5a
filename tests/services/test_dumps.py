"""Downloads are derived from the snapshot, reproducible to the byte and self-checking."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from rdflib import Graph
from rdflib.compare import isomorphic

from lacs_ld import cli
from lacs_ld.services import changes, dumps
from lacs_ld.services.publish import Publication
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.store import open_store
from tests.conftest import TEST_BASE, make_settings


@pytest.fixture(scope="module")
def snapshot(app: Flask) -> Snapshot:
    current: Snapshot = app.extensions["lacs"].snapshot
    return current


@pytest.fixture(scope="module")
def release(snapshot: Snapshot) -> dumps.Release:
    return dumps.ensure(snapshot)


def published_triples(snapshot: Snapshot) -> int:
    return sum(snapshot.graph_triples[part] for part in dumps.PARTS)


def test_writing_the_downloads_twice_gives_identical_bytes(
    snapshot: Snapshot, tmp_path: Path
) -> None:
    first = dumps.write(snapshot, tmp_path / "first")
    second = dumps.write(snapshot, tmp_path / "second")
    assert [f.sha256 for f in first] == [f.sha256 for f in second]
    for name in sorted(p.name for p in (tmp_path / "first").iterdir()):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()


def test_published_downloads_equal_freshly_written_ones(
    release: dumps.Release, snapshot: Snapshot, tmp_path: Path
) -> None:
    dumps.write(snapshot, tmp_path)
    for file in release.files:
        assert (tmp_path / file.name).read_bytes() == (release.directory / file.name).read_bytes()
    assert (tmp_path / dumps.SUMS).read_bytes() == (release.directory / dumps.SUMS).read_bytes()


def test_sha256sums_lists_every_file_in_sha256sum_format(release: dumps.Release) -> None:
    lines = release.sums().splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == sorted(f.name for f in release.files)
    for file, line in zip(release.files, lines, strict=True):
        digest = hashlib.sha256((release.directory / file.name).read_bytes()).hexdigest()
        assert line == f"{digest}  {file.name}"
        assert file.size == (release.directory / file.name).stat().st_size


def test_sha256sum_c_verifies_the_release(release: dumps.Release) -> None:
    result = subprocess.run(
        ["sha256sum", "-c", dumps.SUMS],
        cwd=release.directory,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": OK") == len(release.files)


def test_gzip_files_carry_no_timestamp_or_name(release: dumps.Release) -> None:
    for file in release.files:
        if file.compressed:
            header = (release.directory / file.name).read_bytes()[:10]
            assert header[:2] == b"\x1f\x8b"
            assert header[3] == 0  # no FNAME, FCOMMENT or FEXTRA
            assert header[4:8] == b"\0\0\0\0"  # MTIME 0


def test_ntriples_dump_is_sorted_and_states_every_published_triple(
    release: dumps.Release, snapshot: Snapshot
) -> None:
    lines = gzip.decompress((release.directory / "lacs-ld.nt.gz").read_bytes()).decode()
    triples = lines.splitlines()
    assert triples == sorted(triples)
    assert len(triples) == published_triples(snapshot) == release.triples
    file = release.file("lacs-ld.nt.gz")
    assert file is not None and file.triples == len(triples)
    assert f"<{TEST_BASE}graph/" not in lines.split(" .\n", 1)[0]
    assert any(t.startswith(f"<{TEST_BASE}id/authority/E08000025> ") for t in triples)


def test_part_files_hold_exactly_their_graph(release: dumps.Release, snapshot: Snapshot) -> None:
    quads = Graph()
    shapes_graph = f"<{TEST_BASE}graph/shapes> ."
    nt = "\n".join(
        line[: -len(shapes_graph)] + "."
        for line in snapshot.dataset.read_text().splitlines()
        if line.endswith(shapes_graph)
    )
    quads.parse(data=nt, format="nt")
    shapes = Graph().parse(release.directory / "lacs-ld-shapes.ttl", format="turtle")
    assert len(shapes) == snapshot.graph_triples["shapes"]
    assert isomorphic(shapes, quads)
    vocabulary = Graph().parse(release.directory / "lacs-ld-vocabulary.ttl", format="turtle")
    assert len(vocabulary) == snapshot.graph_triples["vocabulary"]


def test_validation_report_beside_the_dump_conforms(release: dumps.Release) -> None:
    report = Graph().parse(release.directory / dumps.REPORT, format="turtle")
    assert release.conforms
    answer = report.query(
        "ASK { ?r a <http://www.w3.org/ns/shacl#ValidationReport> ;"
        " <http://www.w3.org/ns/shacl#conforms> true }"
    )
    assert answer.askAnswer


def test_dump_command_writes_the_files_and_prints_their_checksums(
    release: dumps.Release, settings: object, tmp_path: Path
) -> None:
    out = tmp_path / "mirror"
    args = [
        "dump",
        str(out),
        "--base-uri",
        TEST_BASE,
        "--state-dir",
        str(release.directory.parents[2]),
    ]
    for flag, folder in (
        ("--data-dir", "data"),
        ("--ontology-dir", "ontology"),
        ("--shapes-dir", "shapes"),
    ):
        args += [flag, str(getattr(settings, f"{folder}_dir"))]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    assert result.output.count("  ") >= len(release.files)
    assert (out / dumps.SUMS).read_text() == release.sums()
    for file in release.files:
        assert f"{file.sha256}  {file.name}" in result.output
        assert hashlib.sha256((out / file.name).read_bytes()).hexdigest() == file.sha256


def test_a_second_publish_of_unchanged_data_gives_byte_identical_downloads(
    snapshot: Snapshot, release: dumps.Release, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    copy = state / "snapshots" / snapshot.key
    shutil.copytree(snapshot.directory, copy, ignore=shutil.ignore_patterns(dumps.FOLDER))
    earlier = changes.previous(snapshot)  # added.nt and removed.nt are made against it
    if earlier is not None:
        shutil.copytree(earlier.directory, state / "snapshots" / earlier.key)
    settings = make_settings(state)
    publication = Publication(settings, open_store(settings))
    try:
        again = publication.publish()
    finally:
        publication.store.close()
    assert again.key == snapshot.key
    republished = dumps.read(dumps.folder(again))
    assert republished is not None
    assert republished.sums() == release.sums()
    for file in release.files:
        assert (copy / dumps.FOLDER / file.name).read_bytes() == (
            release.directory / file.name
        ).read_bytes()
