"""CI040-CI042: sources cited in footnotes: the Treaty Series, "Ibid.", the Official Records.

In resolutions every source goes into a footnote (UN Editorial Manual, "Footnotes and other
references"): "United Nations, *Treaty Series*, vol. 1577, No. 27531.", "Ibid., vol. 2171,
No. 27531.", "*Official Records of the General Assembly, Seventy-fourth Session, Supplement
No. 10* (A/74/10)". Footnote presence and numbering are the FN rules' business, not these.
Italics are judged only in texts that mark italics (Markdown `*...*`); a plain-text copy,
which cannot show them, is not asked for them.
"""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Iterator
from functools import partial

import regex as re

from termlint.core.model import Edit, Finding, Fix, Severity
from termlint.rules.citations.calendars import ordinal
from termlint.rules.citations.citations import citations_of, rule_meta, units_with
from termlint.rules.citations.unit import Unit
from termlint.rules.context import Context

SOURCE = "United Nations Editorial Manual, \"Footnotes and other references\" (United Nations sources; repeated references)"
_meta = partial(rule_meta, source=SOURCE)
_ORDINAL_NUMBER = {ordinal(n): n for n in range(1, 100)}
_ITALIC_LEAD = re.compile(r"(?m)^[^\S\n]*(?:\d+\.\s+)?\*[A-Z][a-z]+")  # "*Recalling*": this text marks italics

_TREATY = re.compile(r"(?P<open>\*?)Treaty" + r"[ \t\n\u00a0]+Series(?P<close>\*?)(?P<rest>[^;\n]{0,80})")
_THE_SERIES = re.compile(r"\bthe[ \t\u00a0]+(?:United[ \t\u00a0]+Nations[ \t\u00a0]+)?\*?$")
_VOLUME = re.compile(r"^\*?\s*,\*?\s*vols?\.\s*(?:\d|[IVXLCDM]+\b)")  # League of Nations volumes are roman (vol. XCIV)
_NUMBER = re.compile(r",\s*Nos?\.\s*\d")
_BAD_VOLUME = re.compile(r"\b(?:Vols?|[Vv]olumes?|v)\b\.?\s*\d")
_BAD_NUMBER = re.compile(r"(?:\b[Nn]o\b(?!\.)|\bno\.|\bNr\b\.?|N°|\bNumber\b)\s*\d")
_IBID = re.compile(r"(?P<stars>\*{1,2}|_)?(?P<word>[Ii]bid)(?P<dot>\.)?(?P<close>\*{1,2}|_)?")
_SOURCE_LIKE = re.compile(r"[A-Z]{1,6}(?:\.\d+)?/\S|\b[Dd]ocuments?\s+[A-Z][A-Za-z]*\.?\s?\d|Treaty\s+Series|Official\s+Records|[Rr]esolutions?\s+\d|[Dd]ecisions?\s+\d|"
                          r"\bSales\s+No\.|publication|\bvols?\.|\bIbid\b|https?://|www\.|\*[^*\n]{3,}\*|\b(?:19|20)\d\d\b")
_GA_RECORDS = re.compile(r"(?P<title>(?P<ord>[A-Z][a-z]+(?:[-\u2010\u2011][a-z]+)?)[ \t\u00a0]+(?P<session_word>[Ss]ession),[ \t\u00a0]+Supplement[ \t\u00a0]+No\.[ \t\u00a0]*"
                         r"(?P<supp>\d{1,3})(?P<letter>[A-Z]?))(?P<close>\*?)[^()\n]{0,40}\((?P<symbol>A/(?P<session>\d{1,3})/(?P<number>\d{1,3})(?P<rest>[^\s),;]*))")
_ECOSOC_RECORDS = re.compile(r"(?P<year>(?:19|20)\d\d),[ \t\u00a0]+Supplement[ \t\u00a0]+No\.[ \t\u00a0]*\d{1,3}[A-Z]?\*?[^()\n]{0,40}"
                             r"\((?P<symbol>E/(?P<symyear>(?:19|20)\d\d)/\d+)")
_IBID_OPENING = re.compile(r"\s*(?:\[\^[^\]]+\]:|<sup>[^<]*</sup>|\d{1,3}\b|\\?\*+)?\s*\*{0,2}[Ii]bid\b")
# What the patterns need, found in the whole text at once (termlint.rules.citations.citations.units_with)
_TREATY_WORD = stdlib_re.compile("Treaty")
_IBID_WORD = stdlib_re.compile("bid")
_SUPPLEMENT_WORD = stdlib_re.compile("Supplement")
_OFFICIAL_WORD = stdlib_re.compile("Official")
_RECORDS_TITLE = re.compile(r"(?P<open>\*?)Official[ \t\n\u00a0]+Records[ \t\n\u00a0]+of[ \t\n\u00a0]+the[ \t\n\u00a0]+[A-Z]")


def marks_italics(ctx: Context) -> bool:
    """Whether the text marks italics (read once per document)."""
    def compute() -> bool:
        # Every match holds a "*", and matches again from the start of that star's line: searching
        # from the line of the first star finds one if there is one.
        star = ctx.text.find("*")
        return star >= 0 and bool(_ITALIC_LEAD.search(ctx.text, ctx.text.rfind("\n", 0, star) + 1))

    return ctx.shared("citations_footnotes.marks_italics", compute)


def in_italics(raw: str, i: int) -> bool:
    """Whether position i of a Markdown text lies inside *...* (bold ** pairs ignored)."""
    return raw[:i].replace("**", "").count("*") % 2 == 1


def _raw(ctx: Context, unit: Unit) -> str:
    """The clause's own text (with its markup), as `citations` joins it."""
    return unit.clause.text


class TreatySeries:
    meta = _meta(
        "CI040", "treaty-series-reference", Severity.WARNING,
        "A *Treaty Series* reference without volume and number, or not in italics",
        """
A treaty is cited from the United Nations *Treaty Series* with its volume and its
registration number: "United Nations, *Treaty Series*, vol. 1577, No. 27531." (several
volumes: "vols. 2171 and 2173, No. 27531"; several numbers: "vol. 75, Nos. 970-973"). The
title of the series is in italics, in a text that marks italics.
""",
        [("bad", "*Recalling* the Convention,[^1]\n\n[^1]: United Nations, *Treaty Series*, vol. 1577."),
         ("bad", "*Recalling* the Convention,[^1]\n\n[^1]: United Nations, Treaty Series, vol. 1577, No. 27531."),
         ("bad", "*Recalling* the Convention,[^1]\n\n[^1]: United Nations, *Treaty Series*, Vol. 1577, No 27531."),
         ("good", "*Recalling* the Convention,[^1]\n\n[^1]: United Nations, *Treaty Series*, vol. 1577, No. 27531."),
         ("good", "*Recalling* the Protocols,[^1]\n\n[^1]: United Nations, *Treaty Series*, vols. 2171 and 2173, No. 27531; and ibid., vol. 75, Nos. 970–973."),
         ("good", "Recalling the Convention, 1\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531.")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        italics = marks_italics(ctx)
        for unit in units_with(ctx, _TREATY_WORD):
            raw, at = _raw(ctx, unit), unit.clause.offset_of
            for m in _TREATY.finditer(raw):
                start, end = at(m.start()), at(m.end("close"))
                rest = m.group("rest")
                if rest.strip() and not rest.lstrip().startswith(","):
                    continue  # "the Treaty Series of the League ...": prose, not a reference
                if _THE_SERIES.search(raw, max(0, m.start() - 30), m.start()):
                    continue  # "publication of the United Nations *Treaty Series*, in accordance ...": the series named in prose
                problems = []
                if _BAD_VOLUME.search(rest) or _BAD_NUMBER.search(rest):
                    problems.append("write “vol.” and “No.”")
                else:
                    if not _VOLUME.search(rest):
                        problems.append("give the volume (“vol. 1577”)")
                    if not _NUMBER.search(rest):
                        problems.append("give the registration number (“No. 27531”)")
                closed = m.group("close") or rest.startswith(",*")  # *Treaty Series,*: the comma set in italics too
                if italics and not (m.group("open") and closed) and not in_italics(raw, m.start()):
                    problems.append("set *Treaty Series* in italics")
                if problems:
                    yield Finding(self.meta.code, start, end,
                                  "Treaty Series reference: " + "; ".join(problems)
                                  + " (United Nations, *Treaty Series*, vol. 1577, No. 27531.)")


class Ibid:
    meta = _meta(
        "CI041", "ibid", Severity.WARNING,
        "“Ibid.” in italics, without its full stop, or with no earlier source to refer to",
        """
"Ibid." repeats the source of the footnote just before it. In United Nations texts it is set
in roman, not italics, with a full stop: "Ibid., vol. 2171, No. 27531." (the adopted
resolutions in termlint's corpus, converted from the UN's own XML where italics are marked,
write "Ibid." in roman all 328 times, beside italic titles). A footnote that opens with "Ibid." must follow a
footnote that cites a source; after an explanatory note, or as the first footnote, it refers
to nothing. The fix removes the italics.
""",
        [("bad", "*Recalling* the Protocol,[^1]\n\n[^1]: *Ibid.*, vol. 2171, No. 27531."),
         ("bad", "*Recalling* the Convention[^1] and the Protocol,[^2]\n\n[^1]: United Nations, *Treaty Series*, vol. 1577, No. 27531.\n[^2]: *Ibid.*, vol. 2171, No. 27531."),
         ("fixed", "*Recalling* the Convention[^1] and the Protocol,[^2]\n\n[^1]: United Nations, *Treaty Series*, vol. 1577, No. 27531.\n[^2]: Ibid., vol. 2171, No. 27531."),
         ("bad", "*Noting* the term[^1] and the Protocol,[^2]\n\n[^1]: The term “survivors” is often used.\n[^2]: Ibid., vol. 2171, No. 27531."),
         ("good", "*Recalling* the Convention[^1] and the Protocol,[^2]\n\n[^1]: United Nations, *Treaty Series*, vol. 1577, No. 27531.\n[^2]: Ibid., vol. 2171, No. 27531."),
         ("good", "*Recalling* the reports,[^1]\n\n[^1]: A/62/54; and ibid., *Sixty-third Session, Supplement No. 54* (A/63/54).")],
        fixable=True)

    def check(self, ctx: Context) -> Iterator[Finding]:
        if "bid" not in ctx.text:
            return  # what every finding holds
        previous: Unit | None = None
        with_ibid = {id(u) for u in units_with(ctx, _IBID_WORD)}
        for unit in [u for u in citations_of(ctx).units if u.in_footnote or id(u) in with_ibid]:
            raw, at = _raw(ctx, unit), unit.clause.offset_of
            has_ibid = "bid" in raw  # what _IBID and _IBID_OPENING need
            for m in _IBID.finditer(raw) if has_ibid else ():
                if m.start("word") > 0 and raw[m.start("word") - 1].isalpha() or raw[m.end("word"):m.end("word") + 1].isalpha():
                    continue
                if m.group("stars") and m.group("close"):
                    start, end = at(m.start()), at(m.end())
                    right = m.group("word") + (m.group("dot") or ".")
                    yield Finding(self.meta.code, start, end, f"“{raw[m.start():m.end()]}”: Ibid. is set in roman, not italics",
                                  fix=Fix((Edit(start, end, right),), True, f"write “{right}”"))
                elif not m.group("dot"):
                    yield Finding(self.meta.code, at(m.start("word")), at(m.end("word")), "“Ibid” takes a full stop: “Ibid.”",
                                  fix=Fix((Edit(at(m.end("word")), at(m.end("word")), "."),), True, "add the full stop"))
            if unit.in_footnote:
                opening = _IBID_OPENING.match(raw) if has_ibid else None
                if opening and (previous is None or not _SOURCE_LIKE.search(previous.clause.text)):
                    start = at(opening.end() - 4)
                    what = ("it is the first footnote" if previous is None
                            else f"the footnote before it ({' '.join(previous.clause.text.split())[:50]}…) cites no source")
                    yield Finding(self.meta.code, start, start + 4, f"“Ibid.” refers to the source of the footnote before it, but {what}")
                previous = unit


class OfficialRecords:
    meta = _meta(
        "CI042", "official-records-reference", Severity.WARNING,
        "An *Official Records* reference whose session or year does not match its symbol",
        """
Reports issued as supplements to the Official Records are cited with their title in italics
and their symbol: "*Official Records of the General Assembly, Seventy-fourth Session,
Supplement No. 10* (A/74/10)". The session's ordinal word names the same session as the
symbol (Seventy-fourth: A/74/...), the supplement number is the symbol's number (Supplement
No. 53A: A/75/53/Add.1), and for the Economic and Social Council the year is the symbol's
year ("2021, Supplement No. 10 (E/2021/30)"). "Ibid., *Seventy-fifth Session, ...*" is read
the same way.
""",
        [("bad", "*Recalling* the report,[^1]\n\n[^1]: *Official Records of the General Assembly, Seventy-fourth Session, Supplement No. 10* (A/75/10)."),
         ("bad", "*Recalling* the report,[^1]\n\n[^1]: *Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53A* (A/75/53)."),
         ("bad", "*Recalling* the report,[^1]\n\n[^1]: *Official Records of the Economic and Social Council, 2021, Supplement No. 10* (E/2020/30)."),
         ("bad", "*Recalling* the report,[^1]\n\n[^1]: Official Records of the General Assembly, Seventy-fourth Session, Supplement No. 10 (A/74/10)."),
         ("good", "*Recalling* the report,[^1]\n\n[^1]: *Official Records of the General Assembly, Seventy-fourth Session, Supplement No. 10* (A/74/10)."),
         ("good", "*Recalling* the reports,[^1]\n\n[^1]: Ibid., *Seventy-fifth Session, Supplement No. 53A* (A/75/53/Add.1); and ibid., *2021, Supplement No. 10* (E/2021/30).")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        italics = marks_italics(ctx)
        for unit in units_with(ctx, _SUPPLEMENT_WORD, *([_OFFICIAL_WORD] if italics else [])):
            raw, at = _raw(ctx, unit), unit.clause.offset_of
            supplement = "Supplement" in raw  # what _GA_RECORDS and _ECOSOC_RECORDS need
            for m in _GA_RECORDS.finditer(raw) if supplement else ():
                yield from self._ga(m, at)
            for m in _ECOSOC_RECORDS.finditer(raw) if supplement else ():
                if m.group("year") != m.group("symyear"):
                    yield Finding(self.meta.code, at(m.start()), at(m.end()),
                                  f"the Official Records of {m.group('year')} are documents E/{m.group('year')}/…, "
                                  f"but the symbol is {m.group('symbol')}")
            if italics and "Official" in raw:
                for m in _RECORDS_TITLE.finditer(raw):
                    if not m.group("open") and not in_italics(raw, m.start()):
                        yield Finding(self.meta.code, at(m.start()), at(m.end() - 1),
                                      "the title of the Official Records is set in italics (*Official Records of the ...*)")

    def _ga(self, m: re.Match[str], at: object) -> Iterator[Finding]:
        where = (at(m.start("title")), at(m.end("symbol")))  # type: ignore[operator]
        session, word = int(m.group("session")), m.group("ord")
        said = _ORDINAL_NUMBER.get(word.lower().replace("\u2010", "-").replace("\u2011", "-"))
        if said is None:
            return
        if said != session:
            yield Finding(self.meta.code, *where, f"“{word} Session” is session {said}, but the symbol {m.group('symbol')} "
                                                  f"is of session {session} (“{ordinal(session).capitalize()} Session”)")
        supplement, letter = int(m.group("supp")), m.group("letter")
        added = re.match(r"/Add\.(\d+)", m.group("rest"))
        if supplement != int(m.group("number")):
            yield Finding(self.meta.code, *where, f"Supplement No. {supplement}{letter} is document A/{session}/{supplement}, "
                                                  f"but the symbol is {m.group('symbol')}")
        elif letter and (not added or int(added.group(1)) != ord(letter) - 64):
            yield Finding(self.meta.code, *where, f"Supplement No. {supplement}{letter} is addendum {ord(letter) - 64} "
                                                  f"(A/{session}/{supplement}/Add.{ord(letter) - 64}), but the symbol is {m.group('symbol')}")


RULES = (TreatySeries(), Ibid(), OfficialRecords())
