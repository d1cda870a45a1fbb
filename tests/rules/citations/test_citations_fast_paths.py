"""The citation rules search less than they used to: cheap tests (plain words, stdlib `re`)
decide which paragraphs a slow `regex` pattern is run on, and where. These tests hold each
shortcut to what it stands for: the plain search over the whole text."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEED, real_texts
from termlint.rules.citations import citations
from termlint.rules.citations import dates
from termlint.rules.citations import footnote_refs as footnotes
from termlint.rules.citations import symbols
from termlint.rules.citations.unit import mask
from termlint.rules.citations.citation_bodies import _NAMED_RE, _OTHER_NAMED_RE, body_before
from termlint.text.document import Document
from termlint.parse.parser import parse
from termlint.rules.context import Context
from termlint.parse.tree import Clause, Segment


def texts(*pieces: str, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_SPACE = st.sampled_from([" ", "  ", "\u00a0", "\t", "\n", ""])
_DATE_LIKE = st.tuples(  # day, word, full stop, year: most of them dates, some only nearly
    st.sampled_from(["", "1", "18", "123", "\u0663", "x", "/1"]), _SPACE,
    st.sampled_from(["Dec", "Decmber", "December", "Sept", "may", "ab", "abcdefghijkl", "abcdefghijklm", "éDec", "x.Dec"]),
    st.sampled_from(["", ".", ","]), _SPACE,
    st.sampled_from(["2019", "1999", "20", "2019/", "20199", "19\u0663\u0663", "18.12.2019", "2019-12-18"])).map("".join)
_DATE_TEXT = st.lists(st.one_of(_DATE_LIKE, st.sampled_from([" ", ",", "x", "-", "/", ".", "of", "th"])),
                      max_size=8).map("".join)


@given(_DATE_TEXT)
def test_word_dates_searched_near_years_are_all_the_word_dates(text):
    found = [(m.span(), m.groupdict()) for m in dates._word_dates(text)]
    assert found == [(m.span(), m.groupdict()) for m in dates._WORD_DATE.finditer(text)]


@given(_DATE_TEXT)
def test_date_hints_miss_no_date(text):
    if dates._DAY_MONTH.search(text) or dates._MONTH_DAY.search(text):
        assert dates._MONTH_NAME.search(text)
    if dates._WORD_DATE.search(text) or dates._NUMERIC.search(text) or dates._ISO.search(text):
        assert ("19" in text or "20" in text) and dates._YEAR.search(text)
    if dates._NUMERIC.search(text):
        assert dates._NUMERIC_YEAR.search(text)
    if dates._ISO.search(text):
        assert dates._ISO_MONTH.search(text)


_SYMBOL = st.tuples(  # a document symbol, well or badly typed
    st.sampled_from(["A", "E", "S", "A/HRC", "A/C.3", "E/CN.15", "x", "resolution "]),
    st.sampled_from(["/RES", "/RES/", "/", " /", "/ ", "\u00a0/", "\t/"]),
    st.sampled_from(["74", "74/174", "77/L.12", "2022", "2467 (2019)"]),
    st.sampled_from(["", "/Rev.1", "/rev. 1", "/CORR 1", "/Corr.1", "/ADD.2", "/add 3", " /174", "/L. 12", "/CRP.\u00a01",
                     "/WP. 3", "/INF. 2", "/REV1"])).map("".join)


@given(st.lists(st.one_of(_SYMBOL, st.sampled_from([" ", ", ", "x", "/", "."])), max_size=4).map("".join))
def test_symbol_hints_miss_no_symbol(text):
    if symbols._SPACED.search(text):
        assert symbols._SPACED_NEEDS.search(text)
    if symbols._NO_SLASH.search(text):
        assert "/RES" in text
    if symbols._SUFFIX.search(text):
        assert symbols._SUFFIX_NEEDS.search(text)
    if symbols._DOTTED.search(text):
        assert symbols._DOTTED_NEEDS.search(text)
    if symbols._RES_SYMBOL.search(text):
        assert "/RES/" in text


_MARKUP = regex.compile(r"\[\^[^\]\s]{1,12}\]|<sup>[^<]{0,12}</sup>|\\\*|\*+|\u00a0")


@given(texts("a", " ", "*", "**", "\\", "[^", "]", "1", "<sup>", "</sup>", "\u00a0", "\x1c", "[", "<"))
def test_mask_as_the_one_pattern(text):
    assert mask(text) == _MARKUP.sub(lambda m: " " * len(m.group()), text)


@given(texts("resolution", "Resolutions", "decision", "Decisions", "esolution", "ecision", " ", "\u00a0", "-", "x",
             "74/174", "(", "S-", "ES-1/2", "1"))
def test_nouns_found_where_their_words_are(text):
    next_noun = citations._NounFinder(text)  # one finder, asked at increasing positions as _references does
    for pos in range(len(text) + 1):
        found = next_noun(pos)
        plain = citations._NOUN_RE.search(text, pos)
        assert (found and found.span()) == (plain and plain.span())


_WINDOW = st.tuples(  # what may stand before "resolution 74/174" in a sentence, and how it ends
    texts("Recalling ", "the ", "General Assembly ", "Human Rights Council", ", ", "in ", "resolutions ", "including ",
          "; ", ". ", "UNEA ", "Conference of the Parties ", "Council ", "UN ", "noting ", max_size=5),
    st.sampled_from(["", "its ", "Its ", "its relevant ", "its previous ", "its adoption in ", "its decisions in ",
                     "the Council ", "General Assembly ", "ECOSOC's ", "the GA ", "UNEA ", "Commission on Narcotic Drugs ",
                     "Human Rights Council, in its ", "relevant resolutions, including ", "Council, by its ",
                     "its resolutions, in particular, "])).map("".join)


@given(_WINDOW, st.sampled_from(["GA", "SC", "ECOSOC", "HRC", "other", None]), st.booleans())
def test_bodies_read_as_before(window, body, in_footnote):
    text = window + "resolution 74/174"
    unit = citations.Unit(Clause("preambular", 0, len(text), text=text), body, in_footnote)
    assert body_before(unit, len(window)) == plain_body_before(unit, len(window))


@given(_WINDOW)
def test_searching_from_the_end_finds_the_same_organ(window):
    forward = regex.compile(_OTHER_NAMED_RE.pattern)
    assert bool(_OTHER_NAMED_RE.search(window)) == bool(forward.search(window))
    named = _NAMED_RE.search(window)
    assert named is None or named.lastgroup


def plain_body_before(unit: citations.Unit, noun_start: int) -> tuple[str | None, str]:
    """body_before as it was written before its shortcuts (no hints, every pattern searched)."""
    from termlint.rules.citations.citation_bodies import (_ANY_ORGAN_RE, _BARE_COUNCIL, _BODY_RE, _CLOSE, _INCLUDING, _ITS)

    text = unit.text
    sentence = max(text.rfind(";", 0, noun_start), text.rfind(". ", 0, noun_start)) + 1
    window = text[max(sentence, noun_start - 160):noun_start]
    named = _NAMED_RE.search(window)
    if named and named.lastgroup:
        return named.lastgroup, "named"
    if regex.compile(_OTHER_NAMED_RE.pattern).search(window):
        if regex.search(_BARE_COUNCIL, window) and unit.body in ("ECOSOC", "SC", "HRC"):
            return unit.body, "named"  # type: ignore[return-value]
        return "other", "named"
    its = regex.search(_ITS, window)
    if not its:
        including = regex.search(_INCLUDING, window)
        if including:
            return plain_body_before(unit, noun_start - len(window) + including.start())
        return None, ""
    before = text[sentence:noun_start - len(window) + its.start()]
    close = regex.search(_CLOSE, before)
    if close and close.lastgroup:
        return close.lastgroup, "its"
    if unit.in_footnote or _BODY_RE.search(before) or _ANY_ORGAN_RE.search(before):
        return None, ""
    return unit.body, "its"


_LIST = texts("74/174", " of 18 December 2019", ", ", " and ", " as well as ", " or ", "; ", "“title 3/4”", " on ",
              "paragraph 5", "S-27/2", "ES-10/1", " ", "\u00a0", "x", "\x1c", max_size=12)


@given(_LIST)
def test_the_next_number_of_a_list_as_before(text):
    for end in range(len(text) + 1):
        assert citations._next_in_list(text, text, end, len(text)) == plain_next_in_list(text, end)


def plain_next_in_list(text: str, end: int) -> int | None:
    m = citations._NUMBER_RE.search(text, end, min(len(text), end + 400))
    if not m or not citations._NUMBER_RE.match(text, m.start()):
        return None
    gap = text[end:m.start()]
    sep = citations._LIST_SEP_RE.search(gap)
    if not sep:
        return None
    between = citations.QUOTED_RE.sub(" ", gap[:sep.start()])
    if between.strip() and (not citations._TITLE_START_RE.match(between) or citations._TITLE_STOP_RE.search(between)):
        return None
    return m.start()


@given(texts("*", "*Recalling*", "**Distr.**", "1. ", "\n", " ", "x", "\t", "*a"))
def test_italics_found_from_the_first_star(text):
    ctx = Context(Document("<test>", text), parse(text)[0], {}, frozenset())
    assert footnotes.marks_italics(ctx) == bool(footnotes._ITALIC_LEAD.search(text))


def _documents() -> list[str]:
    corpus = real_texts("*.md")[:12]
    return [SEED.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in corpus)]


def test_units_with_a_word_found_in_the_whole_text():
    for text in _documents():
        ctx = Context(Document("<test>", text), parse(text)[0], {}, frozenset())
        units = citations.citations_of(ctx).units
        for unit in units:  # a clause's text is the document's, its segments joined by a space
            assert unit.clause.text == " ".join(text[s.start:s.end] for s in unit.clause.segments)
        for pattern in (footnotes._TREATY_WORD, footnotes._IBID_WORD, footnotes._SUPPLEMENT_WORD, dates._MONTH_NAME,
                        dates._YEAR):
            found = citations.units_with(ctx, pattern)
            assert [u for u in units if pattern.search(u.text) or pattern.search(u.clause.text)] == [
                u for u in found if pattern.search(u.text) or pattern.search(u.clause.text)]
            assert found == [u for u in units if u in found]  # in document order


def test_units_with_reads_every_unit_when_segments_overlap():
    text = "Recalling resolution 74/174 of 18 December 2019,\n"
    tree = Clause("document", 0, len(text), children=[
        Clause("paragraph", 0, 30, segments=(Segment(0, 30),), text=text[:30]),
        Clause("paragraph", 20, len(text), segments=(Segment(20, len(text)),), text=text[20:])])
    ctx = Context(Document("<test>", text), tree, {}, frozenset())
    assert citations.units_with(ctx, dates._MONTH_NAME) == list(citations.citations_of(ctx).units)


@given(texts("74/174", " of ", " adopted by ", "the ", "the\u00a0", "Conference of the Parties", "General Assembly",
             "UNEA", ", ", "; ", " ", "x", max_size=10))
def test_bodies_named_after_as_before(text):
    from termlint.rules.citations.citation_bodies import _AFTER, _ANY_ORGAN_RE, _BODY_RE, body_after

    unit = citations.Unit(Clause("preambular", 0, len(text), text=text), None, False)
    for end in range(len(text) + 1):
        m = regex.match(_AFTER, text[end:end + 140])
        named = _BODY_RE.match(m.group(1)) if m else None
        plain = (named.lastgroup if named else "other" if _ANY_ORGAN_RE.search(m.group(1)[:80]) else None) if m else None
        assert body_after(unit, end) == plain
