from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from termlint.engine.lint import LintResult, Settings, lint_text
from termlint.rules.registry import all_rules, select

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "examples" / "draft-2022-child-protection.txt"


# Real texts are copies kept in tests/data (their sources: tests/data/SOURCES.md), so that no test depends on
# the project's shared corpus being beside the checkout.
CORPUS_FOLDERS = (DATA / "corpus", DATA / "corpus-sample")


def real(name: str) -> Path:
    """A real resolution text kept in tests/data/corpus or tests/data/corpus-sample."""
    for folder in CORPUS_FOLDERS:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"{name} is in neither {' nor '.join(str(f) for f in CORPUS_FOLDERS)}")


def real_texts(pattern: str = "*") -> list[Path]:
    """Every real text kept in tests/data whose name matches `pattern`, sorted by name."""
    return sorted((p for folder in CORPUS_FOLDERS for p in folder.glob(pattern)), key=lambda p: p.name)

# Property tests (tests/engine/test_properties.py): a bounded run by default and in CI, a long one
# on demand with HYPOTHESIS_PROFILE=long. No deadline: a document may take a while to lint.
hypothesis_settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
hypothesis_settings.register_profile("long", max_examples=20_000, deadline=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def settings(select_codes: tuple[str, ...] = (), ignore: tuple[str, ...] = (), **options: dict) -> Settings:
    """Every bundled rule (or those selected), as a user with no configuration gets them."""
    rules = select(all_rules(), select_codes, ignore)
    return Settings(rules=tuple(rules), options=options)


def lint(text: str, *codes: str, **options: dict) -> LintResult:
    return lint_text(text, settings(codes, **options))


def codes_of(result: LintResult) -> list[str]:
    return [d.code for d in result.diagnostics]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
