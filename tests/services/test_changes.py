"""Consecutive releases kept side by side publish what changed: added.nt and removed.nt."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from flask import Flask

from lacs_ld.services import changes, dumps
from lacs_ld.services.snapshot import Snapshot

BIRMINGHAM = "<https://data.example.test/lacs/id/authority/E08000025>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def copy_snapshot(source: Snapshot, home: Path, release: str, issued: str) -> Snapshot:
    """A kept snapshot folder under another release name (its data may then be edited)."""
    directory = home / release
    directory.mkdir(parents=True)
    for name in ("dataset.nq", "validation.ttl"):
        shutil.copyfile(source.directory / name, directory / name)
    copied = replace(source, key=release, release=release, issued=issued, directory=directory)
    copied.write_manifest()
    return copied


def test_a_release_lists_the_triples_added_and_removed_since_the_previous_one(
    app: Flask, tmp_path: Path
) -> None:
    current: Snapshot = app.extensions["lacs"].snapshot
    home = tmp_path / "snapshots"
    earlier = copy_snapshot(current, home, "1.0.0-2026-01-01", "2026-01-01")
    later = copy_snapshot(current, home, "1.1.0-2026-02-01", "2026-02-01")
    lines = later.dataset.read_text().splitlines()
    old = next(line for line in lines if line.startswith(f"{BIRMINGHAM} {LABEL} "))
    new = old.replace('"Birmingham"', '"Birmingham City"')
    later.dataset.write_text("\n".join(sorted(new if x == old else x for x in lines)) + "\n")

    assert changes.previous(later) == earlier
    assert changes.previous(earlier) is None
    out = tmp_path / "out"
    made = {f.name: f for f in dumps.write(later, out)}
    assert (out / changes.ADDED).read_text() == new.rsplit(" <", 1)[0] + " .\n"
    assert (out / changes.REMOVED).read_text() == old.rsplit(" <", 1)[0] + " .\n"
    assert made[changes.ADDED].triples == made[changes.REMOVED].triples == 1
    assert "1.0.0-2026-01-01" in made[changes.ADDED].title
    sums = (out / dumps.SUMS).read_text()
    assert f"{made[changes.ADDED].sha256}  added.nt" in sums


def test_the_first_release_has_no_change_files(app: Flask, tmp_path: Path) -> None:
    current: Snapshot = app.extensions["lacs"].snapshot
    only = copy_snapshot(current, tmp_path / "snapshots", "1.0.0-2026-01-01", "2026-01-01")
    names = {f.name for f in dumps.write(only, tmp_path / "out")}
    assert changes.ADDED not in names and changes.REMOVED not in names
