"""The rule reference is generated from the rules' metadata: docs/rules.md is what
scripts/gen_docs.py writes, `termlint rules --format markdown|json` print the same facts, and the
hand-written pages name only rules that exist."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys

from termlint.core.model import RuleMeta
from termlint.rules.reference import rule_metas, to_markdown

from conftest import ROOT

DOC = ROOT / "docs" / "rules.md"


def termlint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_docs_rules_md_is_not_stale() -> None:
    assert DOC.read_text(encoding="utf-8") == to_markdown(rule_metas()), \
        "docs/rules.md is stale: run `python scripts/gen_docs.py` and commit it"


def test_gen_docs_check_says_whether_the_page_is_stale(tmp_path, monkeypatch) -> None:
    gen = subprocess.run([sys.executable, "scripts/gen_docs.py", "--check"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert gen.returncode == 0, gen.stderr
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_docs
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    stale = tmp_path / "rules.md"
    stale.write_text(DOC.read_text(encoding="utf-8").replace("| warning |", "| error |", 1), encoding="utf-8")
    monkeypatch.setattr(gen_docs, "DOC", stale)
    monkeypatch.setattr(gen_docs, "ROOT", tmp_path)
    assert gen_docs.main(["--check"]) == 1
    assert gen_docs.main([]) == 0 and stale.read_text(encoding="utf-8") == DOC.read_text(encoding="utf-8")


def test_rules_markdown_is_the_generated_page() -> None:
    out = termlint("rules", "--format", "markdown")
    assert out.returncode == 0 and out.stderr == ""
    assert out.stdout == DOC.read_text(encoding="utf-8")


def test_the_page_has_every_rule_in_a_section_of_its_category() -> None:
    text = DOC.read_text(encoding="utf-8")
    metas = rule_metas()
    sections = re.findall(r"^### (\S+)$", text, re.M)
    assert sorted(sections) == [m.code for m in metas] and len(metas) > 80  # 85 when written
    st112 = text[text.index("### ST112\n"):text.index("### ST113\n")]
    assert "`lead-italics` · severity **warning** · fixable · runs on: operative, preambular" in st112
    assert "*Noting* with concern the growing threat," in st112  # a bad example, verbatim
    assert "Source: United Nations Editorial Manual" in st112
    assert text.index("## Citations") < text.index("### CI001") < text.index("## Clause structure")
    ac001 = text[text.index("### AC001\n"):text.index("### AC002\n")]
    assert "Options (`[tool.termlint.options.AC001]`):\n\n- `allow` (list of str): acronyms" in ac001


def test_rules_json_has_every_metadata_field_and_the_examples() -> None:
    out = termlint("rules", "--format", "json")
    assert out.returncode == 0 and out.stderr == ""
    records = json.loads(out.stdout)
    fields = [f.name for f in dataclasses.fields(RuleMeta)]
    assert [r["code"] for r in records] == [m.code for m in rule_metas()]
    assert all(list(r) == fields for r in records)
    by_code = {r["code"]: r for r in records}
    assert by_code["ST112"]["scope"] == ["operative", "preambular"] and by_code["ST112"]["needs_structure"] is True
    assert by_code["TM101"]["severity"] == "warning" and by_code["TM101"]["pack"] == "luxembourg"
    assert by_code["PU001"]["scope"] is None
    assert by_code["AC001"]["options"][0] == {"name": "allow", "value_type": "list", "item": "str",
                                              "help": "acronyms this project may use without defining them"}
    examples = by_code["ST112"]["examples"]
    assert examples[0]["kind"] == "bad" and examples[0]["text"].startswith("The General Assembly,\n\n*Noting* with")
    assert {e["kind"] for e in examples} == {"bad", "fixed", "good"}


def test_rules_text_format_is_unchanged() -> None:
    out = termlint("rules")
    lines = out.stdout.splitlines()
    assert out.returncode == 0 and len(lines) == len(rule_metas())
    assert re.match(r"ST112 +warning +fix +structure +lead-italics +A lead phrase", next(l for l in lines
                                                                                        if l.startswith("ST112")))


def test_hand_written_pages_name_only_rules_that_exist_and_link_to_the_reference() -> None:
    codes = {m.code for m in rule_metas()}
    for page in ("structure-rules.md", "citation-rules.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        named = set(re.findall(r"\b(?:AC|CI|CO|FN|HS|PU|SP|ST|TL|TM)\d{3}\b", text))
        assert named and named <= codes, (page, sorted(named - codes))
        assert "](rules.md" in text
        assert not re.search(r"^\|[^|\n]*\| *(error|warning|info) *\|", text, re.M), f"{page} copies a severity"
