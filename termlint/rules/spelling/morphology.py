"""Words that are known because a known word lies one regular step away.

The United Nations spells the British way (Oxford -ize, but programme, labour, centre,
defence); pyspellchecker's list is American and lacks many British forms, so
`british_known` accepts a word whose American counterpart is known. Choosing between the
two forms is the house-style rules' job, not spelling's.

UN texts also coin words with productive prefixes and suffixes (subregional,
revictimization, operationalization, lockdowns); `derived_known` accepts a word when
undoing one prefix or suffix leaves a known word. The limits (stem lengths, which
suffix on which stem) keep typos out: on the seed draft with 300 random one-letter typos,
only real words (chid, trough) slip through.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def _drop_a(m: re.Match[str]) -> str:
    return m.group().replace("ae", "e")


def _drop_o(m: re.Match[str]) -> str:
    return m.group().replace("oe", "e")


# British spellings the American list lacks, as (pattern, American form). A word is
# British-known when one rewrite, or two in a row, yields a known word.
_BRITISH: tuple[tuple[re.Pattern[str], Any], ...] = tuple((re.compile(p), r) for p, r in (
    (r"is(?=(?:e|es|ed|ing|ation|ations|ational|ationally|er|ers|able)$)", "iz"),  # recognise, organisation
    (r"ys(?=(?:e|es|ed|ing|er|ers)$)", "yz"),                      # analyse, paralyse
    (r"our", "or"),                                                # labour, behavioural, favourite
    (r"(?<=[^aeiou])re(?=(?:s|d)?$)", "er"),                       # centre, metres
    (r"(?<=[^aeiou])red$", "ered"),                                # centred
    (r"(?<=[^aeiou])ring$", "ering"),                              # centring
    (r"yre(?=s?$)", "ire"),                                        # tyre
    (r"ence(?=s?$)", "ense"),                                      # defence, offences, licence
    (r"mme(?=(?:s|d)?$)", "m"),                                    # programme(s), programmed
    (r"ll(?=(?:ed|ing|er|ers|or|ors|ist|ists)$)", "l"),            # travelling, counselling, panellists
    (r"^(p|h)ae(?=[dm])|(op|cl)ae(?=d)", _drop_a),                 # paediatric, haemorrhage, orthopaedic
    (r"(anaes|gynae|palae|leukae|aetio|encyclopae|mediae)", _drop_a),  # anaesthesia, palaeontology
    (r"(^oes|^oed|^foe|rrhoe|manoe)", _drop_o),                    # oestrogen, foetus, diarrhoea, manoeuvre
    (r"mould", "mold"),                                            # moulds, smoulder
    (r"gement(?=s?$)", "gment"),                                   # judgement, acknowledgement
    (r"(fulfi|enro|insti|disti)l(?=(?:ment|ments|s)?$)", r"\1ll"),  # fulfilment, enrolment
    (r"ogue(?=s?$)", "og"),                                        # catalogue, analogue
    (r"eable$", "able"),                                           # sizeable, likeable
))


def _rewrites(word: str) -> list[str]:
    found = []
    for pattern, replacement in _BRITISH:
        american = pattern.sub(replacement, word)
        if american != word:
            found.append(american)
    return found


def british_known(word: str, known: Callable[[str], bool]) -> bool:
    """Whether `word` is a British spelling of a known American word (labour, programmes, centre)."""
    first = _rewrites(word)
    if any(known(w) for w in first):
        return True
    return any(known(w2) for w in first for w2 in _rewrites(w))  # manoeuvre -> maneuvre -> maneuver


# Prefixes that build new words from known ones without a hyphen (subregional,
# revictimization, cyberbullying). The rest must be long enough that a typo of a short
# word is not read as prefix + word ("reguard" is not re + guard).
_PREFIXES = (
    "agri", "agro", "anti", "bio", "chemo", "co", "counter", "cross", "crypto", "cyber", "de",
    "eco", "ethno", "extra", "geo", "hydro", "hyper", "inter", "intra", "macro", "mega", "meta",
    "micro", "mis", "multi", "nano", "neo", "neuro", "non", "over", "photo", "post", "pre", "pro",
    "re", "self", "semi", "socio", "sub", "super", "tele", "trans", "tri", "ultra", "un", "under",
    "video",
)
# Suffixes that derive a word from a known one: (suffix, what the stem may end in instead).
_SUFFIXES = (
    ("izations", ("", "e", "ize")), ("ization", ("", "e", "ize")),
    ("izing", ("", "e", "ize")), ("ized", ("", "e", "ize")), ("izes", ("", "e", "ize")),
    ("ize", ("", "e")), ("ities", ("e", "", "ity")), ("ity", ("e", "")),
    ("ies", ("y",)), ("es", ("",)), ("s", ("",)),
    ("ally", ("al",)), ("ly", ("",)), ("ness", ("",)),
    ("ic", ("ia",)),  # Islamophobia -> Islamophobic, hypoxia -> hypoxic
)


def derived_known(word: str, known: Callable[[str], bool]) -> bool:
    """Whether `word` is a known word with a productive prefix or suffix (subregional, lockdowns).

    Only one derivation is undone, and only towards a word that is itself known: chains of
    rewrites would accept typos ("acress" is not "acres" + s).
    """
    for form in (word, *_rewrites(word)):  # anonymising -> anonymizing -> anonym + izing
        for prefix in _PREFIXES:
            rest = form[len(prefix):]
            if form.startswith(prefix) and len(rest) >= max(4, 8 - len(prefix)):
                if known(rest) or british_known(rest, known) or _suffix_known(rest, known):
                    return True
        if _suffix_known(form, known):
            return True
    return False


def plural_known(word: str, known: Callable[[str], bool]) -> bool:
    """Whether `word` is the plural of a known word (drylands, seagrasses), by the rules of
    `_suffix_known`. The spelling rule asks this with the SCOWL supplement and the other
    derivations without it: a slip of a common word can land on a prefix plus a rare word
    (co + sideration), hardly on a rare word plus s (its stem would be one slip from the
    common word's, and such words are kept out of the supplement)."""
    return _suffix_known(word, known, ("s", "es"))


def _suffix_known(word: str, known: Callable[[str], bool], only: tuple[str, ...] = ()) -> bool:
    for suffix, stems in _SUFFIXES:
        if not word.endswith(suffix) or (only and suffix not in only):
            continue
        stem = word[: -len(suffix)]
        if len(stem) < 4:
            continue
        if suffix == "s" and stem[-1] in "su'":  # acress, statuss: not plurals
            continue
        if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
            continue
        if any(known(stem + end) for end in stems):
            return True
        if suffix.startswith("iz") and len(stem) >= 6 and known(stem + "y"):  # strategizing
            return True
    return False
