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


def test_normalise_keeps_hash_iris_and_drops_comments_after_them() -> None:
    plain = (
        "PREFIX s: <http://www.w3.org/2000/01/rdf-schema#>\n\tSELECT ?l\n WHERE { ?x s:label ?l }"
    )
    assert normalise(plain) == (
        "PREFIX s: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE { ?x s:label ?l }"
    )
    commented = "SELECT ?l WHERE { ?x <http://a.test/#label> ?l } # a <note#>\n LIMIT 1"
    assert normalise(commented) == "SELECT ?l WHERE { ?x <http://a.test/#label> ?l } LIMIT 1"
