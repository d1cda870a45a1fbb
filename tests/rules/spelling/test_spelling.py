"""SP001 on real text: the seed draft, adopted resolutions with their slips, and the word cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from termlint.engine.lint import Settings, lint_text
from termlint.rules.packs import load_pack
from termlint.core.resources import data_dir
from termlint.text import wordlist

from conftest import ROOT, SEED, lint, real

INVITES = ("22. *Invites* Member States and other donors to provide extrabudgetary resources for the "
           "implementation of the relevant paragraphs of the present resolution, in accordance with the "
           "rules and procedures of the United Nations;\n")


def spelling(text: str, words: tuple[str, ...] = ()) -> list:
    rules = tuple(r for r in load_pack(data_dir("rules") / "spelling.toml"))
    return [d for d in lint_text(text, Settings(rules=rules, words=frozenset(words))).diagnostics if d.code == "SP001"]


def test_the_seed_draft_has_no_spelling_slip(seed_text):
    # British forms (programmes, offences, centred), -ise forms (recognising, anonymising: the
    # house-style rules' business), terms of art (extrabudgetary, revictimization) are words.
    assert spelling(seed_text) == []


def test_a_slip_typed_into_the_seed_is_found_with_suggestions(seed_text):
    text = seed_text.replace("to provide extrabudgetary resources", "to provde extrabudgetery resources")
    found = spelling(text)
    assert [text[d.start:d.end] for d in found] == ["provde", "extrabudgetery"]
    assert found[0].line == 140
    assert "“provide”" in found[0].message.partition("did you mean")[2]
    assert "did you mean “extrabudgetary”?" in found[1].message  # a house word is suggested too


def test_suggestions_are_ranked_and_at_most_three():
    found = spelling("6. *Remains concerned* that agricultural innovations and technologies often bypass ageing famers;")
    assert len(found) == 1
    assert found[0].message.startswith("unknown word “famers”: did you mean “farmers”, ")
    assert found[0].message.count("“") == 4  # the word and three suggestions


def test_real_slips_in_adopted_texts_are_found():
    ocr = real("S_RES_0687_1991.txt").read_text(encoding="utf-8")
    found = spelling(ocr)
    assert [(d.line, ocr[d.start:d.end]) for d in found] == [(2, "Apri")]  # "3 Apri] 1991"
    assert "did you mean “April”?" in found[0].message
    adopted = real("A_RES_76_200.md").read_text(encoding="utf-8")
    assert [adopted[d.start:d.end] for d in spelling(adopted)] == ["famers"]


def test_a_stray_accent_is_read_as_the_plain_word_first():
    found = spelling("Demands that the parties céase fire immediately,")
    assert "did you mean “cease”" in found[0].message


def test_the_house_word_list_knows_un_vocabulary():
    text = ("*Recognizing* the risk of revictimization and retraumatization, inter alia, of victims in "
            "peacebuilding and peacekeeping, and the role of the Ombudsperson, mutatis mutandis,\n")
    assert spelling(text) == []


def test_without_the_house_list_those_words_are_unknown(tmp_path):
    (tmp_path / "rules").mkdir()
    pack = (data_dir("rules") / "spelling.toml").read_text(encoding="utf-8").replace(
        'word_lists = "words"', 'word_lists = "no-such-folder"')
    (tmp_path / "rules" / "spelling.toml").write_text(pack, encoding="utf-8")
    rules = tuple(load_pack(tmp_path / "rules" / "spelling.toml"))
    result = lint_text("the work of peacebuilders, inter alia,\n", Settings(rules=rules))
    assert {d.message.split("”")[0][len("unknown word “"):] for d in result.diagnostics} == {"peacebuilders", "alia"}


def test_configuration_words_silence_a_word():
    text = "Concerned about the abuse of informal value transfer systems such as hawala,\n"
    assert [d.message.split("”")[0] for d in spelling(text)] == ["unknown word “hawala"]
    assert spelling(text, words=("hawala",)) == []
    assert spelling(text, words=("Hawala",)) == []  # case does not matter


def test_non_prose_is_not_checked():
    text = ("Recalling its resolution 74/174 (A/RES/74/174), document E/CN.15/2022/L.5 and "
            "A/75/L.20/Add.1, the site https://www.unodc.org/xyzzy/qwrtp and `qwrtp_conf`, the "
            "footnote<sup>12</sup> and [^3], the 2030Agenda, COVID-19, UNODC and SARS-CoV-2,\n"
            "(a) first; (iv) fourth; (aa) twenty-seventh; 6 mm and 50 lbs; mail xyzq@unodc.org\n")
    assert spelling(text) == []


def test_names_in_mid_sentence_are_left_alone_unless_one_slip_from_a_known_name():
    assert spelling("Expressing concern about the situation of Rohingya Muslims in Rakhine State,\n") == []
    found = spelling("Requests the Secretary-General to report to the Genral Assembly,\n")
    assert len(found) == 1 and "did you mean “General”?" in found[0].message


def test_a_word_split_by_a_hyphen_at_a_line_end_is_read_whole():
    assert spelling("of the United Nations Organi-\nzation for the\n") == []


def test_each_distinct_word_is_looked_up_once(monkeypatch):
    from termlint.rules.spelling import spelling as kind

    calls = []
    real = kind.suggest
    monkeypatch.setattr(kind, "suggest", lambda word, *a: calls.append(word) or real(word, *a))
    kind._VERDICT_MEMO.clear()  # verdicts and suggestions are kept for the process
    text = "Notes the reqest; recalls the reqest. Reqest made,\n"  # the third opens a sentence
    found = spelling(text)
    # one finding, at the first use, with the count; its fix mends all three in their case
    assert len(found) == 1 and calls == ["reqest"] and "(3 times in this text)" in found[0].message
    assert [text[e.start:e.end] for e in found[0].fix.edits] == ["reqest", "reqest", "Reqest"]
    assert [e.replacement for e in found[0].fix.edits] == ["request", "request", "Request"]
    again = spelling("Notes again the reqest,\n")  # the next document asks nothing new
    assert again[0].message == found[0].message.replace(" (3 times in this text)", "") and calls == ["reqest"]


def test_the_fix_is_the_first_suggestion_and_only_unsafe():
    found = spelling("upon reqest,\n")
    assert found[0].fix is not None and not found[0].fix.safe
    assert found[0].fix.edits[0].replacement == "request"


# The cache of pyspellchecker's word list (termlint/text/wordlist.py).

def test_the_cache_file_is_built_once_and_then_read(tmp_path):
    first = wordlist.load_english(tmp_path)
    files = list(tmp_path.glob("english-words-*.txt"))
    assert len(files) == 1 and not list(tmp_path.glob(".*tmp"))
    second = wordlist.load_english(tmp_path)
    assert second.base > 0 and first.base == 0  # read from the file, built in memory
    assert len(first) == len(second) > 100_000
    for word in ("the", "resolution", "april", "coz", "a"):
        assert word in first and word in second
        assert first.frequency(word) == second.frequency(word) > 0
    for word in ("apri", "reqest", "zzzzzq", "", "the\tx"):
        assert word not in first and word not in second


def test_every_word_of_the_list_is_found_through_its_bucket_and_no_other(tmp_path):
    wordlist.load_english(tmp_path)
    words = wordlist.load_english(tmp_path)  # read from the file: the table and slots as stored
    body = bytes(words.data[words.base:]).decode("utf-8").split("\n")
    listed = [line.split("\t") for line in body if line]
    assert len(listed) == len(words) and listed == sorted(listed)  # the body stays sorted
    for word, count in listed:
        assert words._locate(word) >= 0 and words.frequency(word) == int(count), word
    missing = [w + "q" for w, _ in listed[::50]] + [w[:-1] for w, _ in listed[::50] if len(w) > 3]
    known = {w for w, _ in listed}
    assert all((words._locate(w) >= 0) == (w in known) for w in missing)
    # the slices by first letters serve the suggestions' neighbours, built or read alike
    built = wordlist.WordSet.build(wordlist._frequencies())
    for word in ("resolution", "zygote", "ab", "qatar"):
        assert built.neighbours(word) == words.neighbours(word) and word[:3] in {n[:3] for n in words.neighbours(word)}


def test_an_unwritable_cache_directory_falls_back_to_memory(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")  # a file where the folder would go: even root cannot write
    words = wordlist.load_english(blocker / "termlint")
    assert "resolution" in words and "reqest" not in words
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    try:
        assert "resolution" in wordlist.load_english(readonly)
    finally:
        readonly.chmod(0o755)


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    wordlist.load_english(tmp_path)
    path = next(tmp_path.glob("english-words-*.txt"))
    path.write_bytes(path.read_bytes()[:50_000])  # truncated, as by a full disk
    words = wordlist.load_english(tmp_path)
    assert "zygote" in words
    assert wordlist.load_english(tmp_path).base > 0  # and written again whole


def test_output_is_the_same_with_and_without_the_cache(tmp_path, monkeypatch):
    texts = [SEED.read_text(encoding="utf-8"),
             real("S_RES_1454_2002.txt").read_text(encoding="utf-8"),
             real("A_RES_76_200.md").read_text(encoding="utf-8")]

    def run(cache_home: Path) -> list:
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
        wordlist.english.cache_clear()
        try:
            return [[(d.line, d.column, d.message) for d in spelling(t)] for t in texts]
        finally:
            wordlist.english.cache_clear()

    blocked = tmp_path / "blocked"
    blocked.write_text("", encoding="utf-8")
    without = run(blocked)  # nothing can be written: in memory
    built = run(tmp_path / "cache")  # builds and writes the file
    read = run(tmp_path / "cache")  # reads it
    assert list((tmp_path / "cache" / "termlint").glob("english-words-*.txt"))
    assert without == built == read
    assert sum(len(found) for found in without) > 5  # the OCR'd list of chemicals has unknown words


def test_two_processes_building_the_cache_at_once_both_succeed(tmp_path):
    code = ("import sys; from pathlib import Path; from termlint.text.wordlist import load_english; "
            "w = load_english(Path(sys.argv[1])); print(len(w))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, env=env)
             for _ in range(3)]
    counts = {p.communicate(timeout=120)[0].strip() for p in procs}
    assert all(p.returncode == 0 for p in procs) and len(counts) == 1
    assert len(list(tmp_path.glob("english-words-*.txt"))) == 1 and not list(tmp_path.glob(".*.tmp"))
    assert len(wordlist.load_english(tmp_path)) == int(counts.pop())


def test_british_spellings_and_derived_words_are_words_but_typos_are_not():
    from termlint.rules.spelling.morphology import british_known, derived_known

    english = wordlist.english()
    house = wordlist.house_words(data_dir("rules") / "words")

    def known(word: str) -> bool:
        return word in english or word in house.words

    def accepted(word: str) -> bool:
        return known(word) or british_known(word, known) or derived_known(word, known)

    for word in ("programmes", "labour", "centred", "defence", "judgement", "paediatric", "manoeuvre",
                 "panellists", "organisations", "subregional", "reoffending", "operationalization",
                 "lockdowns", "strategizing", "cyberbullying", "anonymising"):
        assert accepted(word), word
    for typo in ("acress", "reguard", "mataerial", "soexual", "staes", "entitises", "persoes", "aldress"):
        assert not accepted(typo), typo


def test_lint_uses_the_bundled_pack():
    assert [d.code for d in lint("upon reqest,\n", "SP001").diagnostics] == ["SP001"]


def test_a_missing_dictionary_is_one_clear_error_not_a_flood_of_findings(tmp_path, monkeypatch):
    monkeypatch.setattr(wordlist, "_frequencies", lambda: {})
    monkeypatch.setattr(wordlist, "cache_key", lambda: "test-missing")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordlist.english.cache_clear()
    try:
        rules = tuple(load_pack(data_dir("rules") / "spelling.toml"))
        result = lint_text("upon reqest of Member States,\n", Settings(rules=rules))
    finally:
        wordlist.english.cache_clear()
    assert result.diagnostics == []
    assert len(result.errors) == 1 and "pyspellchecker" in result.errors[0]
