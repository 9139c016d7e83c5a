"""Turtle problems said the way an editor shows them: file, line, the line itself, a caret.

A parser's own message names a line and column; a person editing data/ wants to see the
line. A literal whose lexical form does not fit its datatype (`"2009-13-45"^^xsd:date`)
parses, so it is found afterwards and named by file, line, term and value.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

# Datatypes every lexical form is valid for: no need to check them.
ANY_LEXICAL = frozenset({str(XSD.string), str(RDF.langString), str(RDF.HTML), str(RDF.XMLLiteral)})
_POSITION = re.compile(
    r"^Parser error (at line \d+ (between columns \d+ and \d+|column \d+)|"
    r"between line \d+ column \d+ and line \d+ column \d+): "
)


def syntax_error(shown_as: str, path: Path, exc: SyntaxError) -> str:
    """'FILE, line N, column C: Turtle syntax error: WHY', then the line and a caret under C."""
    why = _POSITION.sub("", str(exc.msg or exc))
    if not exc.lineno:
        return f"{shown_as}: Turtle syntax error: {why}"
    column = max(exc.offset or 1, 1)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    heading = f"{shown_as}, line {exc.lineno}, column {column}: Turtle syntax error: {why}"
    if not 0 < exc.lineno <= len(lines):
        return heading
    line = lines[exc.lineno - 1]
    # Tabs shown as one space each, so the caret stays under the column's character.
    return f"{heading}\n    {line.expandtabs(1)}\n    {' ' * (column - 1)}^"


def ill_typed(lexical: str, datatype: str) -> bool:
    """Whether a lexical form is not valid for its datatype (XSD 1.1, as rdflib checks it)."""
    if datatype in ANY_LEXICAL:
        return False
    with quiet_literal_warnings():
        return bool(Literal(lexical, datatype=URIRef(datatype)).ill_typed)


def literal_problem(
    shown_as: str, text: str, subject: str, predicate: str, lexical: str, datatype: str, base: str
) -> str:
    """'FILE, line N: <subject> <predicate> "value"^^datatype: not a valid datatype'."""
    kind = _short(datatype, base)
    return (
        f"{shown_as}, line {line_of(text, lexical)}: {_short(subject, base)} "
        f'{_short(predicate, base)} "{lexical}"^^{kind}: not a valid {kind}'
    )


def line_of(text: str, lexical: str) -> int:
    """The line of the first typed occurrence of a lexical form (1 if it is not found)."""
    for written in (f'"{lexical}"^^', f"'{lexical}'^^", f'"{lexical}"', f"'{lexical}'"):
        at = text.find(written)
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return 1


@contextmanager
def quiet_literal_warnings() -> Iterator[None]:
    """rdflib logs a traceback for each ill-typed literal it meets; they are reported instead."""

    def keep(record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form")

    logger = logging.getLogger("rdflib.term")
    logger.addFilter(keep)
    try:
        yield
    finally:
        logger.removeFilter(keep)


def _short(iri: str, base: str) -> str:
    if iri.startswith(str(XSD)):
        return "xsd:" + iri[len(str(XSD)) :]
    return "<" + (iri[len(base) :] if iri.startswith(base) else iri) + ">"
