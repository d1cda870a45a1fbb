"""A deterministic benchmark corpus of drafts, built from the texts shipped in the repository.

Each generated file (~30 KB, the size of a real draft) takes the front matter of one source
text, then recitals and operative paragraphs drawn from every source of the same style,
renumbered (paragraphs and footnotes), with resolution numbers varied within their session,
and a few typical drafting defects injected at a low rate (about one paragraph in twelve).
The same size always gives the same bytes, so figures from different runs compare.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "examples", ROOT / "tests" / "data" / "corpus")
GENERATOR_VERSION = "3"  # bump when the output changes, so old corpora are rebuilt
FILES_PER_FOLDER = 200
DEFECT_RATE = 0.08

_OPERATIVE = re.compile(r"^\d{1,3}\.\s")
_RECITAL = re.compile(r"^\*?(?:[A-Z][a-z]+(?:ing|ed)|Aware|Mindful|Bearing|Deeply|Gravely|Noting|Having)\b")
_CHAPEAU = re.compile(r"^\*?The (?:General Assembly|Security Council|Economic and Social Council)")
_FOOTNOTE = re.compile(r"^(?:\[\^\w+\]:|<sup>\w+</sup>|\\\*)")
_CLOSING = re.compile(r"^\d+(?:st|nd|rd|th) (?:plenary )?meeting")
_GA_CITATION = re.compile(r"\b(resolutions? )(\d{2})/(\d{1,3})\b")
_MARKER = re.compile(r"<sup>\d+</sup>|\[\^\d+\](?!:)")
_FOOTNOTE_BODY = re.compile(r"^(?:<sup>\d+</sup>|\[\^\d+\]:)\s*(.+)", re.DOTALL)
_END_MARK = re.compile(r"[.;,:]?(?=(?:\s|\[\^\d+\]|<sup>\d+</sup>)*$)")


@dataclass(frozen=True)
class Source:
    """One source text cut into its parts."""

    name: str
    style: str  # "md" (italic leads, one paragraph per line) or "txt" (hard-wrapped plain text)
    suffix: str  # the source file's extension, kept by the drafts built on it
    front: tuple[str, ...]  # blocks up to and including the chapeau
    recitals: tuple[str, ...]
    operatives: tuple[str, ...]  # without their numbers
    tail: tuple[str, ...]  # closing lines and footnotes


def load_sources() -> list[Source]:
    sources = []
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            if path.suffix in (".md", ".txt"):
                sources.append(_cut(path, path.read_text(encoding="utf-8")))
    return [s for s in sources if s.recitals or s.operatives]


def _cut(path: Path, text: str) -> Source:
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    style = "md" if any(b.startswith("*") and not b.startswith("**") for b in blocks) else "txt"
    front: list[str] = []
    recitals: list[str] = []
    operatives: list[str] = []
    tail: list[str] = []
    seen_chapeau = False
    for block in blocks:
        if not seen_chapeau:
            front.append(block)
            seen_chapeau = bool(_CHAPEAU.match(block))
        elif _FOOTNOTE.match(block) or _CLOSING.match(block):
            tail.append(block)
        elif _OPERATIVE.match(block):
            operatives.append(_OPERATIVE.sub("", block, count=1))
        elif _RECITAL.match(block):
            recitals.append(block)
    if not seen_chapeau:  # no chapeau: keep a short front, the rest is body text
        front = front[:3]
    return Source(path.name, style, path.suffix, tuple(front), tuple(recitals), tuple(operatives), tuple(tail))


def _vary_citations(text: str, rng: random.Random) -> str:
    """Other resolution numbers of the same session (a session's dates stay right)."""
    return _GA_CITATION.sub(lambda m: f"{m.group(1)}{m.group(2)}/{rng.randint(1, 320)}", text)


def _renumber_footnotes(parts: list[str], pool: list[str]) -> list[str]:
    """Footnote markers numbered in order of appearance, each with a footnote at the end
    (paragraphs drawn from several texts would otherwise cite footnotes they do not have)."""
    count = 0

    def marker(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"<sup>{count}</sup>" if m.group().startswith("<") else f"[^{count}]"

    body = [_MARKER.sub(marker, p) for p in parts]
    if count and pool:
        body.extend(f"[^{n}]: {pool[(n - 1) % len(pool)]}" for n in range(1, count + 1))
    return body


def _operative_endings(paragraphs: list[str]) -> list[str]:
    """Operative paragraphs end with a semicolon, the last with a full stop."""
    ended = [_END_MARK.sub(";", p, count=1) for p in paragraphs]
    if ended:
        ended[-1] = _END_MARK.sub(".", ended[-1], count=1)
    return ended


def _swap_letters(text: str, rng: random.Random) -> str:
    words = [m for m in re.finditer(r"\b[a-z]{7,}\b", text)]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group()
    i = rng.randint(1, len(w) - 3)
    return text[:m.start()] + w[:i] + w[i + 1] + w[i] + w[i + 2:] + text[m.end():]


# Defects a drafter leaves: each takes a paragraph and returns it with one mistake (or unchanged).
_DEFECTS = (
    lambda t, r: t.replace(", ", ", , ", 1),
    lambda t, r: t.replace(" the ", " the  ", 1),
    lambda t, r: t.replace("Member States", "member States", 1),
    lambda t, r: t.replace("Secretary-General", "Secretary General", 1),
    lambda t, r: t.replace("organization", "organisation", 1),
    lambda t, r: t.replace("programme", "program", 1),
    lambda t, r: t.replace("United Nations", "UN", 1),
    lambda t, r: t.replace("“", '"', 1).replace("”", '"', 1),
    lambda t, r: t.replace("recognizing", "recognising", 1),
    lambda t, r: t.replace("non-governmental", "nongovernmental", 1),
    lambda t, r: t.replace("; ", ";; ", 1),
    _swap_letters,
)


def _defect(text: str, rng: random.Random) -> str:
    return rng.choice(_DEFECTS)(text, rng) if rng.random() < DEFECT_RATE else text


def make_draft(sources: list[Source], index: int, rng: random.Random, size: int | None = None) -> tuple[str, str]:
    """One draft of 22-38 KB (or about `size` characters): (text, file extension with its dot)."""
    base = sources[index % len(sources)]
    pool = [s for s in sources if s.style == base.style]
    recitals = list(dict.fromkeys(r for s in pool for r in s.recitals))  # a text may be in both folders
    # Paragraphs of an annexed declaration ("We, the States Members ...") stay out of resolutions.
    operatives = list(dict.fromkeys(o for s in pool for o in s.operatives if base.style == "txt" or o.startswith("*")))
    target = rng.randint(22_000, 38_000) if size is None else size
    parts = list(base.front)
    size = sum(len(p) + 2 for p in parts)
    # Draw without putting back, as a drafter does not repeat a paragraph; a pool that runs
    # dry is refilled (a long draft then repeats, with its citations varied).
    rng.shuffle(recitals)
    rng.shuffle(operatives)
    body_recitals: list[str] = []
    body_operatives: list[str] = []
    while size < target:
        # Recitals first, then operative paragraphs, in the proportion of a real draft.
        if recitals and (not operatives or len(body_recitals) < max(3, len(body_operatives) // 2)):
            chosen = recitals[len(body_recitals) % len(recitals)]
            body_recitals.append(chosen)
        else:
            chosen = operatives[len(body_operatives) % len(operatives)]
            body_operatives.append(chosen)
        size += len(chosen) + 8
    parts.extend(body_recitals)
    ended = _operative_endings(body_operatives)
    parts.extend(f"{n}. {text}" for n, text in enumerate(ended, 1))
    parts.extend(t for t in base.tail if not _FOOTNOTE.match(t))
    notes = [m.group(1).strip() for s in pool for t in s.tail for line in t.splitlines()
             for m in [_FOOTNOTE_BODY.match(line)] if m]
    parts = _renumber_footnotes(parts, notes)
    body = "\n\n".join(_defect(_vary_citations(p, rng), rng) for p in parts)
    return body + "\n", base.suffix


def generate(out: Path, megabytes: int, seed: int = 20240601) -> Path:
    """Write a corpus of about `megabytes` MB under out/<N>MB (reused when already complete)."""
    folder = out / f"{megabytes}MB"
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text() == GENERATOR_VERSION:
        return folder
    if folder.exists():  # an interrupted or older corpus: start again
        shutil.rmtree(folder)
    sources = load_sources()
    rng = random.Random(seed)
    total, index = 0, 0
    while total < megabytes * 1_000_000:
        text, suffix = make_draft(sources, index, rng)
        path = folder / f"part-{index // FILES_PER_FOLDER:03d}" / f"draft-{index:05d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        index += 1
    marker.write_text(GENERATOR_VERSION)
    return folder


def large_draft(megabytes: float, seed: int = 20240601) -> tuple[str, str]:
    """One draft of about `megabytes` MB (text, extension): the example draft's front matter with
    its recitals and operative paragraphs, and those of the drafts of its style, drawn again and
    again, their citations varied and their paragraphs and footnotes numbered on to the end."""
    sources = load_sources()
    index = next(i for i, s in enumerate(sources) if s.name == "draft-2022-child-protection.txt")
    return make_draft(sources, index, random.Random(seed), int(megabytes * 1_000_000))


def corpus_files(folder: Path) -> list[Path]:
    """The drafts of a corpus folder (a generated one, or any folder of .md and .txt drafts), sorted."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".md", ".txt")
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))
