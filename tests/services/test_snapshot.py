"""A snapshot proves its files: a damaged one is rebuilt, replaced by the previous, or refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lacs_ld.services import search
from lacs_ld.services.pictures import artefact as pictures
from lacs_ld.services.publish import current
from lacs_ld.services.snapshot import MANIFEST, Snapshot, SnapshotDamaged, sha256_of
from lacs_ld.settings import Settings
from tests.conftest import make_settings, served, truncate


def without_data(settings: Settings, tmp_path: Path) -> Settings:
    """The same state, with no data folder to rebuild from."""
    return make_settings(settings.state_dir, data_dir=tmp_path / "no-data")


def test_manifest_records_the_checksum_of_every_file(own_state: Settings) -> None:
    snapshot = served(own_state)
    on_disk = {
        p.relative_to(snapshot.directory).as_posix()
        for p in snapshot.directory.rglob("*")
        if p.is_file() and p.name != MANIFEST
    }
    assert set(snapshot.files) == on_disk
    assert {"dataset.nq", "validation.ttl", "dumps/lacs-ld.ttl", "dumps/SHA256SUMS"} <= on_disk
    assert f"artefacts/{search.FILE}" in on_disk  # the lists and search, built at publish
    assert pictures.FILE in on_disk  # the home page's pictures, built at publish
    assert any(name.startswith("oxigraph/") for name in on_disk)
    for name, digest in snapshot.files.items():
        assert sha256_of(snapshot.directory / name) == digest
    assert snapshot.damaged() == []


def test_a_damaged_store_file_is_named(own_state: Settings) -> None:
    snapshot = served(own_state)
    table = max((snapshot.directory / "oxigraph").glob("*.sst"), key=lambda p: p.stat().st_size)
    with table.open("r+b") as handle:
        handle.seek(table.stat().st_size // 2)
        handle.write(b"\x00garbage\xff" * 8)
    assert snapshot.damaged() == [f"oxigraph/{table.name} (checksum differs)"]


def test_a_damaged_search_file_is_named(own_state: Settings) -> None:
    snapshot = served(own_state)
    truncate(snapshot.directory / "artefacts" / search.FILE)
    assert snapshot.damaged() == [f"artefacts/{search.FILE} (checksum differs)"]


def test_a_truncated_dataset_is_rebuilt_from_the_data(own_state: Settings) -> None:
    snapshot = served(own_state)
    truncate(snapshot.dataset)
    loaded = current(own_state)
    assert loaded.key == snapshot.key
    assert loaded.damaged() == []
    assert loaded.dataset.read_bytes().count(b"\n") == snapshot.triples


def test_a_damaged_snapshot_falls_back_to_the_previous_one(
    own_state: Settings, tmp_path: Path
) -> None:
    snapshot = served(own_state)
    previous = own_state.state_dir / "snapshots" / "previous-copy"
    shutil.copytree(snapshot.directory, previous)
    (own_state.state_dir / "previous").write_text("previous-copy\n")
    truncate(snapshot.dataset)
    settings = without_data(own_state, tmp_path)
    assert current(settings).directory == previous


def test_a_damaged_snapshot_with_nothing_to_fall_back_on_is_refused_naming_the_file(
    own_state: Settings, tmp_path: Path
) -> None:
    snapshot = served(own_state)
    truncate(snapshot.dataset)
    with pytest.raises(SnapshotDamaged) as caught:
        current(without_data(own_state, tmp_path))
    assert str(snapshot.dataset) in caught.value.message
    assert "checksum differs" in caught.value.message


@pytest.mark.parametrize("garbage", [b"{not json", b"[1, 2]", b"\xff\xfe", b'{"key": 1}'])
def test_a_garbage_manifest_is_a_clear_message(own_state: Settings, garbage: bytes) -> None:
    snapshot = served(own_state)
    (snapshot.directory / MANIFEST).write_bytes(garbage)
    with pytest.raises(SnapshotDamaged) as caught:
        Snapshot.load(snapshot.directory)
    assert f"{snapshot.directory / MANIFEST}: not a readable manifest" in caught.value.message
