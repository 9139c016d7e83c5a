"""Text crossing into and out of FTS5: the query's terms going in, marked snippets coming out.

No character of the search box can act as FTS5 syntax, and no character of the indexed text
can be taken for a match mark.
"""

from __future__ import annotations

import re

MAX_QUERY_CHARS = 200
MAX_TERMS = 16
HIT_START = "\ue000"
HIT_END = "\ue001"
_PARTS = re.compile(r'"([^"]*)"|([^"\s]+)')
_WORD = re.compile(r"\w+")
_MARKERS = re.compile("[\ue000\ue001]")


def parse_query(text: str) -> list[tuple[str, ...]]:
    """The terms of a query: each "quoted phrase" or bare token as a tuple of its words.

    Only `\\w` runs survive, so no character of the input can act as FTS5 syntax; an
    unbalanced quote is ignored.
    """
    terms: list[tuple[str, ...]] = []
    for phrase, bare in _PARTS.findall(text):
        words = tuple(w.casefold() for w in _WORD.findall(phrase or bare))
        if words and words not in terms:
            terms.append(words)
    return terms[:MAX_TERMS]


def plain(text: str) -> str:
    """A title as its words, casefolded: what a search for exactly that title would hold."""
    return " ".join(w.casefold() for w in _WORD.findall(text))


def fts_expression(terms: list[tuple[str, ...]]) -> str:
    """The FTS5 query for parsed terms: each a quoted string of word characters, ANDed."""
    return " ".join('"' + " ".join(words) + '"' for words in terms)


def split_highlights(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet as (text, highlighted) parts; the caller escapes each part."""
    parts: list[tuple[str, bool]] = []
    for n, chunk in enumerate(snippet.split(HIT_START)):
        if n == 0:
            if chunk:
                parts.append((chunk, False))
            continue
        hit, _, rest = chunk.partition(HIT_END)
        if hit:
            parts.append((hit, True))
        if rest:
            parts.append((rest, False))
    return parts


def unmarked(text: str) -> str:
    """Indexed text without the marker characters, so only FTS5 can put them in a snippet."""
    return _MARKERS.sub("", text)


def shorten(text: str, limit: int = 240) -> str:
    """The start of a text, cut at a word, for a hit whose match gave no snippet."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
