"""SPARQL syntax errors in words: where the query stops making sense, and what could follow.

The engine lists every token it would accept, down to Unicode ranges; a person needs the
line and column, the line itself with a caret under the place, and the kinds of thing
that may come next.
"""

from __future__ import annotations

import re

_AT = re.compile(
    r"error at (?P<line>\d+):(?P<column>\d+): expected (?:one of )?(?P<expected>.*)", re.S
)
# What an expected token stands for, in the order people think of them.
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("a variable", ('"$"', '"?"')),
    ("an IRI", ('"<"',)),
    ("a prefixed name", ('":"', "['A' ..= 'Z'")),
    ("a blank node", ('"_:"', '"["')),
    ("a literal", ('"\'"', '"\\""', "\"'''\"", '"\\"\\"\\""', '"true"', '"false"')),
    ("a number", ("['0'..='9']", '"+"', '"-"')),
)


def explain(message: str, query: str) -> str:
    """The engine's message rewritten for people; unchanged when it is not of the known form."""
    found = _AT.search(message)
    if found is None:
        return message
    line, column = int(found["line"]), int(found["column"])
    expected = found["expected"]
    kinds = [name for name, marks in KINDS if any(m in expected for m in marks)]
    words = sorted(set(re.findall(r"(?<![\"'\w{])([A-Z][A-Z_]+)(?![\"'\w}])", expected)))
    punctuation = sorted(
        {
            p
            for p in re.findall(r'"([(){}\[\].,;*|/^!=<>&]+)"', expected)
            if not p.startswith(("<", "["))
        }
    )
    if len(words) > 6:  # a list of functions or keywords: a few show the kind
        words = [*words[:5], "…"]
    parts = kinds + [f"“{p}”" for p in punctuation] + words
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    where = (
        "the end of the query"
        if line > len(lines) or (line == len(lines) and column > len(text.rstrip()))
        else f"line {line}, column {column}"
    )
    said = f"The query could not be read at {where} ({line}:{column})"
    if parts:
        said += ": expected " + (
            ", ".join(parts[:-1]) + " or " + parts[-1] if len(parts) > 1 else parts[0]
        )
    said += "."
    if text:
        said += f"\n\n{line:>4} | {text}\n     | {' ' * max(column - 1, 0)}^"
    return said
