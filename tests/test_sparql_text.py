"""The lexical look at SPARQL: normalising a query keeps what it means."""

from __future__ import annotations

from lacs_ld.sparql_text import normalise


def test_normalise_folds_whitespace_and_comments_but_not_strings_or_iris() -> None:
    laid_out = 'SELECT ?s  # who\n WHERE {\n\t?s ?p "a  b" }'
    assert normalise(laid_out) == 'SELECT ?s WHERE { ?s ?p "a  b" }'
    assert normalise('ASK { ?s ?p "x#y" }') == 'ASK { ?s ?p "x#y" }'
    assert normalise("SELECT * WHERE { ?s ?p ?o } LIMIT 10") != normalise(
        "SELECT * WHERE { ?s ?p ?o } LIMIT 1 0"
    )
