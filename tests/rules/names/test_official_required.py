"""HS310 tries a name's loose pattern in a clause only when the clause's case-folded text holds
the fixed beginning of each word every match writes (`OfficialNames._required`). The plain
definition, each chosen name's pattern tried wherever the name may start, finds the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlint.engine.lint import Settings, lint_text
from termlint.rules.names.official import OfficialNames
from termlint.rules.registry import all_rules, select

ROOT = Path(__file__).resolve().parents[3]
(RULE,) = [r for r in all_rules() if r.meta.code == "HS310"]
NAMES = sorted({n.skeleton for n in RULE.names})


def _texts() -> list[str]:
    drafts = [(ROOT / "tests" / "data" / "drafts" / n).read_text(encoding="utf-8")
              for n in ("mun-us-layout.txt", "mun-delegation.txt")]
    seed = (ROOT / "examples" / "draft-2022-child-protection.txt").read_text(encoding="utf-8")
    # every name, misspelt the ways drafters do, with "UN" for "United Nations", in capitals, with a long s
    forms = [variant for name in NAMES for variant in (
        name, name.replace("United Nations", "UN"), name.replace("me", "m").replace("ion", "ions"),
        name.replace("ent", "ental"), name.upper(), name.lower(), name.replace("s", "\u017f"),
        name.replace(" ", "\n", 1), " ".join(name.split()[:-1]))]
    made = "\n".join(f"{i}. Welcomes the work of the {form}, and of the {forms[i - 1]};"
                     for i, form in enumerate(forms, 1))
    return [*drafts, seed, "Recalling the resolutions,\n\n" + made]


def _findings(text: str) -> list[tuple[str, int, int, str]]:
    result = lint_text(text, Settings(rules=tuple(select(all_rules(), ("HS310",), ()))))
    return [(d.code, d.start, d.end, d.message) for d in result.diagnostics]


def test_every_name_requires_some_word() -> None:
    required = RULE._required
    assert len(required) == len(RULE.names) and all(required)
    assert any(w.startswith("deve") for r in required for w in r)  # Development: its fixed part, case-folded


@pytest.mark.parametrize("which", range(4))
def test_names_found_with_the_required_words_are_those_found_trying_every_pattern(which: int) -> None:
    text = _texts()[which]
    new = _findings(text)
    assert new or which == 2  # the drafts and the made text hold near-misses (the seed draft none)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(OfficialNames, "_required", property(lambda self: tuple(() for _ in self.names)))
        assert _findings(text) == new
