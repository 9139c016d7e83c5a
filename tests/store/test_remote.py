"""The remote backend's edges: bound values stay terms, failures become 502/504/400, and
behind a reverse proxy only the base URI makes links."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from lacs_ld.app import create_app
from lacs_ld.errors import SettingError, StoreRejected, StoreUnavailable
from lacs_ld.settings import Settings
from lacs_ld.store.remote import RemoteStore
from lacs_ld.store.remote.binding import bind
from tests.conftest import TEST_BASE, free_port, make_settings

HOSTILE = [
    Literal('x" } } ; DROP ALL ; SELECT * { ?s ?p "'),
    Literal("line\nbreak \"\"\" and ''' quotes\\", lang="en"),
    Literal("7", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")),
    URIRef("http://example.test/a#b?c=d"),
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_bound_values_match_only_themselves_whatever_their_characters(
    value: URIRef | Literal,
) -> None:
    store = ox.Store()
    subject = ox.NamedNode("http://example.test/s")
    predicate = ox.NamedNode("http://example.test/p")
    if isinstance(value, URIRef):
        obj: ox.NamedNode | ox.Literal = ox.NamedNode(str(value))
    else:
        assert isinstance(value, Literal)
        obj = ox.Literal(
            str(value),
            language=value.language,
            datatype=ox.NamedNode(str(value.datatype)) if value.datatype else None,
        )
    store.add(ox.Quad(subject, predicate, obj))
    store.add(ox.Quad(subject, predicate, ox.Literal("other")))
    assert isinstance(value, URIRef | Literal)
    text = bind("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": value})
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    assert len(list(result)) == 1


def test_an_iri_that_would_break_out_of_its_brackets_is_refused() -> None:
    with pytest.raises(Exception, match="valid URI"):
        bind("ASK { ?this ?p ?o }", {"this": URIRef("http://x/> } ; DROP ALL ; <")})


def test_a_blank_node_cannot_be_bound_across_http() -> None:
    with pytest.raises(StoreRejected):
        bind("ASK { ?this ?p ?o }", {"this": BNode()})


def test_bindings_reach_the_construct_where_group_not_the_template() -> None:
    text = bind("CONSTRUCT { ?this ?p ?o } WHERE { ?this ?p ?o }", {"this": URIRef("http://x/a")})
    assert text.startswith("CONSTRUCT { ?this ?p ?o } WHERE { VALUES (?this) { (<http://x/a>) }")
    assert text.endswith("<http://x/a> ?p ?o }")


def remote(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "backend": "remote",
        "sparql_query_url": f"http://127.0.0.1:{free_port()}/query",
        "sparql_update_url": "",
        "remote_user": "reader",
        "remote_password": "s3cret-value",
    }
    values.update(overrides)
    return make_settings(tmp_path, **values)


def test_the_remote_backend_without_a_query_url_is_a_setting_error(tmp_path: Path) -> None:
    with pytest.raises(SettingError, match="LACS_LD_SPARQL_QUERY_URL"):
        RemoteStore(remote(tmp_path, sparql_query_url=""))


def test_an_unreachable_store_is_store_unavailable_without_the_password(tmp_path: Path) -> None:
    store = RemoteStore(remote(tmp_path))
    with pytest.raises(StoreUnavailable) as caught:
        store.ask("ASK { ?s ?p ?o }")
    assert caught.value.status == 502
    assert "s3cret" not in caught.value.message
    assert "s3cret" not in repr(store)


@pytest.mark.parametrize("trusted", [0, 1])
def test_forwarded_host_and_proto_never_change_a_link(
    settings: Settings, trusted: int, state_dir: Path
) -> None:
    app = create_app(make_settings(state_dir, trusted_proxies=trusted))
    try:
        client = app.test_client()
        forwarded = {
            "X-Forwarded-Host": "evil.example",
            "X-Forwarded-Proto": "http",
            "X-Forwarded-Prefix": "/elsewhere",
            "X-Forwarded-For": "203.0.113.9",
        }
        for url in ("/lacs/id/authority/E08000025", "/lacs/doc/authority/E08000025.html", "/lacs/"):
            response = client.get(url, headers={**forwarded, "Accept": "text/html"})
            body = response.get_data(as_text=True) + str(response.headers)
            assert "evil.example" not in body and "/elsewhere" not in body, url
            assert response.status_code in (200, 303)
            if response.status_code == 303:
                assert response.headers["Location"].startswith(TEST_BASE)
    finally:
        app.extensions["lacs"].store.close()
