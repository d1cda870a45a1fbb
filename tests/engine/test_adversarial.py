"""Texts shaped to find quadratic code: each must be checked in time proportional to its size.

The fuzzer (scripts/fuzz.py) reports its slowest document; these are the shapes that were
slow there, kept at a size where quadratic code takes tens of seconds and linear code a
fraction of one. The bound is a hang guard for a slow CI machine, not a speed target
(speed is measured by benchmarks/bench.py).
"""

from __future__ import annotations

import time

import pytest

from tests.conftest import lint

N = 60_000

SHAPES = {
    # Stars, thousands of empty lines, stars: "does this text mark italics" once scanned all the
    # following line breaks from every line start.
    "line breaks between stars": "Recalling its *resolution*,\n" + "\n" * N + "Notes the *Treaty Series*,",
    # Every quotation mark is unbalanced, and "[sic]" was looked for after each finding by
    # first skipping every following quotation mark.
    "straight quotation marks": "Recalling " + '"' * N,
    "curly quotation marks": "Recalling " + "”" * N,
    "stars": "Recalling " + "*" * N,
    "apostrophes": "Recalling " + "’" * N,
    # Each unopened ")" looked for an enumerator ("a)") from the start of the paragraph.
    "closing parentheses": "Recalling " + ")" * N,
    # PU002's prefilter tried a run of spaces from each of its spaces.
    "a run of spaces": "Recalling " + " " * (4 * N) + "x",
    # Each missing space read the whole "word" around it, and the text before it for "&nbsp;".
    "words joined by semicolons": "Recalling " + "word;" * N,
    # Each resolution looked through every block after it for the next one.
    "thousands of chapeaus": "The General Assembly,\n\n" * (3 * N // 4),
    # Each undefined acronym looked for its spelled-out form in every paragraph.
    "hundreds of undefined acronyms": "The General Assembly,\n\n" + "".join(
        f"*Noting* the work of ABC{i % 500} and the DEF,\n\n" for i in range(N // 6)),
    # A paragraph of 1.5 MB (a PDF converted without breaks) citing resolutions: each citation
    # searched the rest of the paragraph for "decision", and its start for the last ";".
    "one paragraph citing thousands of resolutions": "The General Assembly,\n\n*Recalling* " + "".join(
        f"resolution 74/{i % 300} of 18 December 2019, the rights of the child, " for i in range(2 * N // 5)) + ",",
    # Thousands of near-identical paragraphs (a converted table): each was compared with every
    # earlier one that shares its opening trigrams.
    "thousands of near-identical paragraphs": "The General Assembly,\n\n" + "".join(
        f"*Recognizing* the Internet and the rights of States parties, entry {i},\n\n" for i in range(N // 10)),
    # Each finding was tried against every suppression comment of the text.
    "thousands of suppression comments": "The General Assembly,\n\n"
    + "<!-- termlint: disable-next-line=PU001 -->\n*Recalling* x, , y,\n\n" * (N // 6),
}


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_adversarial_text_is_checked_in_linear_time(text: str) -> None:
    # CPU time, not wall time: other work on a shared CI machine must not fail the test
    start = time.process_time()
    lint(text)
    assert time.process_time() - start < 10


def test_thousands_of_fixes_are_applied_in_linear_time() -> None:
    # Each fix was checked against every fix already taken in its round.
    from termlint.text.document import Document
    from termlint.engine.fix import fix_text
    from tests.conftest import settings

    text = "The General Assembly,\n\n*Recalling* " + "x, , " * (N // 2) + "y,"
    start = time.perf_counter()
    outcome = fix_text(Document.from_text(text, "draft.md"), settings(("PU001",)))
    assert time.perf_counter() - start < 10
    assert outcome.applied == N // 2 and ", ," not in outcome.text
