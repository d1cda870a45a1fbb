"""The README's "adding a rule" example is real: its module runs, and its examples behave as stated."""

from __future__ import annotations

import re
import types

from termlint.engine.lint import Settings, lint_text

from conftest import ROOT

README = ROOT / "README.md"


def readme_rule_module() -> types.ModuleType:
    block = re.search(r"```python\n(# termlint/rules/structure/etc\.py\n.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block, "the README lost its example rule"
    module = types.ModuleType("readme_rule")
    exec(compile(block.group(1), "README.md", "exec"), module.__dict__)
    return module


def test_the_readme_rule_reports_its_bad_example_and_not_its_good_one() -> None:
    (rule,) = readme_rule_module().RULES
    settings = Settings(rules=[rule])
    for example in rule.meta.examples:
        result = lint_text(example.text, settings)
        codes = [d.code for d in result.diagnostics if d.code == "ST199"]
        assert not result.errors
        if example.kind == "bad":
            (d,) = [d for d in result.diagnostics if d.code == "ST199"]
            assert example.text[d.start:d.end] == "etc."
        else:
            assert codes == []
