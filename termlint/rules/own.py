"""The rules the engine itself reports, declared once: ST000 (a block the parser cannot place)
and TL001 (a suppression comment that suppresses nothing). They have no check of their own."""

from __future__ import annotations

from dataclasses import dataclass

from termlint.core.model import RuleMeta, Severity

PARSE_RULE = RuleMeta(
    code="ST000", name="unplaced-block", category="structure", severity=Severity.WARNING,
    summary="A block of text that does not fit the structure of a resolution",
    description=(
        "termlint reads a draft as header, title, chapeau, preambular paragraphs, numbered operative\n"
        "paragraphs with their sub-paragraphs, closing lines and annexes. A block that cannot be placed\n"
        "there (for example a sub-paragraph before any paragraph) is reported here; the rest of the\n"
        "draft is still checked."
    ),
)


@dataclass(frozen=True)
class MetaOnly:
    """A rule known by its metadata alone (ST000, TL001): the engine itself reports it."""

    meta: RuleMeta


PARSE_RULE_ENTRY = MetaOnly(PARSE_RULE)


UNUSED_CODE = "TL001"
UNUSED_META = RuleMeta(
    code=UNUSED_CODE, name="unused-directive", category="structure", severity=Severity.WARNING,
    summary="A suppression comment that suppresses nothing (with --report-unused-directives)",
    description=(
        "A `termlint: disable...` comment whose findings are gone, an `enable` with no `disable` before it,\n"
        "or a code in a directive that is not a rule code. Remove the directive (or correct the code) so\n"
        "that it cannot silence a future finding by accident."
    ),
)


OWN_RULES = (PARSE_RULE_ENTRY, MetaOnly(UNUSED_META))
OWN_CODES = frozenset(r.meta.code for r in OWN_RULES)
