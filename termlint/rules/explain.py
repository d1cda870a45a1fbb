"""A rule's documentation as text: what `termlint explain CODE` prints and the editor's hover shows.

Also where a rule's documentation lives as a link (the language server's `codeDescription`):
`docs_url(code, template)` fills `{code}` (PU001) or `{code_lower}` (pu001) in a template taken
from the editor's `docsUrl` setting, else the environment's TERMLINT_DOCS_URL, else a file://
link to the generated rule reference (docs/rules.md) of a source checkout, at the rule's anchor.
"""

from __future__ import annotations

import os
from pathlib import Path

from termlint.core.model import RuleMeta

# The rule reference of a source checkout (an installed wheel has none: set TERMLINT_DOCS_URL).
RULES_DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def explain_text(meta: RuleMeta) -> str:
    """The rule's code, name, facts, summary, description, examples and source, as plain text."""
    lines = [f"{meta.code} {meta.name}",
             f"  category: {meta.category}    default severity: {meta.severity}    "
             f"fix: {'yes' if meta.fixable else 'no'}    pack: {meta.pack or 'built-in'}"]
    if meta.scope:
        lines.append(f"  runs on: {', '.join(sorted(meta.scope))}")
    lines.extend(f"  option `{o.name}` ({o.value_type.__name__}): {o.help}" for o in meta.options)
    lines.append(f"\n{meta.summary}\n")
    if meta.description:
        lines.append(meta.description.strip() + "\n")
    if meta.examples:
        lines.append("Examples:")
        lines.extend(f"  {ex.kind:5s}  {ex.text}" for ex in meta.examples)
        lines.append("")
    if meta.source:
        lines.append(f"Source: {meta.source}")
    return "\n".join(lines) + "\n"


def docs_url(code: str, template: str | None = None) -> str | None:
    """A link to the documentation of rule `code`, or None when no documentation is known."""
    template = template or os.environ.get("TERMLINT_DOCS_URL") or _default_template()
    if not template:
        return None
    if "{code" not in template:
        template = template.rstrip("/") + "/{code}"
    return template.replace("{code_lower}", code.lower()).replace("{code}", code)


def _default_template() -> str | None:
    return RULES_DOC.as_uri() + "#{code_lower}" if RULES_DOC.is_file() else None
