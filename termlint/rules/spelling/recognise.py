"""Words the spelling rule recognises by their place rather than by a list.

Asked only about a word no list knows, so none of this costs anything on a clean draft:

- hyphenated compounds (neo-Nazism, intra-African, pre-empt, Sahelo-Saharan), with any
  of the hyphens U+002D, U+2010, U+2011 (the adopted texts write the non-breaking one):
  a combining form before a hyphen (neo-, intra-, agro-, tele-) is a word of its compound,
  a known word plus the connecting "o" (Sahel-o-) likewise, and a compound whose parts
  written together make a known word (pre-empt -> preempt) is known;
- words in another language: a short italic span whose words are all foreign
  (*travaux préparatoires*, *hypothèque*: the Editorial Manual italicises foreign words),
  a word among French or Spanish function words (Front de libération nationale kanak et
  socialiste; Decenio para Lograr la Regresión de la Malaria en los Países), and French
  elisions of a known word (d’instruments);
- domain names and file extensions (un.org, report.pdf, OECD.Stat): a word glued to a
  word by a full stop;
- a word cut by inline markup (R*esolutions*, w[^14]hich): checked whole;
- names: a part of a transliterated name after an ayn (Ya‘rubiyah), a party to a case
  (Fitisemanu v. United States).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from termlint.text.prose import compiled
from termlint.text.words import WordView
from termlint.text.wordscan import is_letter

HYPHENS = "-\u2010\u2011"

# Combining forms written before a hyphen in UN texts (neo-colonialism, intra-African,
# agro-industry, tele-education, Afro-descendant): a closed class of bound forms, not
# words, so none of them is a misspelling of the word after it.
COMBINING_FORMS = frozenset({
    "aero", "afro", "agri", "agro", "anglo", "anti", "bio", "co", "counter", "cross", "crypto",
    "cyber", "de", "eco", "electro", "ethno", "euro", "ex", "extra", "franco", "geo", "hydro",
    "hyper", "ibero", "indo", "info", "infra", "inter", "intra", "macro", "mega", "meta",
    "micro", "mid", "mini", "mono", "multi", "nano", "narco", "neo", "non", "over", "pan",
    "para", "petro", "poly", "post", "pre", "pro", "proto", "pseudo", "psycho", "quasi", "re",
    "retro", "self", "semi", "sino", "socio", "sub", "super", "supra", "techno", "tele",
    "thermo", "trans", "tri", "ultra", "un", "under", "vice",
})

# Function words of French and Spanish that are not English words: two of them near an
# unknown word (the word itself may be one) make the span a foreign name or title.
FOREIGN_FUNCTION = frozenset({
    "aux", "avec", "ce", "dans", "de", "des", "du", "et", "la", "le", "les", "leur", "nos", "notre",
    "ou", "par", "pour", "sans", "sur", "une", "d", "l", "qu",  # French (d’, l’, qu’ elided)
    "al", "con", "del", "el", "en", "las", "los", "para", "por", "y", "e",  # Spanish
})
_WINDOW = 5  # words either side searched for function words


def hyphen_compound(text: str, start: int, end: int, key: str, known: Callable[[str], bool]) -> bool:
    """Whether the word text[start:end] (looked up as `key`) is part of a known hyphenated compound."""
    n = len(text)
    before = start >= 2 and text[start - 1] in HYPHENS and is_letter(text[start - 2])
    after = end + 1 < n and text[end] in HYPHENS and is_letter(text[end + 1])
    if not (before or after):
        return False
    if after and (key in COMBINING_FORMS or (key.endswith("o") and len(key) >= 5 and known(key[:-1]))):
        return True
    i = start
    while i >= 2 and text[i - 1] in HYPHENS and is_letter(text[i - 2]):
        i -= 1
        while i > 0 and is_letter(text[i - 1]):
            i -= 1
    j = end
    while j + 1 < n and text[j] in HYPHENS and is_letter(text[j + 1]):
        j += 1
        while j < n and is_letter(text[j]):
            j += 1
    whole = "".join(c for c in text[i:j] if c not in HYPHENS).lower()
    return whole != key and known(whole)


def foreign(text: str, start: int, end: int, word: str, known: Callable[[str], bool]) -> bool:
    """Whether the unknown `word` at text[start:end] is in a span of French, Spanish or Latin."""
    lower = word.lower().replace("’", "'")
    head, _, rest = lower.partition("'")
    if rest and head in ("d", "l", "qu") and known(rest):  # d’instruments, l’homme
        return True
    if _in_foreign_italics(text, start, end, known):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = _words(text[max(line_start, start - 80):start])[-_WINDOW:]
    right = _words(text[end:min(line_end, end + 80)])[:_WINDOW]
    hits = sum(w in FOREIGN_FUNCTION for w in left + right) + (head in FOREIGN_FUNCTION)
    return hits >= 2


def _words(span: str) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for char in span:
        if is_letter(char):
            current.append(char.lower())
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def _in_foreign_italics(text: str, start: int, end: int, known: Callable[[str], bool]) -> bool:
    """A short italic span (*...*, at most four words, not opening its line) of unknown words."""
    line_start = text.rfind("\n", 0, start) + 1
    opening = text.rfind("*", line_start, start)
    closing = text.find("*", end, end + 60)
    if opening < 0 or closing < 0 or "\n" in text[end:closing]:
        return False
    if text[line_start:opening].count("*") % 2 or text[opening - 1:opening] == "*" or text[closing + 1:closing + 2] == "*":
        return False  # not an italic pair, or bold
    if opening > 0 and is_letter(text[opening - 1]):
        return False  # E*ncourages*: the mark cuts a word, it does not set one apart
    if not text[line_start:opening].strip(" >#-*0123456789.()"):
        return False  # italics opening a paragraph: the operative verb, checked as usual
    inside = _words(text[opening + 1:closing])
    return 0 < len(inside) <= 4 and not any(known(w) for w in inside if w not in FOREIGN_FUNCTION)


def domain_part(text: str, start: int, word: str) -> bool:
    """A word glued by a full stop to the letters before it: un.org, final.pdf, OECD.Stat."""
    return start >= 2 and text[start - 1] == "." and is_letter(text[start - 2])


_MARKUP = re.compile(r"\*{1,2}|\[\^[^\]\s]{1,10}\]")  # emphasis marks, footnote markers


def broken_by_markup(text: str, start: int, end: int, known: Callable[[str], bool]) -> bool:
    """A word cut by inline markup, checked whole: R*esolutions*, w[^14]hich, doublin[^4]g."""
    whole = text[start:end]
    m = _MARKUP.match(text, end)
    if m and m.end() < len(text) and is_letter(text[m.end()]):
        j = m.end()
        while j < len(text) and is_letter(text[j]):
            j += 1
        whole = whole + text[m.end():j]
    i = start
    for back in range(1, 13):  # a marker ends right before the word: look for where it opens
        if start - back < 1:
            break
        m = _MARKUP.match(text, start - back)
        if m and m.end() == start and is_letter(text[start - back - 1]):
            i = start - back
            while i > 0 and is_letter(text[i - 1]):
                i -= 1
            whole = text[i:start - back] + whole
            break
    if whole == text[start:end]:
        return False
    line_start = text.rfind("\n", 0, i) + 1
    if not text[line_start:i].strip(" \t>#*_0123456789.()"):
        return False  # “25. E*ncourages*”: a lead's italics misplaced, which is the slip to show
    return known(whole.lower())


_APOSTROPHE_LETTERS = "‘ʿʻ'’`"


def transliterated_name(text: str, start: int) -> bool:
    """A part of a transliterated name joined by an ayn or hamza mark: Ya‘rubiyah, Ma’arrat."""
    if start < 2 or text[start - 1] not in _APOSTROPHE_LETTERS or not is_letter(text[start - 2]):
        return False
    i = start - 1
    while i > 0 and is_letter(text[i - 1]):
        i -= 1
    return text[i].isupper()


def case_party(text: str, start: int, end: int) -> bool:
    """A party to a case (Fitisemanu v. United States; Ukraine v. Russian Federation)."""
    return text.startswith((" v. ", " v ", " vs. "), end) or text[max(0, start - 4):start] in (" v. ", "vs. ")


_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "H.E.", "Mr", "Mrs", "Ms", "Dr")


def after_title(text: str, start: int) -> bool:
    """After Mr., Mrs., Ms., Dr.: a name, though the full stop looks like a sentence's end."""
    before = text[max(0, start - 6):start].rstrip(" \u00a0")
    return before.endswith(_TITLES) and (len(before) < 4 or not before[-4:-3].isalpha() or before.endswith("H.E."))


def hyphenated_words(view: WordView) -> frozenset[str]:
    """The hyphenated compounds of the text, lower case, written without their hyphens (read
    from the word view's tokens once per document, and only when an unknown word turns up)."""
    return frozenset().union(*view.tokens_meaning("spelling.hyphenated", _closed_compounds).values())


def _closed_compounds(token: str) -> frozenset[str]:
    """The hyphenated compounds of one token (no compound holds white space), closed up."""
    if not any(h in token for h in HYPHENS):
        return frozenset()
    found = compiled(r"\p{L}+(?:[" + HYPHENS + r"]\p{L}+)+").findall(token)
    return frozenset("".join(c for c in w.lower() if c not in HYPHENS) for w in found)
