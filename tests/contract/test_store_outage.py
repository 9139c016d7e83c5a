"""The remote store going away is a 502 that says so; the service recovers when it is back
(shown on `oxigraph serve`, which this test stops and starts again)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from tests.contract.conftest import OxigraphServer


@pytest.fixture
def restarted(oxigraph: OxigraphServer) -> Iterator[OxigraphServer]:
    yield oxigraph
    if oxigraph.process is None:
        oxigraph.start()


def urls(tag: str) -> list[str]:
    """Requests no earlier test made (answers are cached per snapshot)."""
    return [
        f"/lacs/sparql?query=ASK%7B%3Fs%20%3Fp%20%3F{tag}%7D",
        f"/lacs/doc/authority/E0800000{len(tag)}.nt",
    ]


def test_killing_the_store_gives_502_with_a_clear_message_then_recovers_on_restart(
    app: Flask, oxigraph_app: Flask, restarted: OxigraphServer
) -> None:
    client = oxigraph_app.test_client()
    for url in urls("up"):
        assert client.get(url).status_code == 200, url
    restarted.stop()
    for url in urls("down"):
        response = client.get(url)
        assert response.status_code == 502, url
        text = response.get_data(as_text=True)
        assert "SPARQL store" in text and "cannot be reached" in text
    # The embedded backend does not notice.
    assert app.test_client().get(urls("down")[0]).status_code == 200
    restarted.start()
    for url in urls("again"):
        assert client.get(url).status_code == 200, url
