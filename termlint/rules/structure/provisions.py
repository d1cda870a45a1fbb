"""ST124: the final mark of each provision of a treaty (the `treaty` layout of parse/layouts.py).

A treaty is not one sentence as a resolution is: after `Have agreed as follows:` each article's
paragraphs are sentences, each ending with a full stop; a paragraph that introduces
sub-paragraphs ends with a colon, its sub-paragraphs with semicolons ("; and", "; or" at the end
are fine) and the last of them with the full stop. ST122 and ST123 read operative paragraphs,
which a treaty has none of; this rule reads the provisions instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from termlint.core.model import Finding, RuleMeta, Severity
from termlint.parse.tree import Clause
from termlint.rules.context import Context
from termlint.rules.structure.parts import examples, parts_of, terminal
from termlint.rules.structure.terminal import _finding, _needs

# where the provisions end: the testimonium ("DONE at ...", "IN WITNESS WHEREOF") and the annexes
_END = regex.compile(r"[#*_\s]*(?:Annex|Appendix|Schedule|DONE\s+(?:at|in)\b|IN\s+WITNESS\s+WHEREOF)\b")
_TREATY = ("The Parties to this Agreement,\n\n*Recognizing* the need to conserve shorebirds,\n\n"
           "Have agreed as follows:\n\nArticle 1\n\n")


@dataclass(frozen=True)
class ProvisionEnd:
    """ST124: a provision of a treaty that does not end with a full stop."""
    meta: RuleMeta = RuleMeta(
        code="ST124", name="provision-end", category="structure", severity=Severity.WARNING,
        summary="A provision of a treaty (a paragraph of an article) that does not end with a full stop",
        description=(
            "In a treaty (`The Parties to this Agreement,` ... `Have agreed as follows:` ... `Article 1`),\n"
            "each paragraph of an article is a sentence and ends with a full stop; one that introduces\n"
            "sub-paragraphs ends with a colon, its sub-paragraphs with semicolons and the last of them with\n"
            "a full stop. The fix puts the mark in."
        ),
        scope=frozenset({"operative", "paragraph", "subparagraph"}), fixable=True, needs_structure=True,
        source="United Nations Treaty Handbook (final clauses); the texts of multilateral treaties",
        examples=examples(
            ("bad", _TREATY + "1. Each Party shall protect the sites;\n\n2. The Parties shall cooperate.\n"),
            ("fixed", _TREATY + "1. Each Party shall protect the sites.\n\n2. The Parties shall cooperate.\n"),
            ("good", _TREATY + "1. Each Party shall:\n\n(a) Protect the sites;\n\n(b) Restore wetlands.\n\n"
                               "2. The Parties shall cooperate.\n"),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        for p in parts_of(ctx):
            if not p.layout.startswith("treaty") or not p.articles:
                continue
            for c in _provisions(p.resolution):
                term = terminal(c)
                expected = ":" if c.children else "."
                if _needs(term, expected):
                    what = f"paragraph {c.label} of {_article(p.resolution, c)}" if c.label else f"the provision of {_article(p.resolution, c)}"
                    yield _finding(self.meta.code, c, term, expected, what)
                subs = [s for s in c.walk() if s.kind == "subparagraph"]
                for j, sub in enumerate(subs):
                    sterm = terminal(sub)
                    sexp = ":" if sub.children else ("." if j == len(subs) - 1 else ";")
                    if _needs(sterm, sexp):
                        yield _finding(self.meta.code, sub, sterm, sexp, f"sub-paragraph {sub.label} of a provision")


def _provisions(res: Clause) -> Iterator[Clause]:
    """The paragraphs of the articles, numbered or not, in order, up to the treaty's own annexes
    (model forms, tables: no provisions)."""
    in_article = False
    for c in res.children:
        if c.kind in ("closing", "annex") or (c.kind in ("heading", "paragraph") and _END.match(c.text)):
            return
        if c.kind == "article":
            in_article = True
        elif in_article and c.kind in ("operative", "paragraph") and c.text.strip() and not c.text.startswith("|"):
            yield c


def _article(res: Clause, clause: Clause) -> str:
    """"article 4": the article the clause belongs to."""
    label = ""
    for c in res.children:
        if c is clause:
            break
        if c.kind == "article":
            label = c.label
    return f"article {label}" if label else "the article"


RULES = (ProvisionEnd(),)
