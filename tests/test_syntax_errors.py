"""SPARQL syntax errors in words: the line and column, a caret, and what could come next."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from lacs_ld.syntax_errors import explain


def engine_message(query: str) -> str:
    with pytest.raises(SyntaxError) as raised:
        ox.Store().query(query)
    return str(raised.value)


def test_an_unfinished_query_is_said_to_end_too_early_with_what_may_follow() -> None:
    query = "SELECT * WHERE { ?s ?p "
    said = explain(engine_message(query), query)
    assert said.startswith("The query could not be read at the end of the query (1:24)")
    assert "a variable" in said and "an IRI" in said and "a literal" in said
    assert "\\u{" not in said and "'0'..=" not in said and "FDCF" not in said
    assert said.endswith("   1 | SELECT * WHERE { ?s ?p \n     |                        ^")


def test_a_mistake_on_a_later_line_names_that_line() -> None:
    query = "SELECT ?x\nWHRE { ?x ?p ?o }"
    said = explain(engine_message(query), query)
    assert "line 2, column" in said
    assert "   2 | WHRE { ?x ?p ?o }" in said


def test_a_message_of_another_form_is_kept_as_it_is() -> None:
    assert explain("something else went wrong", "ASK {}") == "something else went wrong"
