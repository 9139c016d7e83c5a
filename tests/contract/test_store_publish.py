"""Publishing into a remote store is all-or-nothing, on each store: a release the store
refuses part of the way through leaves the previous release served and nothing behind
(Oxigraph takes it as one request, Virtuoso in parts: the last part is refused)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from lacs_ld.errors import PublishError
from lacs_ld.store.remote import RemoteStore
from tests.conftest import TEST_BASE

DATA = f"<{TEST_BASE}graph/data>"


def broken_release(app: Flask, folder: Path) -> Path:
    """The release's data graph, then a quad the store cannot parse: sent in parts, it
    comes in the last, after every other part is taken."""
    lines = (app.extensions["lacs"].snapshot.directory / "dataset.nq").read_text().splitlines()
    ours = [line for line in lines if line.endswith(f"{DATA} .")]
    ours.append(f'<{TEST_BASE}id/x> <{TEST_BASE}def/lacs#text> "never closed {DATA} .')
    folder.mkdir()
    (folder / "dataset.nq").write_text("\n".join(ours) + "\n")
    return folder / "dataset.nq"


def test_a_release_refused_midway_leaves_the_previous_release_served(
    backend_apps: dict[str, Flask], tmp_path: Path
) -> None:
    app = backend_apps["remote"]
    store = app.extensions["lacs"].store
    assert isinstance(store, RemoteStore)
    before = {g: n for g, n in store.graph_sizes().items() if g.startswith(TEST_BASE)}
    document = app.test_client().get("/lacs/doc/authority/E06000001.nt").get_data()
    with pytest.raises(PublishError, match="the previous release is still served"):
        store.replace(broken_release(app, tmp_path / "broken"))
    after = {g: n for g, n in store.graph_sizes().items() if g.startswith(TEST_BASE)}
    assert after == before  # the published graphs, and no staging graph left behind
    assert not [g for g in after if "#loading-" in g]
    again = app.test_client().get("/lacs/doc/authority/E06000001.nt?again")
    assert again.status_code == 200 and again.get_data() == document
