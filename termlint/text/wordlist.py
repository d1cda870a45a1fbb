"""The words the spelling rule knows, loaded fast enough for a pre-commit hook.

Two sources:

- pyspellchecker's English frequency list (about 128,000 words once possessives are
  dropped). Importing the library and decoding its gzipped JSON costs ~250 ms, so on
  first use the lower-case words and their frequencies are written to a plain text file in
  the user's cache directory (`$XDG_CACHE_HOME/termlint/`, else `~/.cache/termlint/`),
  keyed by pyspellchecker's version and the size of its dictionary file. The words are
  sorted, and a hash table of where each word's line is opens the file, so a later run
  maps the file into memory and finds a word by one hash and a comparison or two: nothing
  is parsed at start-up, and no list or set of the words is ever built (splitting the file
  would cost 10 ms, a set 30 ms). The file is written to a temporary name and renamed into
  place, so two processes building it at once both leave a whole file; when the directory
  cannot be written, the same text is kept in memory for this run.
- The SCOWL supplement (rules/dictionary/scowl-supplement.txt.gz): current English words
  pyspellchecker lacks (rangelands, bareboat, metadata), none of them one slip from a
  common word; merged into the cache file above (scripts/build_dictionary.py).
- The house lists: `rules/words/*.txt`, one word or phrase per line (`#` starts a
  comment): Member State names, United Nations bodies, Latin phrases, terms of art.
  They are small and read on every run, so editing them needs no cache invalidation.

British spellings and derived words (programmes, subregional) are accepted by
termlint/rules/spelling/morphology.py.
"""

from __future__ import annotations

import os
import re
import sys
from array import array
from binascii import crc32
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from termlint.core.resources import cache_dir, data_dir

FORMAT = 9  # bump when the cache file's layout or the filtering below changes
_PREFIX = "english-words"


@dataclass(frozen=True)
class WordSet:
    """Lower-case words with their frequencies: one sorted UTF-8 text, a hash table into it, and
    an index of its slices by first letters.

    `data[base:]` is b"\\nword\\tcount\\n...": a word and its frequency a line, in code-point
    order. A word is found by its hash (CRC-32 of its UTF-8 bytes, the same in every process):
    `slots[table[b]:table[b + 1]]` are the offsets in that text of the lines of the words of
    bucket b, one or two, so a lookup compares a few bytes instead of searching a slice. The
    slices by first letters (`_slices`: a word's first two letters, three where two leave a
    long slice) serve what needs the words near one another: the neighbours a suggestion is
    drawn from, and many words asked of one slice at once. They are read from the file's index
    line only when first asked for (2 ms). `data` is the cache file mapped into memory (or the
    bytes built for this run), so a run reads only the pages its words fall in.
    """

    data: Any  # bytes or a read-only mmap: both have find() and slicing
    table: Any  # memoryview of _BUCKETS + 1 native unsigned ints: where each bucket starts in `slots`
    slots: Any  # memoryview of `count` native unsigned ints: line offsets in data[base:], by bucket
    count: int
    base: int = 0
    index_line: tuple[int, int] = (0, 0)  # where the text of the slices' index is in `data`
    # word -> where _find found it: the spelling, consistency and compound rules ask about many of
    # the same words
    _found: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _slices: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def _find(self, word: str) -> int:
        at = self._found.get(word)
        if at is None:
            at = self._locate(word)
            if len(self._found) < _FOUND_LIMIT and len(word) <= _FOUND_LONGEST:
                self._found[word] = at  # not a long run of letters: the edits tried for it would fill memory
        return at

    def _locate(self, word: str) -> int:
        """Where the line of `word` opens in `data` (its "\\n"), or -1."""
        raw = word.encode("utf-8")
        line = b"\n" + raw + b"\t"
        bucket = crc32(raw) & (_BUCKETS - 1)
        data, slots, base, size = self.data, self.slots, self.base, len(line)
        for slot in range(self.table[bucket], self.table[bucket + 1]):
            at = base + slots[slot]
            if data[at:at + size] == line:
                return at
        return -1

    def members(self, words: Iterable[str]) -> set[str]:
        """Those of `words` that are in the set (as `in`, for many words at once): a slice asked
        about many times is decoded once instead of being searched once per word."""
        groups: dict[tuple[int, int], list[str]] = {}
        for word in words:
            span = self._slice(word)
            if span is not None and "\n" not in word and "\t" not in word:
                groups.setdefault(span, []).append(word)
        found: set[str] = set()
        for span, group in groups.items():
            if len(group) < _MANY:
                found.update(w for w in group if self._locate(w) >= 0)
            else:
                found.update(self._decode(span).intersection(group))
        return found

    def neighbours(self, word: str) -> frozenset[str]:
        """The words of the slice `word` is looked up in: a word sharing its first three letters
        is among them or not in the set at all."""
        span = self._slice(word)
        return frozenset() if span is None else self._decode(span)

    def _slice(self, word: str) -> tuple[int, int] | None:
        slices = self._slices
        if not slices:
            slices.update(_parse_slices(self.data, *self.index_line, self.base))
        return slices.get(word[:3]) or slices.get(word[:2])

    def _decode(self, span: tuple[int, int]) -> frozenset[str]:
        lines = self.data[span[0]:span[1]].decode("utf-8").split("\n")
        return frozenset(line[:line.find("\t")] for line in lines if line)

    def frequency(self, word: str) -> int:
        at = self._find(word)
        if at < 0:
            return 0
        start = at + len(word.encode("utf-8")) + 2
        return int(self.data[start:self.data.find(b"\n", start)])

    def __len__(self) -> int:
        return self.count

    @classmethod
    def build(cls, frequencies: Mapping[str, int]) -> WordSet:
        words = sorted(w for w in frequencies if w and "\n" not in w and "\t" not in w)
        parts = [b"\n"]
        spans: list[tuple[str, int, int]] = []  # (word, start, end) of each line
        buckets: list[list[int]] = [[] for _ in range(_BUCKETS)]
        offset = 0  # offset of the "\n" that opens the current line
        for word in words:
            raw = word.encode("utf-8")
            line = raw + b"\t" + str(frequencies[word]).encode("ascii") + b"\n"
            spans.append((word, offset, offset + 1 + len(line)))
            buckets[crc32(raw) & (_BUCKETS - 1)].append(offset)
            parts.append(line)
            offset += len(line)
        table, slots = array(_INT, [0]), array(_INT)
        for bucket in buckets:
            slots.extend(bucket)
            table.append(len(slots))
        words_set = cls(b"".join(parts), memoryview(table), memoryview(slots), len(words))
        words_set._slices.update(_index(spans))
        return words_set


_BUCKETS = 1 << 17  # a power of two: about two words a bucket
_INT: Final = "I"  # the tables' integers, in the machine's order and size (part of the cache key)
_FOUND_LONGEST = 40  # letters of the longest word remembered (the list's longest are ~30)
_FOUND_LIMIT = 200_000  # words remembered by _find (a long --watch or server session stays bounded)
_MANY = 12  # words asked of one slice beyond which decoding the slice is cheaper than searching it
_SLICE = 4096  # a two-letter slice longer than this is indexed by three letters


def _index(spans: list[tuple[str, int, int]]) -> dict[str, tuple[int, int]]:
    """Slices of the body by first two letters, or three where two leave a long slice.

    A word shorter than the key length is its own key ("re" before "rea", "reb", ...), so a
    lookup tries the word's first three letters, then its first two.
    """
    from itertools import groupby

    def group(n: int, items: list[tuple[str, int, int]]) -> dict[str, tuple[int, int]]:
        return {key: (members[0][1], members[-1][2])
                for key, members in ((k, list(g)) for k, g in groupby(items, key=lambda s: s[0][:n]))}

    index: dict[str, tuple[int, int]] = {}
    for key, members in groupby(spans, key=lambda s: s[0][:2]):  # sorted: each prefix is contiguous
        members_list = list(members)
        start, end = members_list[0][1], members_list[-1][2]
        index.update(group(3, members_list) if end - start > _SLICE else {key: (start, end)})
    return index


def _dictionary_file() -> tuple[Path, str] | None:
    """pyspellchecker's English dictionary and its version, found without importing the library."""
    from importlib.util import find_spec

    spec = find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        info = (folder / "info.py").read_text(encoding="utf-8")
    except OSError:
        info = ""
    m = re.search(r"__version__\s*=\s*[\"']([^\"']+)", info)
    return folder / "resources" / "en.json.gz", (m.group(1) if m else "unknown")


def supplement_path() -> Path:
    """The SCOWL words merged into pyspellchecker's (built by scripts/build_dictionary.py)."""
    return data_dir("rules") / "dictionary" / "scowl-supplement.txt.gz"


def cache_key() -> str:
    """FORMAT, pyspellchecker's version and its dictionary's size, and the supplement's size:
    any change makes a new file."""
    try:
        extra = supplement_path().stat().st_size
    except OSError:
        extra = 0
    found = _dictionary_file()
    if found is None:
        return f"{FORMAT}{_MACHINE}-none-{extra}"
    path, version = found
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return f"{FORMAT}{_MACHINE}-{version}-{size}-{extra}"


# the table is read as this machine's integers: a file written by another kind of machine has another key
_MACHINE = f"{sys.byteorder[0]}{array(_INT).itemsize}"


def _frequencies(supplement: bool = True) -> dict[str, int]:
    """pyspellchecker's English words, lower case, with their frequencies, and (unless
    `supplement` is false) the SCOWL supplement's words at frequency 0: rare words, ranked
    after every word pyspellchecker counts, and never a stem of a derivation (spelling.py).

    Possessives are dropped: the spelling rule strips 's before looking a word up.
    """
    import gzip
    import json
    import pkgutil

    try:
        raw = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    except (ImportError, OSError):
        raw = None
    if not raw:
        return {}
    merged: dict[str, int] = {}
    for word, count in json.loads(gzip.decompress(raw).decode("utf-8")).items():
        word = word.lower()
        if not word.endswith("'s") and word.isprintable() and " " not in word:
            merged[word] = merged.get(word, 0) + int(count)
    if supplement:
        for word in read_supplement(supplement_path()):
            merged.setdefault(word, 0)
    return merged


def read_supplement(path: Path) -> list[str]:
    """The words of a gzipped supplement (one a line, `#` comments); none when it is missing."""
    import gzip

    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, EOFError, UnicodeDecodeError):
        return []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def load_english(directory: Path | None = None) -> WordSet:
    """The English word list: from the cache file when it is there and whole, else built (and cached)."""
    directory = cache_dir() if directory is None else directory
    key = cache_key()
    path = directory / f"{_PREFIX}-{key}.txt"
    cached = _read(path, key)
    if cached is not None:
        return cached
    frequencies = _frequencies()
    if not frequencies:
        raise RuntimeError("pyspellchecker's English word list cannot be read: reinstall termlint "
                           "(pip install --force-reinstall pyspellchecker), or ignore SP")
    words = WordSet.build(frequencies)
    _write(directory, path, _serialise(words, key))
    return words


@lru_cache(maxsize=4)
def english(directory: Path | None = None) -> WordSet:
    """`load_english`, once per process (several documents in one run share it)."""
    return load_english(directory)


# The cache file: the line `english-words KEY COUNT INDEX-BYTES BODY-BYTES`, padded with spaces so
# that what follows starts at a multiple of 8 bytes; the bucket table (_BUCKETS + 1 integers); the
# slots (COUNT integers); the slices' index, `prefix start end` triples separated by spaces (offsets
# in the body); the body, which opens with the line break that ends the index.
def _serialise(words: WordSet, key: str) -> bytes:
    body = words.data[words.base:]
    index = " ".join(f"{k} {a - words.base} {b - words.base}" for k, (a, b) in sorted(words._slices.items()))
    index_bytes = index.encode("utf-8")
    header = f"{_PREFIX} {key} {len(words)} {len(index_bytes)} {len(body)}".encode("ascii")
    header += b" " * (-(len(header) + 1) % 8) + b"\n"
    return header + words.table.tobytes() + words.slots.tobytes() + index_bytes + body


def _read(path: Path, key: str) -> WordSet | None:
    data = _map(path)
    if data is None:
        return None
    first = data.find(b"\n")
    if first < 0:
        return None
    try:
        parts = data[:first].decode("ascii").split()
    except UnicodeDecodeError:
        return None
    if len(parts) != 5 or parts[0] != _PREFIX or parts[1] != key or not all(p.isdigit() for p in parts[2:]):
        return None  # another version
    count, index_size, body_size = map(int, parts[2:])
    size = array(_INT).itemsize
    table_start = first + 1
    slots_start = table_start + (_BUCKETS + 1) * size
    index_start = slots_start + count * size
    base = index_start + index_size
    if table_start % 8 or len(data) != base + body_size:
        return None  # truncated: rebuild
    view = memoryview(data)
    table = view[table_start:slots_start].cast(_INT)
    if table[0] != 0 or table[-1] != count:
        return None
    return WordSet(data, table, view[slots_start:index_start].cast(_INT), count, base, (index_start, base))


def _parse_slices(data: Any, start: int, end: int, base: int) -> dict[str, tuple[int, int]]:
    """The slices' index from its line in the file (nothing when the line is damaged)."""
    try:
        fields = data[start:end].decode("utf-8").split(" ")
        if len(fields) % 3:
            return {}
        return {fields[i]: (int(fields[i + 1]) + base, int(fields[i + 2]) + base) for i in range(0, len(fields), 3)}
    except (UnicodeDecodeError, ValueError):
        return {}


def _map(path: Path) -> Any:
    """The file mapped read-only (its pages are read only when touched), or its bytes."""
    import mmap

    try:
        with open(path, "rb") as handle:
            try:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):  # an empty file, or a file system without mmap
                return handle.read()
    except OSError:
        return None


def _write(directory: Path, path: Path, content: bytes) -> None:
    """Write atomically; any failure (read-only home, full disk) leaves the list in memory only."""
    from termlint.core.scratch import KEEP_VERSIONS, keep_newest, scratch_file

    if not content:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = scratch_file(directory, prefix=f".{_PREFIX}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(tmp, path)
        keep_newest(directory, f"{_PREFIX}-*.txt", KEEP_VERSIONS)  # an older format's or dictionary's
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


@dataclass(frozen=True)
class HouseList:
    """The house words (lower case) and, among them, those written with a capital (names)."""

    words: frozenset[str]
    names: frozenset[str]


def read_word_files(paths: Iterable[Path]) -> HouseList:
    """Words from house list files: every word of every phrase (`#` starts a comment)."""
    words: set[str] = set()
    names: set[str] = set()
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for line in text.splitlines():
            for word in _WORD.findall(line.partition("#")[0]):
                key = word.lower().replace("’", "'")
                words.add(key)
                if word[0].isupper():
                    names.add(key)
    return HouseList(frozenset(words), frozenset(names))


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def split_phrase(phrase: str) -> list[str]:
    """The words of a phrase as the spelling rule looks them up: lower case, straight apostrophes."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(phrase)]


@lru_cache(maxsize=8)
def house_words(folder: Path) -> HouseList:
    return read_word_files(sorted(folder.glob("*.txt")))
