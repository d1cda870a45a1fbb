"""The words the spelling rule knows, loaded fast enough for a pre-commit hook.

Two sources:

- pyspellchecker's English frequency list (about 128,000 words once possessives are
  dropped). Importing the library and decoding its gzipped JSON costs ~250 ms, so on
  first use the lower-case words and their frequencies are written to a plain text file in
  the user's cache directory (`$XDG_CACHE_HOME/termlint/`, else `~/.cache/termlint/`),
  keyed by pyspellchecker's version and the size of its dictionary file. The words are
  grouped into small buckets by a hash of each word, and a table of where each bucket
  starts opens the file, so a later run maps the file into memory and finds a word by one
  hash and a search of a few dozen bytes: nothing is parsed at start-up, and no list or
  set of the words is ever built (splitting the file would cost 10 ms, a set 30 ms). The
  file is written to a temporary name and renamed into place, so two processes building
  it at once both leave a whole file; when the directory cannot be written, the same text
  is kept in memory for this run.
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
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from termlint.core.resources import cache_dir, data_dir

FORMAT = 8  # bump when the cache file's layout or the filtering below changes
_PREFIX = "english-words"


@dataclass(frozen=True)
class WordSet:
    """Lower-case words with their frequencies, as one UTF-8 text of buckets and a table of them.

    `data[base:]` is b"\\nword\\tcount\\n...": a word and its frequency a line, the lines
    grouped by a hash of the word (CRC-32 of its UTF-8 bytes, the same in every process) into
    `_BUCKETS` buckets of a line or two. `table[b]` is where bucket b starts in that text and
    `table[b + 1]` where it ends, so finding a word is one hash, two reads of the table and a
    search of a few dozen bytes: no index is parsed at start-up and no page is read but the
    ones the words asked for fall in. `data` is the cache file mapped into memory (or the bytes
    built for this run), `table` a view of its machine integers.
    """

    data: Any  # bytes or a read-only mmap: both have find() and slicing
    table: Any  # memoryview of (_BUCKETS + 1) native unsigned ints: offsets into data[base:]
    count: int
    base: int = 0
    # word -> where _find found it: the spelling, consistency and compound rules ask about many of
    # the same words, and a dictionary lookup is cheaper still than a search
    _found: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _sorted: list[str] = field(default_factory=list, compare=False, repr=False)  # for `neighbours`

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def _find(self, word: str) -> int:
        at = self._found.get(word)
        if at is None:
            if "\n" in word or "\t" in word:
                at = -1
            else:
                raw = word.encode("utf-8")
                bucket = crc32(raw) & (_BUCKETS - 1)
                table, base = self.table, self.base
                at = int(self.data.find(b"\n" + raw + b"\t", base + table[bucket], base + table[bucket + 1] + 1))
            if len(self._found) < _FOUND_LIMIT and len(word) <= _FOUND_LONGEST:
                self._found[word] = at  # not a long run of letters: the edits tried for it would fill memory
        return at

    def members(self, words: Iterable[str]) -> set[str]:
        """Those of `words` that are in the set (as `in`, for many words at once)."""
        return {word for word in words if word in self}

    def neighbours(self, word: str) -> frozenset[str]:
        """The words that share the first three letters of `word` (all of them, for a shorter word
        its own prefix). Built from the whole list on first use: for scripts and tests, not checks."""
        if not self._sorted:
            body = bytes(self.data[self.base:]).decode("utf-8")
            self._sorted.extend(sorted(line[:line.find("\t")] for line in body.split("\n") if line))
        prefix = word[:3]
        found = []
        for known in self._sorted[bisect_left(self._sorted, prefix):]:
            if not known.startswith(prefix):
                break
            found.append(known)
        return frozenset(found)

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
        buckets: list[list[bytes]] = [[] for _ in range(_BUCKETS)]
        words = sorted(w for w in frequencies if w and "\n" not in w and "\t" not in w)
        for word in words:  # sorted, so that a bucket's lines and the file are the same every time
            raw = word.encode("utf-8")
            buckets[crc32(raw) & (_BUCKETS - 1)].append(raw + b"\t" + str(frequencies[word]).encode("ascii") + b"\n")
        parts = [b"\n"]
        table = array(_TABLE_TYPE)
        offset = 0  # offset of the "\n" that opens the bucket's first line
        for lines in buckets:
            table.append(offset)
            parts.extend(lines)
            offset += sum(map(len, lines))
        table.append(offset)
        return cls(b"".join(parts), memoryview(table), len(words))


_BUCKETS = 1 << 16  # a power of two; ~128,000 words: two lines a bucket
_TABLE_TYPE: Final = "I"  # the table's integers, native order and size (part of the cache key)
_FOUND_LONGEST = 40  # letters of the longest word remembered (the list's longest are ~30)
_FOUND_LIMIT = 200_000  # words remembered by _find (a long --watch or server session stays bounded)


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
_MACHINE = f"{sys.byteorder[0]}{array(_TABLE_TYPE).itemsize}"


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


# The cache file: the line `english-words KEY COUNT BODY-BYTES`, padded with spaces so that the
# table after it starts at a multiple of 8 bytes; the table ((_BUCKETS + 1) integers); the body.
def _serialise(words: WordSet, key: str) -> bytes:
    body = words.data[words.base:]
    header = f"{_PREFIX} {key} {len(words)} {len(body)}".encode("ascii")
    header += b" " * (-(len(header) + 1) % 8) + b"\n"
    return header + words.table.tobytes() + body


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
    table_start = first + 1
    base = table_start + (_BUCKETS + 1) * array(_TABLE_TYPE).itemsize
    if len(parts) != 4 or parts[0] != _PREFIX or parts[1] != key or parts[3] != str(len(data) - base):
        return None  # another version, or truncated: rebuild
    if not parts[2].isdigit() or table_start % 8:
        return None
    table = memoryview(data)[table_start:base].cast(_TABLE_TYPE)
    if table[0] != 0 or table[-1] >= len(data) - base:
        return None
    return WordSet(data, table, int(parts[2]), base)


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
    from termlint.core.scratch import scratch_file

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
