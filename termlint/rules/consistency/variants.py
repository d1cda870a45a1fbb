"""Spelling and hyphenation variants of one word, and which variant UN house style keeps.

`spelling_variant(word)` maps a lower-case word to (key, is_house): two words with the
same key are the same word spelled two ways (recognising / recognizing, fueling /
fuelling, offense / offence, labor / labour, center / centre, dialog / dialogue,
aging / ageing), and `is_house` says whether this spelling is the one the UN uses
(Concise Oxford first-listed forms: -ize, -yse, -our, -tre, -ence, a doubled l before a
vowel suffix but fulfil / enrol, -ogue, ageing). Words that are not variants of anything
map to None.

`hyphen_key(word)` maps "cyber-crime" and "cybercrime" to one key.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# -ise is part of the root here, never -ize (advise, comprise, ...): keep them out of -ize.
ISE_ROOTS = frozenset("""
advertise advise apprise appraise arise chastise circumcise comprise compromise demise despise devise
disguise enfranchise disenfranchise enterprise excise exercise expertise franchise guise improvise incise
likewise merchandise noise otherwise poise praise precise concise premise promise prise raise reprise
revise rise supervise surmise surprise televise treatise wise
""".split())

# Words whose -or/-our, -l/-ll ... look-alikes are other words, not variants.
NOT_VARIANTS = frozenset("""
four pour tour your hour flour sour dour contour detour amour velour paramour troubadour
ours yours hours tours fours pours flours contours detours
filed filled tiled tilled spelled speled polled poled
""".split())

_ISE = regex.compile(r"^(\p{L}{3,}i)([sz])(e|es|ed|ing|ation|ations|er|ers|able)$")
_YSE = regex.compile(r"^(\p{L}{2,}y)([sz])(e|es|ed|ing|er|ers)$")
_OUR = regex.compile(r"^(\p{L}{3,})(our|or)(s|ed|ing|able|ably|ite|ites|al|ally|hood|hoods|ful|less|er|ers|ism)?$")
_TRE = regex.compile(r"^(cent|theat|fib|lit|calib|spect|somb|meag|lust|scept|sab|manoeuv|mit|goit)(re|er)(s|d|ing)?$")
_ENCE = regex.compile(r"^(offen|defen|preten)(c|s)(e|es)$")
_LL = regex.compile(r"^(\p{L}{2,}[aeiou])(ll|l)(ed|ing|er|ers|or|ors)$")
_OGUE = regex.compile(r"^(dial|catal|anal|monol|epil|prol)(ogue|og)(s|ed)?$")
_AGEING = regex.compile(r"^(ag)(e?)(ing)$")
_LL_OR = regex.compile(r"^(\p{L}{2,}[aeiou])(ll|l)(or|ors)$")  # counsellor / counselor, before -our / -or
# (rule, pattern with groups stem / variable part / suffix, the part in the key, the UN part), in order
_RULES = (
    ("-ize", _ISE, "s", "z"),
    ("-yse", _YSE, "s", "s"),
    ("-ll-", _LL_OR, "ll", "ll"),
    ("-our", _OUR, "or", "our"),
    ("-tre", _TRE, "re", "re"),
    ("-ce", _ENCE, "c", "c"),
    ("-ll-", _LL, "ll", "ll"),
    ("-ogue", _OGUE, "ogue", "ogue"),
    ("ageing", _AGEING, "e", "e"),
)
# Base words that keep a single l in Oxford spelling (fulfil, enrol), with their -ment/-s forms.
_SINGLE_L = {
    "fulfill": "fulfil", "fulfills": "fulfils", "fulfillment": "fulfilment", "fulfillments": "fulfilments",
    "enroll": "enrol", "enrolls": "enrols", "enrollment": "enrolment", "enrollments": "enrolments",
    "instill": "instil", "instills": "instils", "distill": "distil", "distills": "distils",
    "installment": "instalment", "installments": "instalments", "skillful": "skilful", "skillfully": "skilfully",
    "willful": "wilful", "willfully": "wilfully",
}
_SINGLE_L_HOUSE = frozenset(_SINGLE_L.values())
# Any of the patterns, in one: most words match none, and one match costs less than nine
_ANY = regex.compile("^(?:" + "|".join(pattern.pattern.removeprefix("^").removesuffix("$") for _, pattern, _, _ in _RULES)
                     + ")$")


@dataclass(frozen=True)
class Variant:
    """Which spelling of a word this is (-ise/-ize, -our/-or...), and whether it is house style."""
    key: str  # the same for every spelling of the word
    house: bool  # this spelling is UN house style
    rule: str  # which difference ("-ize", "-our", ...), for messages


def spelling_variant(word: str) -> Variant | None:
    """The variant class of a lower-case word, or None when it has no known variants."""
    if word in NOT_VARIANTS or len(word) < 4:
        return None
    if word in _SINGLE_L:
        return Variant(_SINGLE_L[word], False, "-l (fulfil, enrol)")
    if word in _SINGLE_L_HOUSE:
        return Variant(word, True, "-l (fulfil, enrol)")
    if word in ("centered", "centering"):  # -ed/-ing on -ter: the -tre form drops an e
        return Variant("centred" if word.endswith("ed") else "centring", False, "-tre")
    if _ANY.match(word) is None:
        return None
    for rule, pattern, canonical, house in _RULES:
        m = pattern.match(word)
        if m is None:
            continue
        stem, part, suffix = m.groups()
        if rule == "-ize" and (stem + "se" in ISE_ROOTS or stem + "s" + suffix in ISE_ROOTS):
            return None
        return Variant(stem + canonical + (suffix or ""), part == house, rule)
    return None


_RULE_NAMES = {
    "-ize": "-ize, not -ise",
    "-yse": "-yse (analyse), not -yze",
    "-our": "-our (labour), not -or",
    "-tre": "-tre (centre), not -ter",
    "-ce": "-ce (offence), not -se",
    "-ll-": "a doubled l before -ed/-ing (fuelling)",
    "-l (fulfil, enrol)": "a single l (fulfil, enrolment)",
    "-ogue": "-ogue (dialogue)",
    "ageing": "ageing",
}


def rule_name(rule: str) -> str:
    return _RULE_NAMES.get(rule, rule)


_HYPHENS = regex.compile(r"[-\u2010\u2011]")


def hyphen_key(word: str) -> str | None:
    """The closed form of a hyphenated or closed word; None for words never compared.

    "re-" compounds are left out: re-cover / recover, re-form / reform are different words.
    """
    if word.startswith("re-") or word.startswith("re\u2010"):
        return None
    return _HYPHENS.sub("", word)
