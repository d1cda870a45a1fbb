"""ST121-ST123 read each paragraph's final mark once per resolution (Parts.end_of) and ST122 counts
the full stops of a resolution once: the findings are those of the plain definition, `terminal`
read afresh at every question (hypothesis texts of real draft lines, and the real drafts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import FRAGMENTS, JOINERS, REAL_LINES
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from termlint.engine.lint import Settings, lint_text
from termlint.rules.registry import all_rules
from termlint.rules.structure import parts

ROOT = Path(__file__).resolve().parents[3]
SETTINGS = Settings(rules=tuple(r for r in all_rules() if r.meta.code in ("ST121", "ST122", "ST123")))
LINES = st.sampled_from(REAL_LINES + FRAGMENTS + ("1. *Decides* that:", "(a) To act,", "(b) To report.", "2. The Fund shall act.",
                                                  "3. The Fund shall report;", "*Recalling* its resolution 74/174;"))


def _findings(text: str) -> list[tuple]:
    return [(d.code, d.start, d.end, d.message) for d in lint_text(text, SETTINGS).diagnostics]


def _plain(text: str) -> list[tuple]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts.Parts, "end_of", lambda self, clause: parts.terminal(clause))
        return _findings(text)


@hsettings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None, max_examples=150)
@given(st.lists(st.tuples(LINES, st.sampled_from(JOINERS)), max_size=40))
def test_final_marks_read_once_report_what_they_reported(pieces: list[tuple[str, str]]) -> None:
    text = "The General Assembly,\n\n" + "".join(line + joiner for line, joiner in pieces)
    assert _findings(text) == _plain(text)


def test_final_marks_on_the_real_drafts() -> None:
    found = 0
    for path in [ROOT / "examples" / "draft-2022-child-protection.txt", *sorted((ROOT / "tests" / "data" / "drafts").iterdir())]:
        text = path.read_text(encoding="utf-8")
        got = _findings(text)
        assert got == _plain(text), path.name
        found += len(got)
    assert found > 5
