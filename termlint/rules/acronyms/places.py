"""Where capitals in a draft are, or are not, an acronym used or defined: the places the AC
rules read around a token (termlint/rules/acronyms/units.py reads the tokens).

Not acronyms: parts of symbols (MSC.448(99), WHA73.1, OC 16/99, 53/77 AA, 2252 (ES-V)),
capitals joined to a name (L’Oréal-UNESCO), capitals in an italic publication title in
mid-paragraph, lines set in capitals. Definitions: the lines of an *Abbreviations*: legend
under a table. Neither a redefinition nor a paragraph: a table row; a designation that goes
on after its parenthesis ((SAMOA) Pathway).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from termlint.text.prose import compiled

# Hyphens: U+002D, and U+2010 and U+2011 (the adopted texts write the non-breaking one: UN‑Women).
HYPHENS = "-\u2010\u2011"


def after_name(text: str, start: int) -> bool:
    """Capitals joined by a hyphen to a name before them: L’Oréal-UNESCO (Awards)."""
    if start < 3 or text[start - 1] not in HYPHENS:
        return False
    m = compiled(r"(?<![\p{L}’'])\p{Lu}[\p{L}’']*\p{Ll}[\p{L}’']*$").search(text, max(0, start - 40), start - 1)
    return m is not None


def symbol_after(text: str, end: int) -> bool:
    """A full stop or parenthesis and a digit after the capitals (MSC.448(99), WHA73.1,
    MEPC.207(62)), or a number with a slash (advisory opinion OC 16/99)."""
    if text[end:end + 1] in (".", "(") and text[end + 1:end + 2].isdigit():
        return True
    return compiled(r" \d+/\d").match(text, end) is not None


def resolution_letters(text: str, start: int, token: str) -> bool:
    """The letters of a resolution's number (53/77 AA, 75/290 B) after `digits/digits `, and the
    session of an old resolution's number in parentheses (2252 (ES-V))."""
    window = text[max(0, start - 8):start]
    if len(token) <= 2 and compiled(r"\d/\d+ $").search(window):
        return True
    return window.endswith(("0 (", "1 (", "2 (", "3 (", "4 (", "5 (", "6 (", "7 (", "8 (", "9 (")) \
        and text[start + len(token):start + len(token) + 1] == ")"


_LEGEND = r"[*_]{0,2}Abbreviations?[*_]{0,2}\s*:"


# Each function below reads the line that holds `offset`: a caller that knows where that line
# starts (`line_start`, from the word view's line index) spares a scan back to the previous line
# break, and a `memo` shared across calls reads each line's marks once. Without them a line with
# thousands of acronyms (a PDF converted without line breaks) was read once per acronym.


def in_legend(text: str, offset: int, line_start: int | None = None) -> bool:
    """On a line that opens with “*Abbreviations*:” (under a budget table: “GS (OL), General
    Service (Other level)”): each acronym there is defined."""
    line_start = text.rfind("\n", 0, offset) + 1 if line_start is None else line_start
    return compiled(_LEGEND).match(text, line_start) is not None


@dataclass(frozen=True)
class _Marks:
    """What the italic and table tests read of one line, read once."""

    stars: list[int]  # offsets of its asterisks
    double: int  # where its first "**" starts, or -1
    opening: int  # where it stops opening like a paragraph (labels, quote and heading marks), or its end
    first: int  # its first character that is not a space or tab, or its end


def _marks(text: str, line_start: int, memo: dict[int, _Marks]) -> _Marks:
    found = memo.get(line_start)
    if found is None:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        stars = []
        at = text.find("*", line_start, line_end)
        while at >= 0:
            stars.append(at)
            at = text.find("*", at + 1, line_end)
        double = next((a for a, b in zip(stars, stars[1:]) if b == a + 1), -1)
        opening = compiled(r"[ >#\-*0-9.()\t]*+").match(text, line_start, line_end).end()  # type: ignore[union-attr]
        first = compiled(r"[ \t]*+").match(text, line_start, line_end).end()  # type: ignore[union-attr]
        found = memo[line_start] = _Marks(stars, double, opening, first)
    return found


def in_italic_title(text: str, offset: int, line_start: int | None = None,
                    memo: dict[int, _Marks] | None = None) -> bool:
    """Inside *italics* that do not open the paragraph: a publication's title in UN style."""
    line_start = text.rfind("\n", 0, offset) + 1 if line_start is None else line_start
    marks = _marks(text, line_start, {} if memo is None else memo)
    before = bisect.bisect_left(marks.stars, offset)  # asterisks between the line's start and offset
    if before % 2 == 0 or 0 <= marks.double <= offset - 2:
        return False
    # text before the last asterisk other than labels and marks: the italics do not open the paragraph
    return marks.opening < marks.stars[before - 1]


def in_table_row(text: str, offset: int, line_start: int | None = None,
                 memo: dict[int, _Marks] | None = None) -> bool:
    """Whether `offset` is on a Markdown table row (a line that opens with a pipe)."""
    line_start = text.rfind("\n", 0, offset) + 1 if line_start is None else line_start
    first = _marks(text, line_start, {} if memo is None else memo).first
    return first < offset and text[first] == "|"


def in_designation(text: str, end: int) -> bool:
    """A definition inside a name that goes on after the parenthesis: “... (SAMOA) Pathway”,
    “... (ISIL) (Da’esh)”: the text repeats a designation, it does not define again."""
    close = text.find(")", end, end + 10)
    return close >= 0 and compiled(r"\s+(?:\(|\p{Lu}\p{Ll})").match(text, close + 1) is not None


def _capitals(line: str) -> bool:
    """Most of the line's words (two letters or more) are in capitals."""
    words = compiled(r"\p{L}{2,}").findall(line)
    upper = sum(map(str.isupper, words))
    return bool(words) and (upper == len(words) or len(words) >= 3 and upper >= 0.6 * len(words))


def _ascii_capitals(line: str) -> bool:
    """`_capitals` for an ASCII line (most are), without reading every word: the words in
    capitals are counted first (few), then the words only until there are too many of them."""
    upper = len(_ASCII_UPPER.findall(line))
    count = 0
    for _ in _ASCII_WORDS.finditer(line):
        count += 1
        if count > upper and upper < 0.6 * count:
            return False  # neither all words nor 60% of them, however many more there are
    return count > 0 and (upper == count or count >= 3 and upper >= 0.6 * count)


_ASCII_WORDS = re.compile(r"[A-Za-z]{2,}")
# a maximal run of two capitals or more (the look-behind after the first capital lets the
# standard library skip to capitals, instead of trying the look-behind everywhere)
_ASCII_UPPER = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Z]+(?![A-Za-z])")


def in_capital_line(text: str, offset: int, memo: dict[int, bool], line_start: int | None = None) -> bool:
    """Whether the line holding `offset` is set in capitals (RESOLUTION 1454 (2002), cover pages)."""
    line_start = text.rfind("\n", 0, offset) + 1 if line_start is None else line_start
    if line_start not in memo:
        line_end = text.find("\n", offset)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        memo[line_start] = _ascii_capitals(line) if line.isascii() else _capitals(line)
    return memo[line_start]
