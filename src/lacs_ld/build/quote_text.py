"""Page text of the inspection reports, normalised for quoting.

A page is read as pypdf extracted it. Two normalisations only are applied:

* whitespace: every run of whitespace becomes one space (the page is stripped);
* PDF hyphenation: a hyphen that ends a line ("well-\\nbeing") is joined to the
  next line's word. The hyphen is kept ("well-being") unless the report corpus
  shows the word only unhyphenated ("chil-\\ndren" -> "children"); a suspended
  hyphen before "and"/"or"/"to" or a number ("short-\\nand long-term") keeps its
  space. No other character is changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

BULLETS = "◼\uf06e\uf02d▪•\uf0b7"
_WORD = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_PAGE_NUMBER = re.compile(r"\d{1,3}")
# Prefixes that authors hyphenate by choice ("re-investment", "co-operatively").
_KEEP_PREFIXES = frozenset(
    {"anti", "co", "counter", "cross", "inter", "multi", "non", "over", "post", "pre", "re"}
    | {"self", "semi", "sub", "under", "work"}
)
_SUSPENDED = frozenset({"and", "or", "to", "nor"})
_FINISHED_LINE = re.compile(r"[.!?:][\u2019\u201d\"')]*$|\)$")
_UNFINISHED_LINE = re.compile(r"[.!?,;:\-\u2013]$")
# A judgement heading of an inspection report, with the paragraph number after it.
_JUDGEMENT_HEADING = re.compile(
    r"(?:The|Overall) (?:experiences and progress|impact of leaders|effectiveness)[^.:]{0,160}: "
    r"(?:outstanding|good|requires improvement to be good|inadequate)(?: \d{1,3}\.)?"
)
# The table of a key judgement opening its section, laid out as lines of its own: "Key judgement
# Judgement grade", the judgement, its grade, then the heading "Summary".
_JUDGEMENT_TABLE = re.compile(
    r"(?:Inspection judgements about the local authority )?Key judgement Judgement grade "
    r"[A-Z][^.:]{0,160}? (?:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate)"
    r"(?: Summary)?"
)
_STARTS_SENTENCE = f'[A-Z0-9\u2018\u201c"({BULLETS}]'


@dataclass(frozen=True)
class Page:
    """One PDF page: `text` is whitespace-normalised; `breaks` are the offsets of
    spaces in `text` that stand for a line break after a hyphen; `body_start` is where the text
    after the running header (title line, dates, page number) begins; `headings`
    are the (start, end) offsets of lines laid out as headings; `follows_sentence`
    says whether the previous page ends a sentence (or there is none); `paragraph_ends` are
    the offsets of spaces that stand for a blank line after a line with no closing
    punctuation and before a capitalised word (a paragraph ended unpunctuated)."""

    text: str
    breaks: frozenset[int]
    body_start: int
    headings: tuple[tuple[int, int], ...] = ()
    follows_sentence: bool = True
    paragraph_ends: frozenset[int] = frozenset()


class Lexicon:
    """Spellings seen within a line anywhere in the report texts."""

    def __init__(self, page_texts: Iterable[str]) -> None:
        words = Counter(_WORD.findall("\n".join(page_texts).lower()))
        self.hyphenated: Counter[str] = Counter({w: n for w, n in words.items() if "-" in w})
        self.plain: Counter[str] = Counter({w: n for w, n in words.items() if "-" not in w})

    def join(self, left: str, right: str, right_continues: bool) -> str:
        """How a word broken as `left-` / `right` at a line end is read."""
        if right[0].isdigit() or (right.lower() in _SUSPENDED and not right_continues):
            return f"{left}- {right}"
        if not self.hyphenated[f"{left}-{right}".lower()]:
            joined = (left + right).lower()
            if self.plain[joined] and left.lower() not in _KEEP_PREFIXES:
                return left + right
        return f"{left}-{right}"


def collapse(raw: str) -> tuple[str, frozenset[int]]:
    """Whitespace-normalise `raw`; also return the offsets of the spaces that
    stand for a line break straight after a hyphen (the only ones that matter)."""
    stripped = raw.strip()
    breaks = {
        len(" ".join(stripped[: match.start(1)].split()))
        for match in re.finditer(r"-([ \t]*\n\s*)", stripped)
    }
    return " ".join(stripped.split()), frozenset(breaks)


def _paragraph_ends(raw: str, body_start: int) -> frozenset[int]:
    """Spaces of the collapsed text standing for a blank line after a line with no closing
    punctuation and before a line opening with a capitalised word: a paragraph's end."""
    stripped = raw.strip()
    ends = set()
    for match in re.finditer(r"\n[ \t]*\n\s*", stripped):
        before = stripped[: match.start()].rstrip()
        if _UNFINISHED_LINE.search(before) or _FINISHED_LINE.search(before):
            continue
        if not re.match(r"[A-Z][a-z]", stripped[match.end() :]):
            continue
        offset = len(" ".join(before.split()))
        if offset > body_start:
            ends.add(offset)
    return frozenset(ends)


def header_lines(pages: list[str]) -> frozenset[str]:
    """Lines (digits masked) that open two or more pages of one report."""
    seen: Counter[str] = Counter()
    for raw in pages:
        lines = [line.strip() for line in raw.split("\n") if line.strip()][:4]
        seen.update({re.sub(r"\d+", "#", line) for line in lines})
    return frozenset(line for line, count in seen.items() if count >= 2)


def _headings(
    raw: str, text: str, body_start: int, paragraph_ends: frozenset[int]
) -> tuple[tuple[int, int], ...]:
    """Lines set out as headings: short, unpunctuated, starting with a capital,
    after a finished sentence, a paragraph or another heading, and before a capital."""
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    if not lines:
        return ()
    widths = sorted(len(line) for line in lines)
    short = 0.6 * widths[len(widths) // 2]
    spans: list[tuple[int, int]] = []
    cursor = 0
    previous_done = True
    for i, line in enumerate(lines):
        start = text.find(line, cursor)
        cursor = start + len(line)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        heading = (
            start >= body_start
            and previous_done
            and len(line) < short
            and line[0].isupper()
            and not _UNFINISHED_LINE.search(line)
            and bool(re.match(_STARTS_SENTENCE, following))
        )
        if heading:
            spans.append((start, cursor))
        previous_done = heading or bool(_FINISHED_LINE.search(line)) or cursor in paragraph_ends
    spans += [m.span() for m in _JUDGEMENT_HEADING.finditer(text, body_start)]
    spans += [m.span() for m in _JUDGEMENT_TABLE.finditer(text, body_start)]
    return tuple(sorted(set(spans)))


def make_page(raw: str, headers: frozenset[str], previous: str | None = None) -> Page:
    text, breaks = collapse(raw)
    header_end = 0
    position = 0
    for line in raw.split("\n"):
        stripped = line.strip()
        position += len(line) + 1
        masked = re.sub(r"\d+", "#", stripped)
        if not stripped or _PAGE_NUMBER.fullmatch(stripped) or masked in headers:
            header_end = position
        else:
            break
    head, _ = collapse(raw[:header_end])
    body_start = min(len(head) + 1, len(text)) if head else 0
    follows = previous is None or bool(_FINISHED_LINE.search(previous.rstrip()))
    ends = _paragraph_ends(raw, body_start)
    return Page(text, breaks, body_start, _headings(raw, text, body_start, ends), follows, ends)


def dehyphenate(page: Page, start: int, end: int, lexicon: Lexicon) -> str:
    """The words of page.text[start:end], line-break hyphenation resolved."""
    text = page.text
    out: list[str] = []
    cursor = start
    for space in sorted(i for i in page.breaks if start < i < end):
        if text[space - 1] != "-" or space + 1 >= end:
            continue
        left = re.search(r"[A-Za-z0-9]+$", text[cursor : space - 1])
        right = re.match(r"[A-Za-z0-9]+", text[space + 1 : end])
        if not left or not right:
            continue
        after = space + 1 + right.end()
        continues = after < len(text) and text[after] == "-"
        out.append(text[cursor : space - 1 - len(left.group())])
        out.append(lexicon.join(left.group(), right.group(), continues))
        cursor = after
    out.append(text[cursor:end])
    return "".join(out)


def matches_exact(text: str, exact: str) -> bool:
    """Whether `text` is `exact` with, at most, line-break hyphenation resolved:
    each "- " of `exact` may read "-", "" or stay "- "; nothing else differs."""
    if text == exact:
        return True
    pattern = re.escape(exact).replace(re.escape("- "), "(?:- |-|)")
    return re.fullmatch(pattern, text) is not None
