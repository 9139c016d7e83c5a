"""Turtle problems said the way an editor shows them: file, line, the line itself, a caret.

rdflib reports a syntax error with a Python bytes excerpt and logs a traceback for every
literal whose lexical form does not fit its datatype; a person editing data/ needs neither.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.parsers.notation3 import BadSyntax

RDFLIB_TERM_LOGGER = "rdflib.term"


def syntax_error(name: str, exc: Exception) -> str:
    """'FILE, line N, column C: Turtle syntax error: WHY', then the line and a caret under C."""
    if not isinstance(exc, BadSyntax):
        return f"{name}: Turtle syntax error: {exc}"
    text = exc._str.decode("utf-8", errors="replace")
    at = min(max(exc._i, 0), len(text))
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].rstrip("\r")
    column = at - start
    number = text.count("\n", 0, start) + 1
    return (
        f"{name}, line {number}, column {column + 1}: Turtle syntax error: {exc._why}\n"
        f"    {line.expandtabs(1)}\n"
        f"    {' ' * column}^"
    )


def ill_typed_literals(graph: Graph, path: Path, name: str, base: str) -> list[str]:
    """One line per literal whose lexical form is not valid for its datatype (XSD 1.1)."""
    bad = sorted(
        {
            (str(s), str(p), o)
            for s, p, o in graph
            if isinstance(o, Literal) and o.ill_typed and o.datatype is not None
        },
        key=lambda found: (found[0], found[1], str(found[2])),
    )
    if not bad:
        return []
    text = path.read_text(encoding="utf-8", errors="replace")
    problems = []
    for subject, predicate, literal in bad:
        datatype = _short(URIRef(str(literal.datatype)), base)
        problems.append(
            f"{name}, line {_line_of(text, str(literal))}: {_short(URIRef(subject), base)} "
            f'{_short(URIRef(predicate), base)} "{literal}"^^{datatype}: '
            f"not a valid {datatype}"
        )
    return problems


@contextmanager
def quiet_literal_warnings() -> Iterator[None]:
    """Drop rdflib's traceback-carrying warning for ill-typed literals; they are reported."""

    def keep(record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form")

    logger = logging.getLogger(RDFLIB_TERM_LOGGER)
    logger.addFilter(keep)
    try:
        yield
    finally:
        logger.removeFilter(keep)


def _line_of(text: str, lexical: str) -> int:
    """The line of the first quoted occurrence of the lexical form (1 if it is not found)."""
    for written in (f'"{lexical}"^^', f"'{lexical}'^^", f'"{lexical}"', f"'{lexical}'", lexical):
        at = text.find(written)
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return 1


def _short(iri: URIRef, base: str) -> str:
    text = str(iri)
    if text.startswith(str(XSD)):
        return "xsd:" + text[len(str(XSD)) :]
    return "<" + (text[len(base) :] if text.startswith(base) else text) + ">"
