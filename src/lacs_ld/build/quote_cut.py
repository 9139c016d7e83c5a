"""Cutting a topic sentence out of its page: the quote's start and end.

The sentence file was split with a regular expression; some sentences carry a trailing
paragraph number, a running page header, a bulleted list, or stop or start mid-sentence at a
page break. `cut` finds the real sentence in the page text (never changing a character) or
says why it cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lacs_ld.build.quote_text import BULLETS, Page

TOPIC_PATTERNS: dict[str, re.Pattern[str]] = {
    "elective_home_education": re.compile(
        r"home[- ]?educat|educated at home|\bEHE\b|home[- ]?school", re.I
    ),
    "children_missing_education": re.compile(r"missing (?:from )?education|\bCME\b", re.I),
    "section_47": re.compile(
        r"section 47|\bs ?47\b|child protection enquir|strategy (?:meeting|discussion)", re.I
    ),
    "section_17": re.compile(r"(?<![\w\u2019'])(?:section|s) ?17\b", re.I),
    "working_together": re.compile(r"working together", re.I),
    "private_fostering": re.compile(r"private(?:ly)? foster", re.I),
    "lado": re.compile(r"\bLADO\b|designated officer", re.I),
}

RECUT_HEADER = "page header removed"
RECUT_BULLETS = "bulleted list split into items"
RECUT_PARAGRAPH = "trailing paragraph number removed"
RECUT_START = "extended back to the sentence start"
RECUT_END = "extended to the sentence end"
REJECT_PREVIOUS = "begins on the previous page"
REJECT_NEXT = "continues on the next page"
REJECT_HEADER = "only page header text"
REJECT_TOPIC = "topic not in the re-cut text"
RECUT_HEADING = "heading removed"
RECUT_PARAGRAPHS = "two numbered paragraphs split"
RECUT_PARAGRAPH_END = "unpunctuated paragraph end split"
REJECT_GLYPH = "a private-use glyph (a PDF bullet) inside a list kept whole"
REJECT_FOOTNOTE = "footnote text, not a sentence"
REJECT_NOT_SENTENCE = "heading or table text, not a sentence"

_CLOSE = "\u2019\u201d\"')"
_ENDS = re.compile(rf"[.!?][{_CLOSE}]*$")
_TRAILING_NUMBER = re.compile(rf"[.!?][{_CLOSE}]* (\d{{1,3}}\.)$")
_SENTENCE_END = re.compile(
    rf"[.!?][{_CLOSE}]*(?=\s+(?:[A-Z0-9\u2018\u201c\"(]|[{BULLETS}])|$)|(?=\s[{BULLETS}])"
)
_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}\. ")
_TABLE_DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b")
# A paragraph number between two sentences the sentence file ran together ("post. 52. 307").
_INNER_PARAGRAPH = re.compile(
    rf"(?:(?<=[.!?])|(?<=[.!?][{_CLOSE}])) \d{{1,3}}\. (?=[A-Z0-9\u2018\u201c])"
)
# Footnotes cite their sources after their number: "7 ONS 2011 census. 8 DfE Schools, …".
_FOOTNOTE = re.compile(r"(?:^|\s)\d{1,2} (?:DfE|ONS|Ofsted|Department for)\b")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


@dataclass
class Cut:
    start: int
    end: int
    topics: list[str]
    recuts: list[str] = field(default_factory=list)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _split(text: str, start: int, end: int, gaps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of text[start:end] between the `gaps` (bullets, headings)."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for gap_start, gap_end in sorted(gaps):
        pieces.append(_strip(text, cursor, gap_start))
        cursor = gap_end
    pieces.append(_strip(text, cursor, end))
    return [p for p in pieces if p[0] < p[1]]


def _sentence_start(page: Page, start: int) -> int | None:
    """Start of the sentence that contains offset `start`, or None if it begins
    on the previous page."""
    text = page.text
    position = start
    while True:
        ends = [m.end() for m in _SENTENCE_END.finditer(text, page.body_start, position)]
        ends = [e for e in ends if e < position]
        if not ends:
            return None
        candidate = ends[-1]
        if text[candidate : candidate + 1] in BULLETS or text[candidate : candidate + 1] == " ":
            candidate, _ = _strip(text, candidate, position)
            if text[candidate : candidate + 1] in BULLETS:
                candidate, _ = _strip(text, candidate + 1, position)
        number = _PARAGRAPH_NUMBER.match(text, candidate)
        if number:
            candidate = number.end()
        if not text[candidate : candidate + 1].islower():
            return candidate
        position = ends[-1] - 1


def _sentence_end(page: Page, end: int) -> int | None:
    """End of the sentence running on from offset `end`, or None if it runs
    over the page break."""
    match = _SENTENCE_END.search(page.text, end)
    if match is None:
        return None
    return match.end() if match.end() > match.start() else match.start()


def _finish(page: Page, start: int, end: int, topics: list[str], recuts: list[str]) -> Cut | str:
    text = page.text
    number = _TRAILING_NUMBER.search(text, start, end)
    if number and number.end() == end:
        end = number.start(1) - 1
        recuts.append(RECUT_PARAGRAPH)
    if text[start].islower():
        new_start = _sentence_start(page, start)
        if new_start is None:
            return REJECT_PREVIOUS
        start = new_start
        recuts.append(RECUT_START)
    if start <= page.body_start and not page.follows_sentence:
        return REJECT_PREVIOUS
    after = _strip(text, end, len(text))[0]
    item_end = (
        text[after : after + 1] in set(BULLETS)
        or any(a == after for a, _ in page.headings)
        or after - 1 in page.paragraph_ends
    )
    if not _ENDS.search(text, start, end):
        if item_end:
            if len(text[start:end].split()) < 5 or _TABLE_DATE.search(text, start, end):
                return REJECT_NOT_SENTENCE
        else:
            new_end = _sentence_end(page, end)
            if new_end is None:
                return REJECT_NEXT
            end = new_end
            recuts.append(RECUT_END)
    kept = [t for t in topics if TOPIC_PATTERNS[t].search(text, start, end)]
    if not kept:
        return REJECT_TOPIC
    if len(_FOOTNOTE.findall(text, start, end)) >= 2:
        return REJECT_FOOTNOTE
    if _PRIVATE_USE.search(text, start, end):
        return REJECT_GLYPH
    return Cut(start, end, kept, recuts)


def cut(page: Page, start: int, end: int, topics: list[str]) -> list[Cut | str]:
    """Quotes cut from the sentence found at page.text[start:end]; a string
    instead of a Cut names why a piece was rejected."""
    text = page.text
    recuts: list[str] = []
    if start < page.body_start:
        if end <= page.body_start:
            return [REJECT_HEADER]
        start, end = _strip(text, page.body_start, end)
        recuts.append(RECUT_HEADER)
    bullets = [(i, i + 1) for i in range(start, end) if text[i] in BULLETS]
    headings = [(a, b) for a, b in page.headings if start <= a and b <= end]
    paragraphs = [m.span() for m in _INNER_PARAGRAPH.finditer(text, start, end)]
    # A paragraph whose last line has no full stop ends at its blank line (quote_text.Page).
    paragraph_ends = [(i, i + 1) for i in sorted(page.paragraph_ends) if start < i < end]
    if bullets:
        items = _split(text, start, end, bullets)
        lead = text[items[0][0] : items[0][1]] if items[0][0] == start else ""
        if lead.endswith(":") and any(text[a].islower() for a, _ in items[1:]):
            bullets = []  # one sentence set out as a list: keep it whole
    if not bullets and not headings and not paragraphs and not paragraph_ends:
        return [_finish(page, start, end, topics, recuts)]
    recuts += [RECUT_BULLETS] * bool(bullets) + [RECUT_HEADING] * bool(headings)
    recuts += [RECUT_PARAGRAPHS] * bool(paragraphs)
    recuts += [RECUT_PARAGRAPH_END] * bool(paragraph_ends)
    pieces = _split(text, start, end, bullets + headings + paragraphs + paragraph_ends)
    pieces = [p for p in pieces if any(TOPIC_PATTERNS[t].search(text, *p) for t in topics)]
    if not pieces:
        return [REJECT_TOPIC]
    return [_finish(page, a, b, topics, list(recuts)) for a, b in pieces]
