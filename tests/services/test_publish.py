"""Publishing is all-or-nothing: invalid data never replaces good data."""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path

import pytest
from flask import Flask

from lacs_ld.errors import PublishError
from lacs_ld.services import dumps
from lacs_ld.services.build import build
from lacs_ld.services.publish import Publication, current
from lacs_ld.settings import Settings
from lacs_ld.store import open_store
from lacs_ld.store.loading import LoadedGraphs
from tests.conftest import TEST_BASE, make_settings

COUNT_AUTHORITIES = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <%sdef/lacs#LocalAuthority> }"


def break_shapes(data: Path) -> Path:
    """Remove every label from the authorities file: a SHACL violation, syntax intact."""
    target = data / "generated" / "authorities.ttl"
    text = target.read_text()
    target.write_text(re.sub(r"\n\s+rdfs:label [^;]+;", "\n", text))
    return target


def test_published_snapshot_is_reused_when_inputs_are_byte_identical(settings: Settings) -> None:
    first = build(settings)
    second = build(settings)
    assert first.key == second.key
    assert first.dataset.read_bytes() == second.dataset.read_bytes()
    assert first.triples > 0 and "0 violations" in first.validation


def test_dataset_is_sorted_n_quads_under_the_configured_base(settings: Settings) -> None:
    lines = build(settings).dataset.read_text().splitlines()
    assert lines == sorted(lines)
    assert any(line.startswith(f"<{TEST_BASE}id/authority/E08000025>") for line in lines)
    assert not any("127.0.0.1:5000" in line for line in lines)


def test_turtle_syntax_error_names_the_file_and_line(tmp_path: Path, data_copy: Path) -> None:
    (data_copy / "broken.ttl").write_text(
        "@prefix ex: <http://example.org/> .\n\nex:a ex:b ex:c ;\n"
    )
    settings = make_settings(tmp_path / "state", data_dir=data_copy)
    with pytest.raises(PublishError) as caught:
        build(settings)
    assert "broken.ttl" in caught.value.message
    assert re.search(r"line \d+", caught.value.message)


def test_failed_reload_keeps_serving_the_previous_snapshot(
    app: Flask, data_copy: Path, settings: Settings
) -> None:
    publication = app.extensions["lacs"]
    before = publication.snapshot
    query = COUNT_AUTHORITIES % settings.base_uri
    served = publication.store.select(query)[0]["n"]
    break_shapes(data_copy)
    ok, message = publication.reload(data_copy)
    assert not ok
    assert "previous snapshot" in message
    assert "authorities.ttl" in message and "rdfs:label" in message
    assert publication.snapshot is before
    assert publication.store.select(query)[0]["n"] == served
    client = app.test_client()
    assert client.get("/lacs/health").json["release"] == before.release


def _full_disk(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", "dataset.nq")


@pytest.mark.parametrize("where", ["snapshot", "downloads"])
def test_a_full_disk_while_publishing_keeps_the_previous_snapshot_current(
    own_state: Settings, data_copy: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    before = (own_state.state_dir / "current").read_text()
    (data_copy / "release.json").write_text(
        json.dumps({"version": "9.9.9", "issued": "2026-12-01"})
    )
    if where == "snapshot":
        monkeypatch.setattr(LoadedGraphs, "write_nquads", _full_disk)
    else:
        monkeypatch.setattr(dumps, "write", _full_disk)
    settings = make_settings(own_state.state_dir, data_dir=data_copy)
    publication = Publication(settings, open_store(settings))
    with pytest.raises(PublishError) as caught:
        publication.publish()
    assert "No space left on device" in caught.value.message
    ok, message = publication.reload()
    assert not ok and "No space left on device" in message
    assert (own_state.state_dir / "current").read_text() == before
    assert not list((own_state.state_dir / "snapshots").glob(".staging-*"))
    assert publication.snapshot is None


def test_changed_data_under_the_same_version_gets_a_new_release_and_the_old_files_stay(
    own_state: Settings, data_copy: Path
) -> None:
    before = current(own_state)
    old_files = {p.name: p.read_bytes() for p in (before.directory / "dumps").iterdir()}
    target = data_copy / "generated" / "authorities.ttl"
    text = target.read_text()
    assert '"Birmingham" ;' in text
    target.write_text(text.replace('"Birmingham" ;', '"Birmingham City" ;', 1))
    after = build(make_settings(own_state.state_dir, data_dir=data_copy))
    assert after.version == before.version and after.issued == before.issued
    assert after.release != before.release
    assert after.release.startswith(f"{before.version}-{before.issued}-")
    assert {p.name: p.read_bytes() for p in (before.directory / "dumps").iterdir()} == old_files


def test_the_same_content_keeps_its_release_id(own_state: Settings, data_copy: Path) -> None:
    before = current(own_state)
    (data_copy / "curated" / "quotes.ttl").write_text(
        (data_copy / "curated" / "quotes.ttl").read_text() + "\n# a comment changes no triple\n"
    )
    after = build(make_settings(own_state.state_dir, data_dir=data_copy))
    assert after.key != before.key
    assert after.release == before.release
