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
from dataclasses import dataclass, field

BULLETS = "◼\uf06e▪•\uf0b7"
_WORD = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_LINE_BREAK_HYPHEN = re.compile(r"([A-Za-z0-9]+)-[ \t]*\n\s*([A-Za-z0-9]+)")
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
_STARTS_SENTENCE = f'[A-Z0-9\u2018\u201c"({BULLETS}]'


@dataclass(frozen=True)
class Page:
    """One PDF page: `text` is whitespace-normalised; `breaks` are the offsets of
    spaces in `text` that stand for a line break after a hyphen; `body_start` is where the text
    after the running header (title line, dates, page number) begins; `headings`
    are the (start, end) offsets of lines laid out as headings; `follows_sentence`
    says whether the previous page ends a sentence (or there is none)."""

    text: str
    breaks: frozenset[int]
    body_start: int
    headings: tuple[tuple[int, int], ...] = ()
    follows_sentence: bool = True


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


def header_lines(pages: list[str]) -> frozenset[str]:
    """Lines (digits masked) that open two or more pages of one report."""
    seen: Counter[str] = Counter()
    for raw in pages:
        lines = [line.strip() for line in raw.split("\n") if line.strip()][:4]
        seen.update({re.sub(r"\d+", "#", line) for line in lines})
    return frozenset(line for line, count in seen.items() if count >= 2)


def _headings(raw: str, text: str, body_start: int) -> tuple[tuple[int, int], ...]:
    """Lines set out as headings: short, unpunctuated, starting with a capital,
    after a finished sentence (or another heading) and before a capital."""
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
        previous_done = heading or bool(_FINISHED_LINE.search(line))
    spans += [m.span() for m in _JUDGEMENT_HEADING.finditer(text, body_start)]
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
    return Page(text, breaks, body_start, _headings(raw, text, body_start), follows)


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


# ---------------------------------------------------------------------------
# Cutting a topic sentence out of its page: the quote's start and end.
#
# The sentence file was split with a regular expression; some sentences carry a
# trailing paragraph number, a running page header, a bulleted list, or stop or
# start mid-sentence at a page break. `cut` finds the real sentence in the page
# text (never changing a character) or says why it cannot.
# ---------------------------------------------------------------------------

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
REJECT_NOT_SENTENCE = "heading or table text, not a sentence"

_CLOSE = "\u2019\u201d\"')"
_ENDS = re.compile(rf"[.!?][{_CLOSE}]*$")
_TRAILING_NUMBER = re.compile(rf"[.!?][{_CLOSE}]* (\d{{1,3}}\.)$")
_SENTENCE_END = re.compile(
    rf"[.!?][{_CLOSE}]*(?=\s+(?:[A-Z0-9\u2018\u201c\"(]|[{BULLETS}])|$)|(?=\s[{BULLETS}])"
)
_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}\. ")
_TABLE_DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b")


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
    item_end = text[after : after + 1] in set(BULLETS) or any(a == after for a, _ in page.headings)
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
    if bullets:
        items = _split(text, start, end, bullets)
        lead = text[items[0][0] : items[0][1]] if items[0][0] == start else ""
        if lead.endswith(":") and any(text[a].islower() for a, _ in items[1:]):
            bullets = []  # one sentence set out as a list: keep it whole
    if not bullets and not headings:
        return [_finish(page, start, end, topics, recuts)]
    recuts += [RECUT_BULLETS] * bool(bullets) + [RECUT_HEADING] * bool(headings)
    pieces = _split(text, start, end, bullets + headings)
    pieces = [p for p in pieces if any(TOPIC_PATTERNS[t].search(text, *p) for t in topics)]
    if not pieces:
        return [REJECT_TOPIC]
    return [_finish(page, a, b, topics, list(recuts)) for a, b in pieces]
