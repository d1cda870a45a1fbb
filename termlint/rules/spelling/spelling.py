"""Kind `spelling`: words that are in no dictionary termlint knows.

    [[rules]]
    code = "SP001"
    kind = "spelling"
    word_lists = "words"        # folder beside the bundled packs holding the house lists (*.txt)
    max_suggestions = 3
    check_capitalized = true    # false: skip capitalised words in mid-sentence altogether
    each_occurrence = false     # true: a finding at every occurrence (default: the first, with the count)

A word is known when pyspellchecker's English list has it (read from a cache, see
termlint/text/wordlist.py), when the house lists or the configuration's `words` have it, or
when it is a British spelling or a regular derivation of a known word (programme,
subregional: termlint/rules/spelling/morphology.py). Not checked: URLs, inline code, HTML tags,
footnote markers, document symbols (A/RES/75/10, E/CN.15/2022/L.5), words touching a
digit, a slash or an underscore, words in capitals or mixed case (acronyms: see the AC
rules), single letters, labels such as (iv) and units after a number (6 mm). A
capitalised word in mid-sentence is reported only when it is one edit from a name of the
house lists ("Genral Assembly"): the others are names no list can hold. Each distinct
word is looked up once per document; the suggestions ("did you mean") are known words one
edit away, the word without a stray accent first, then the commonest.
"""

from __future__ import annotations

from collections.abc import Iterator, KeysView
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from termlint.core.model import Edit, Finding, Fix, RuleMeta
from termlint.core.resources import data_dir
from termlint.rules.context import Context
from termlint.rules.packfiles import PackError
from termlint.rules.packs import get
from termlint.rules.spelling.joins import in_name, run_together, split_at, split_finding
from termlint.rules.spelling.morphology import british_known, derived_known, plural_known
from termlint.rules.spelling.recognise import (
    after_title,
    broken_by_markup,
    case_party,
    domain_part,
    foreign,
    hyphen_compound,
    hyphenated_words,
    transliterated_name,
)
from termlint.text.prose import compiled, non_prose_spans
from termlint.text.protect import SpanSet
from termlint.text.wordlist import HouseList, english, house_words
from termlint.text.wordscan import span_occurrences, span_tokens, words_of

KEYS = frozenset({"word_lists", "max_suggestions", "check_capitalized", "each_occurrence"})
FIXABLE = True

# A word: letters, with inner apostrophes (children’s, d’Ivoire). Hyphens split words.
_WORD = r"\p{L}+(?:['’]\p{L}+)*"
_ROMAN = (r"(?i)m{0,4}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})")
_UNIT_BEFORE = r"\d[ \u00a0]$"


def _re(source: str) -> Any:
    return compiled(source)


_GLUE = frozenset("/\\_@#=+&%$§|~^0123456789")


@dataclass(frozen=True)
class SpellingRule:
    """SP001: words in neither the English list nor the house lists."""
    meta: RuleMeta
    word_lists: str
    max_suggestions: int
    check_capitalized: bool
    each_occurrence: bool = False  # true: one finding per occurrence, not per word

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        english_words = english()
        house = _house(self.word_lists)
        user = frozenset(_lookup_form(w) for phrase in ctx.words for w in _re(_WORD).findall(phrase))
        # the same frozenset object from one document to the next: its hash is kept, and the
        # verdict memo below finds it by identity instead of comparing thousands of words
        extra = house.words | user if user else house.words
        prose: _Prose | None = None  # built only when an unknown word turns up
        hyphenated: frozenset[str] | None = None  # likewise

        def known(word: str) -> bool:
            return word in english_words or word in extra

        def stem(word: str) -> bool:
            # a stem for a derivation or a British rewrite: not a word of the SCOWL supplement
            # (frequency 0), which is safe whole but not under a prefix (co + sideration would
            # hide “cosideration”)
            return english_words.frequency(word) > 0 or word in extra

        verdicts = _verdicts(english_words, extra)
        suggestions = verdicts.suggestions
        view = ctx.word_view
        segments = tuple(_segments(ctx, self.meta.scope))
        found: dict[str, tuple[list[tuple[int, int, str]], list[str]]] = {}
        each = bool(ctx.options_for(self.meta.code).get("each_occurrence", self.each_occurrence))
        split_reported: set[int] = set()
        unknown = _unknown(span_tokens(view, segments), verdicts, known, stem)
        for start, end, word, opening in span_occurrences(view, segments, unknown):
            key = _lookup_form(word)
            prose = prose or _Prose.of(ctx)
            if not prose.is_prose_word(start, end, word) or _known_compound(text, start, end, known):
                continue
            if _recognised(text, start, end, word, key, known, stem):
                continue
            hyphenated = hyphenated_words(view) if hyphenated is None else hyphenated
            if key in hyphenated:
                # confidencebuilding beside confidence-building: CO102 reports the two forms and
                # the one to keep; SP001 does not report the same slip a second time
                continue
            pair = split_at(text, start, end, known, english_words.frequency)
            if pair is not None:  # "implemen tation": the split word, whole, once
                yield from () if pair[0] in split_reported else [split_finding(self.meta.code, text, *pair)]
                split_reported.add(pair[0])
                continue
            capitalized = word[0].isupper() and (after_title(text, start) or not opening and not _sentence_start(text, start))
            if capitalized and not self.check_capitalized:
                continue
            apart = None  # two words run together (Placementproposal): joins.py
            if capitalized and (not word.isascii() or not _near_name(key, house.names)):
                # A capitalised word in mid-sentence is most often a name no list can hold
                # (Rohingya, Rakhine; Lomé, António: a name with an accent is never a slip of a
                # house name): it is reported only when it is one slip from a name we know, or two long words.
                apart = run_together(key, english_words.frequency) if word.isascii() and len(key) >= 12 else None
                if apart is None or min(map(len, apart.split())) < 5 or in_name(text, start, end):
                    continue
            asked = (key, self.max_suggestions)
            if asked not in suggestions:
                suggestions[asked] = suggest(key, english_words, extra, self.max_suggestions)
            candidates = suggestions[asked]
            if apart is not None:
                candidates = [apart]
            elif capitalized:
                # a slip in a name keeps its initial (Genral -> General); Tomé is no slip for Lomé
                candidates = [c for c in candidates if c in house.names and len(c) >= 4 and c[0] == key[0]]
                if not candidates:
                    continue
            elif not candidates and len(key) >= 10:  # shorter ones are rather words the list lacks (timespan)
                candidates = [w for w in (run_together(key, english_words.frequency),) if w]
            if each:
                yield _finding(self.meta.code, [(start, end, word)], candidates)
            else:
                found.setdefault(key, ([], candidates))[0].append((start, end, word))
        # One finding per unknown word, at its first use, as AC001 reports an undefined acronym:
        # a word written ten times is one decision for the drafter (fix it, or add it to `words`)
        for places, candidates in found.values():
            yield _finding(self.meta.code, places, candidates)


@lru_cache(maxsize=8)
def _house(word_lists: str) -> Any:
    """The house lists in the folder `word_lists` beside the bundled packs (found once per process).
    A folder named plainly (`words`) is among the files the rule set's cache key is made of, so its
    lists are kept between runs with the rule set; reading them costs 2 ms, their pickle 0.3."""
    folder = data_dir("rules") / word_lists
    if not word_lists.replace("-", "").replace("_", "").isalnum():  # "../elsewhere": read each run
        return house_words(folder)
    from termlint.rules.ruleset_cache import cached

    return cached(f"house-{word_lists}", (), lambda: house_words(folder), HouseList)


# Words (as written) found known or unknown, kept for the process per set of extra words:
# the lists do not change during a run, and most words recur from one document to the next,
# so a document's words are sorted by two set operations and only new ones are looked up.
@dataclass
class _Verdicts:
    """What the spelling rule has decided about the words and tokens seen in this process."""
    english: Any
    known: set[str]
    unknown: set[str]
    clean: set[str]  # white-space-separated tokens whose words are all known
    suggestions: dict[tuple[str, int], list[str]]
    reported: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the other tokens read -> the words `_unknown` gives

    @property
    def unclean(self) -> KeysView[str]:
        """The tokens read that hold a word no list knows."""
        return self.reported.keys()


_VERDICT_MEMO: dict[frozenset[str], _Verdicts] = {}
_MEMO_WORDS = 400_000  # distinct written forms and tokens; a large corpus's vocabulary stays well below


def _verdicts(english_words: Any, extra: frozenset[str]) -> _Verdicts:
    found = _VERDICT_MEMO.get(extra)
    if found is not None and len(found.known) + len(found.unknown) + len(found.clean) + len(found.unclean) > _MEMO_WORDS:
        found = None  # a very long run: start afresh rather than grow without bound
    if found is None or found.english is not english_words:  # a new dictionary: start afresh
        if len(_VERDICT_MEMO) > 8:
            _VERDICT_MEMO.clear()
        found = _VERDICT_MEMO[extra] = _Verdicts(english_words, set(), set(), set(), {})
    return found


def _unknown(tokens: frozenset[str], verdicts: _Verdicts, known: Any, stem: Any) -> set[str]:
    """The words (as written) of `tokens` that no list knows and that may be reported.

    Only tokens not yet seen clean are read, and only words new to the process are looked
    up; a token seen before with an unknown word gives the words it gave then (what a token
    holds depends on the token alone), so a document costs its new tokens and set operations.
    Words with a capital after the first letter (acronyms, CamelCase names, headings in
    capitals) are never reported (`_Prose.is_prose_word`), so they are not searched for.
    """
    rest = tokens - verdicts.clean
    if not rest:
        return set()
    seen = rest & verdicts.unclean
    found: set[str] = set().union(*map(verdicts.reported.__getitem__, seen)) if seen else set()
    for token in rest - seen if seen else rest:
        clean = True
        reported = []
        for word in words_of(token):
            if word in verdicts.known:
                continue
            if word not in verdicts.unknown:
                key = _lookup_form(word)
                if (len(word) < 2 or known(key) or british_known(key, stem) or derived_known(key, stem)
                        or plural_known(key, known)):
                    verdicts.known.add(word)
                    continue
                verdicts.unknown.add(word)
            clean = False
            rest_of_word = word[1:]
            if rest_of_word == rest_of_word.lower():
                reported.append(word)
        if clean:
            verdicts.clean.add(token)
        else:
            verdicts.reported[token] = tuple(reported)
            found.update(reported)
    return found


def _finding(code: str, places: list[tuple[int, int, str]], candidates: list[str]) -> Finding:
    """The finding at the first of `places` (each: start, end, the word as written); its fix
    replaces the word at every place, in the case each is written."""
    start, end, word = places[0]
    shown = [_same_case(word, c) for c in candidates]
    if shown:
        message = f"unknown word “{word}”: did you mean " + ", ".join(f"“{c}”" for c in shown) + "?"
    else:
        message = f"unknown word “{word}”"
    if len(places) > 1:
        message += f" ({len(places)} times in this text)"
    message += " (add it to `words` in the configuration if it is right)"
    fix = None
    if shown:
        edits = tuple(Edit(s, e, _same_case(w, candidates[0])) for s, e, w in places)
        fix = Fix(edits, safe=False, description=f"replace with “{shown[0]}”")
    return Finding(code, start, end, message, fix=fix)


def _same_case(original: str, candidate: str) -> str:
    if original[:1].isupper():
        return candidate[:1].upper() + candidate[1:]
    return candidate


def _lookup_form(word: str) -> str:
    """The form a word is looked up under: lower case, straight apostrophe, no possessive 's."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s") and len(w) > 3:
        w = w[:-2]
    return w


def _skipped_spans(ctx: Context) -> list[tuple[int, int]]:
    return non_prose_spans(ctx.text, ctx.protected)


def _segments(ctx: Context, scope: frozenset[str] | None) -> list[tuple[int, int]]:
    """The text spans of the clauses in scope, in order, without overlaps (nested clauses
    may repeat their parent's text)."""
    segments = sorted({(seg.start, seg.end) for clause in ctx.clauses(scope or DEFAULT_SCOPE)
                       for seg in clause.segments})
    out = []
    last_end = -1
    for seg_start, seg_end in segments:
        seg_start = max(seg_start, last_end)
        if seg_start >= seg_end:
            continue
        last_end = seg_end
        out.append((seg_start, seg_end))
    return out


class _Prose:
    """Tells a word of prose from a code, symbol, label, unit or acronym (asked only of unknown words)."""

    __slots__ = ("text", "overlaps")

    def __init__(self, text: str, overlaps: Any) -> None:
        self.text = text
        self.overlaps = overlaps

    @classmethod
    def of(cls, ctx: Context) -> _Prose:
        return cls(ctx.text, SpanSet.of(_skipped_spans(ctx)).overlaps)

    def is_prose_word(self, start: int, end: int, word: str) -> bool:
        text = self.text
        rest = word[1:]
        if rest != rest.lower():  # acronyms, CamelCase names, all-caps headings
            return False
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in _GLUE or after in _GLUE or (after in "-‑" and text[end + 1:end + 2].isdigit()):
            return False
        if self.overlaps(start, end):
            return False
        if before == "(" and after == ")" and len(word) <= 4:  # labels: (a), (iv), (aa)
            return False
        if len(word) <= 3 and _re(_UNIT_BEFORE).search(text, max(0, start - 3), start):  # 6 mm, 50 lbs
            return False
        return not ((before == "(" or after in ".)") and _re(_ROMAN).fullmatch(word))


# Prose a drafter wrote; the header (symbols, dates, sponsor lists) is left out.
DEFAULT_SCOPE = ("title", "heading", "chapeau", "preambular", "operative", "subparagraph", "paragraph",
          "closing", "footnote", "annex")


def _sentence_start(text: str, start: int) -> bool:
    """After a full stop, question mark or exclamation mark, or a blank line. Not after a colon:
    UN style goes on in lower case after one, so a capital there opens a name (“chemical weapons
    use: Saraqib (Syrian Arab Republic)”)."""
    i = start - 1
    while i >= 0 and text[i] in " \t*_\"“‘(\u00a0":
        i -= 1
    if i < 0 or text[i] in ".!?":
        return True
    return text[i] == "\n" and (i == 0 or text[i - 1] == "\n" or text.startswith("\n", i - 2) and text[i - 1].isspace())


def _recognised(text: str, start: int, end: int, word: str, key: str, known: Any, stem: Any) -> bool:
    """Known by its place: a hyphenated compound, a foreign span, a domain name (recognise.py)."""
    def known_form(w: str) -> bool:
        return bool(known(w) or british_known(w, stem) or derived_known(w, stem) or plural_known(w, known))

    return (hyphen_compound(text, start, end, key, known_form) or domain_part(text, start, word)
            or broken_by_markup(text, start, end, known_form) or transliterated_name(text, start)
            or (word[0].isupper() and case_party(text, start, end)) or foreign(text, start, end, word, known_form))


def _known_compound(text: str, start: int, end: int, known: Any) -> bool:
    """A word split by a hyphen at a line break (organi-\\nzation) is checked whole."""
    if text.startswith("-\n", end):
        m = _re(_WORD).match(text, end + 2)
        return bool(m) and known((text[start:end] + m.group()).lower())
    if start >= 2 and text[start - 1] == "\n" and text[start - 2] == "-":
        i = start - 2
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        return j < i and known((text[j:i] + text[start:end]).lower())
    return False


_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
_LONGEST = 40  # longer "words" (a run of letters in a pasted code) get no suggestions


@lru_cache(maxsize=4096)
def _near_name(word: str, names: frozenset[str]) -> bool:
    """Whether a name of the house lists is one edit from `word`."""
    near, far = edits(word)
    return not (names.isdisjoint(near) and names.isdisjoint(far))


def edits(word: str) -> tuple[set[str], set[str]]:
    """Every string one edit (delete, transpose, replace, insert) from `word`, without `word`:
    those that change its first three letters, and those that keep them (`far`)."""
    near: set[str] = set()
    far: set[str] = set()
    if len(word) > _LONGEST:
        return near, far
    for i in range(len(word) + 1):
        a, b = word[:i], word[i:]
        found = near if i < 3 else far
        if b:
            found.add(a + b[1:])
            found.update(a + c + b[1:] for c in _LETTERS)
        if len(b) > 1:
            found.add(a + b[1] + b[0] + b[2:])
        found.update(a + c + b for c in _LETTERS)
    near.discard(word)
    far.discard(word)
    return near, far


def suggest(word: str, english_words: Any, extra: frozenset[str], limit: int) -> list[str]:
    """Known words one edit (delete, transpose, replace, insert) from `word`, most frequent first."""
    if limit <= 0:
        return []
    near, far = edits(word)
    # the edits that keep the first three letters all fall in the word's own slice of the list
    known = english_words.members(near) | (english_words.neighbours(word) & far if far else set())
    known |= (near | far) & extra
    plain = _strip_accents(word)
    found = [(_strip_accents(e) != plain, -english_words.frequency(e), e) for e in known]
    found.sort()  # the word without its stray accent first (céase -> cease), then the commonest
    return [e for _, _, e in found[:limit]]


def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def build(entry: dict[str, Any], meta: RuleMeta, where: str) -> SpellingRule:
    limit = get(entry, "max_suggestions", int, where, 3)
    if not 0 <= limit <= 10:
        raise PackError(f"{where}: `max_suggestions` must be between 0 and 10")
    return SpellingRule(meta, get(entry, "word_lists", str, where, "words"), limit,
                        get(entry, "check_capitalized", bool, where, True),
                        get(entry, "each_occurrence", bool, where, False))
