"""A lexical look at SPARQL text: its form, update keywords, SERVICE, FROM and nesting depth.

The grammar's terminals (SPARQL 1.1 Query §19.8) are enough to tell keywords from the
same letters inside strings, IRIs, comments, variables and prefixed names, which is all
the endpoint needs to refuse what it will not run before any engine sees the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z][\w.-]*)?:(?:[\w.:%\\-]|\\.)*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

# Outside IRIs, the characters that can start a string, a comment or an escape: text without
# them needs no scan.
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_KEEPS_SPACE = re.compile(r"[\"'#\\]")

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)


@dataclass
class QueryShape:
    """What the text of a query or update says about itself."""

    form: str | None = None
    update_words: list[str] = field(default_factory=list)
    has_service: bool = False
    from_graphs: list[str] = field(default_factory=list)
    from_named: list[str] = field(default_factory=list)
    max_depth: int = 0
    unterminated: bool = False


def normalise(text: str) -> str:
    """The query with each run of whitespace and comments as one space: equal texts, one key.

    Strings and IRIs are kept exactly (their spaces are meaningful); everything else is kept
    as written, so two texts normalise alike only when they are the same query.
    """
    if text.isascii() and not _KEEPS_SPACE.search(_IRI.sub("", text)):
        # No string, comment or escape can hold whitespace here, and an IRI never does
        # (SPARQL 1.1 Query §19.8, IRIREF): every whitespace run is between tokens.
        return " ".join(text.split())
    parts: list[str] = []
    for match in _TOKEN.finditer(text):
        if match.lastgroup in ("ws", "comment"):
            if parts and parts[-1] != " ":
                parts.append(" ")
        else:
            parts.append(match.group())
    return "".join(parts).strip()


def analyse(text: str, base: str = "") -> QueryShape:
    """Scan a query once; prefixed and relative FROM IRIs are resolved as the parser would."""
    shape = QueryShape()
    prefixes: dict[str, tuple[str, str]] = {}  # resolved only if a FROM uses them
    words: list[tuple[str, str]] = []
    depth = 0
    current_base = base
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup or "other", match.group()
        if kind in ("ws", "comment"):
            continue
        if kind == "open":
            depth += 1
            shape.max_depth = max(shape.max_depth, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "other" and value in "\"'<":
            shape.unterminated = shape.unterminated or value in "\"'"
        words.append((kind, value))
    for index, (kind, value) in enumerate(words):
        upper = value.upper() if kind == "word" else ""
        if upper == "BASE" and _kind_at(words, index + 1) == "iri":
            current_base = urljoin(current_base, words[index + 1][1][1:-1])
        elif upper == "PREFIX" and _kind_at(words, index + 2) == "iri":
            prefixes[words[index + 1][1].rstrip(":")] = (current_base, words[index + 2][1][1:-1])
        elif upper in QUERY_FORMS and shape.form is None:
            shape.form = upper
        elif upper in UPDATE_WORDS:
            shape.update_words.append(upper)
        elif upper == "SERVICE":
            shape.has_service = True
        elif upper == "FROM":
            named = _word_at(words, index + 1) == "NAMED"
            target = words[index + 2] if named else _at(words, index + 1)
            iri = _resolve(target, prefixes, current_base)
            (shape.from_named if named else shape.from_graphs).append(iri)
    return shape


def _at(words: list[tuple[str, str]], index: int) -> tuple[str, str]:
    return words[index] if index < len(words) else ("other", "")


def _kind_at(words: list[tuple[str, str]], index: int) -> str:
    return _at(words, index)[0]


def _word_at(words: list[tuple[str, str]], index: int) -> str:
    kind, value = _at(words, index)
    return value.upper() if kind == "word" else ""


def _resolve(token: tuple[str, str], prefixes: dict[str, tuple[str, str]], base: str) -> str:
    kind, value = token
    if kind == "iri":
        return urljoin(base, value[1:-1])
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return urljoin(*prefixes[prefix]) + local
    return value
