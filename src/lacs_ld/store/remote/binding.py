"""Bindings as RDF terms in query text, for stores that take no substitutions.

The values are written in their N-Triples form (rdflib `n3()`, which refuses an IRI that
could break out of its angle brackets and escapes every literal), as whole tokens: in place
of the variable inside the query's WHERE group, and in a `VALUES` block at the head of that
group so the variable stays bound for the projection. Nothing the caller passes is ever
formatted into the text as raw characters. A bound variable must not be the target of
BIND or the projection of a sub-query (none of the service's queries does either).
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from lacs_ld.errors import StoreRejected
from lacs_ld.store.base import Bindings

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def term_text(term: Identifier) -> str:
    """A term as it is written in a VALUES row; blank nodes cannot be bound across HTTP."""
    if isinstance(term, URIRef | Literal):
        return term.n3()
    raise StoreRejected(f"a {type(term).__name__} cannot be bound in a query to a remote store")


def where_brace(query: str) -> int:
    """The offset just after the `{` opening the query's WHERE group."""
    form: str | None = None
    depth = 0
    template_done = False
    for match in _TOKEN.finditer(query):
        kind, value = match.lastgroup, match.group()
        if kind == "word" and form is None and value.upper() in FORMS:
            form = value.upper()
        elif kind == "open" and form is not None:
            # CONSTRUCT { template } WHERE { ... }, unless the short form CONSTRUCT WHERE {.
            if (
                form == "CONSTRUCT"
                and not template_done
                and depth == 0
                and not _follows_where(query, match.start())
            ):
                depth = 1
                continue
            if depth == 0:
                return match.end()
            depth += 1
        elif kind == "close" and depth > 0:
            depth -= 1
            if depth == 0:
                template_done = True
    raise StoreRejected("the query has no WHERE group to bind values in")


def _follows_where(query: str, position: int) -> bool:
    before = [m for m in _TOKEN.finditer(query[:position]) if m.lastgroup not in ("ws", "comment")]
    return bool(before) and before[-1].group().upper() == "WHERE"


def bind(query: str, bindings: Bindings | None) -> str:
    """The query with its bindings fixed as terms inside its WHERE group.

    Inside the group each bound variable is replaced by its term (as a substitution does, so
    the store's planner sees constants), and a VALUES block at the head of the group keeps
    bound those the rest of the query names (the projection, `SELECT *`, GROUP BY, the
    CONSTRUCT template). Only those: Virtuoso 7.2 plans a query joined with a VALUES block
    of constants far worse (seconds, where the constants alone take milliseconds).
    """
    if not bindings:
        return query
    names = sorted(bindings)
    for name in names:
        if not _NAME.match(name):
            raise StoreRejected(f"{name!r} is not a variable name")
    values = {name: term_text(bindings[name]) for name in names}
    at = where_brace(query)
    pieces: list[str] = [query[:at]]
    depth = 1
    position = at
    after = len(query)
    for match in _TOKEN.finditer(query, at):
        kind, value = match.lastgroup, match.group()
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                after = match.end()
                break
        elif kind == "var" and value[1:] in values:
            pieces.append(query[position : match.start()])
            pieces.append(values[value[1:]])
            position = match.end()
    pieces.append(query[position:])
    kept = _named_outside(query[:at] + " " + query[after:], names)
    if kept:
        head = " ".join(f"?{name}" for name in kept)
        row = " ".join(values[name] for name in kept)
        pieces.insert(1, f" VALUES ({head}) {{ ({row}) }}\n")
    return "".join(pieces)


def _named_outside(text: str, names: list[str]) -> list[str]:
    """The names the text outside the WHERE group mentions (all of them after a `*`)."""
    tokens = [m for m in _TOKEN.finditer(text) if m.lastgroup in ("var", "other")]
    if any(m.group() == "*" for m in tokens):
        return names
    used = {m.group()[1:] for m in tokens if m.lastgroup == "var"}
    return [name for name in names if name in used]


def without_idle_values(query: str) -> str:
    """The query without a trailing `VALUES` block whose one row is all `UNDEF`.

    Such a block joins nothing away (SPARQL 1.1 §10.2.2: UNDEF leaves a variable unbound),
    and the service's query files end with one naming the terms their callers bind; but
    Virtuoso 7.2 refuses any VALUES after the WHERE group of a CONSTRUCT or ASK.
    """
    tokens = [m for m in _TOKEN.finditer(query) if m.lastgroup not in ("ws", "comment")]
    words = [m.group().upper() for m in tokens]
    if "VALUES" not in words:
        return query
    start = len(words) - 1 - words[::-1].index("VALUES")
    tail = words[start + 1 :]
    try:
        names_end = tail.index(")")
        row_end = tail.index(")", names_end + 1)
    except ValueError:
        return query
    names, row = tail[1:names_end], tail[names_end + 3 : row_end]
    shape = [tail[0], tail[names_end + 1], tail[names_end + 2], *tail[row_end:]]
    idle = (
        shape == ["(", "{", "(", ")", "}"]
        and all(n.startswith(("?", "$")) for n in names)
        and row == ["UNDEF"] * len(names)
        and _depth_before(tokens, start) == 0
    )
    return query[: tokens[start].start()] + query[tokens[-1].end() :] if idle else query


def _depth_before(tokens: list[re.Match[str]], index: int) -> int:
    depth = 0
    for match in tokens[:index]:
        depth += {"open": 1, "close": -1}.get(match.lastgroup or "", 0)
    return depth
