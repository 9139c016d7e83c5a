"""Bound values and the trailing VALUES of the service's query files, as a store is sent them."""

from __future__ import annotations

from rdflib import URIRef

from lacs_ld.store.remote.binding import bind, without_idle_values

THIS = {"this": URIRef("http://x/a")}


def test_a_trailing_values_row_of_undef_only_is_dropped() -> None:
    text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }\n# bound by the caller\nVALUES (?p ?o) { (UNDEF UNDEF) }\n"
    assert "VALUES" not in without_idle_values(text)


def test_a_values_row_with_a_value_or_inside_the_group_is_kept() -> None:
    for text in (
        "SELECT * WHERE { ?s ?p ?o } VALUES (?s) { (<http://x/a>) }",
        "SELECT * WHERE { ?s ?p ?o VALUES (?s) { (UNDEF) } }",
    ):
        assert without_idle_values(text) == text


def test_a_variable_named_only_inside_the_where_group_gets_no_values_block() -> None:
    text = bind("CONSTRUCT { ?part ?p ?o } WHERE { ?this ?link ?part . ?part ?p ?o }", THIS)
    assert "VALUES" not in text and "<http://x/a> ?link ?part" in text


def test_a_variable_the_template_or_a_star_names_stays_bound() -> None:
    for text in ("CONSTRUCT { ?this ?p ?o } WHERE { ?this ?p ?o }", "SELECT * { ?this ?p ?o }"):
        assert "VALUES (?this) { (<http://x/a>) }" in bind(text, THIS)
