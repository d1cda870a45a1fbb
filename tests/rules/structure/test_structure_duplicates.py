"""ST101-ST102 read words and trigrams the fast way (C string methods on the joined paragraphs,
trigram hashes, a cheap test before the prefix index): these tests hold them to the plain
definitions (a regex over each paragraph, Jaccard over every pair)."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from termlint.rules.structure.duplicates import MIN_WORDS, SIMILAR, _tokens, pairs
from termlint.parse.tree import Clause

_LABEL = regex.compile(r"^\s*(?:\d{1,3}(?:\s?(?:bis|ter|quater))?\.|\((?:[a-z]{1,3}|[ivxlc]+)\))\s+")
_MARKUP = regex.compile(r"<sup>[^<>]{1,12}</sup>|\[\^[^\]\s]{1,12}\]|\\\*|[*_]")
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[/.\-][\p{L}\p{N}]+)*")


def words(text: str) -> list[str]:
    """The definition: the words of a paragraph, label, emphasis and footnote markers aside."""
    return _WORD.findall(_MARKUP.sub("", _LABEL.sub("", text)).lower())


def clauses(texts: list[str]) -> list[Clause]:
    return [Clause("preambular", 0, 0, text=t) for t in texts]


def read(texts: list[str]) -> list[list[str]]:
    tokens, spans = _tokens(clauses(texts))
    return [[w.decode("utf-8", "surrogatepass") for w in tokens[a:b]] for a, b in spans]


def test_words_as_defined_on_awkward_text():
    texts = [
        "12 bis. *Recalling* its resolution 74/174 of 18 December 2019,[^3] and A/RES/74/174.",
        "(b) the e.g. case: a..b, a-/b, -x- y/ /z .5 5. ... “quoted” l’État, naïve\u00a0text",
        "*Noting* the report<sup>12</sup> of the Secretary-General\\* and snake_case words",
        "İstanbul and ΟΔΟΣ’Α and ΟΔΟΣ: Σ",  # lower case by word, not by text
        "",
        "\x00 a NUL \x00 in the text",
        "ASCII only, no markup at all - nothing - here.",
    ]
    assert read(texts) == [words(t) for t in texts]
    for t in texts:
        assert read([t]) == [words(t)]


_ALPHABET = st.sampled_from(list("aAb1 ./-,;*_\n\u00a0é“”’İΣσⒶ\u0307\x1c\\[^]<>") + ["<sup>1</sup>", "[^2]", "\\*", "(c) ", "3. "])


@given(st.lists(st.lists(_ALPHABET, max_size=30).map("".join), max_size=5))
def test_words_as_defined(texts):
    assert read(texts) == [words(t) for t in texts]


def brute_force(texts: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int, float]]]:
    """ST101/ST102 by definition: every pair compared."""
    ws = [words(t) for t in texts]
    exact, first, repeated = [], {}, set()
    for i, w in enumerate(ws):
        if len(w) >= MIN_WORDS:
            if tuple(w) in first:
                exact.append((first[tuple(w)], i))
                repeated.add(i)
            else:
                first[tuple(w)] = i
    grams = [frozenset(zip(w, w[1:], w[2:])) if len(w) >= MIN_WORDS + 2 else frozenset() for w in ws]
    near = []
    for i, g in enumerate(grams):
        if not g or i in repeated:
            continue
        best = None
        for j in range(i):
            h = grams[j]
            if h and SIMILAR * len(g) <= len(h) <= len(g) / SIMILAR:
                score = len(g & h) / len(g | h)
                if score >= SIMILAR and (best is None or score > best[1]):
                    best = (j, score)
        if best:
            near.append((best[0], i, best[1]))
    return exact, near


def as_indexes(texts: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int, float]]]:
    units = clauses(texts)
    where = {id(c): i for i, c in enumerate(units)}
    exact, near = pairs(units)
    return [(where[id(a)], where[id(b)]) for a, b in exact], [(where[id(a)], where[id(b)], s) for a, b, s in near]


# Paragraphs from few words, so that exact and near repeats (and repeated trigrams) are common.
_PARAGRAPH = st.lists(st.sampled_from("a b c d e f g h".split()), min_size=4, max_size=24).map(" ".join)


@given(st.lists(_PARAGRAPH, max_size=12))
def test_pairs_as_defined(texts):
    assert as_indexes(texts) == brute_force(texts)


@given(st.lists(st.integers(0, 3), min_size=1, max_size=10), st.integers(0, 10_000))
def test_near_repeats_found_as_defined(edits, seed):
    # Variants of one long paragraph, each a few words off: many near repeats, some below the bar.
    import random

    rng = random.Random(seed)
    base = [f"w{rng.randrange(60)}" for _ in range(30)]
    texts = []
    for n in edits:
        w = list(base)
        for _ in range(n):
            w[rng.randrange(len(w))] = f"x{rng.randrange(5)}"
        texts.append(" ".join(w))
    assert as_indexes(texts) == brute_force(texts)
