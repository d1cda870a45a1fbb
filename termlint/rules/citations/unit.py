"""The stretch of text the citation rules read as one (a clause, masked, with its issuer)."""

from __future__ import annotations

from dataclasses import dataclass

from termlint.parse.tree import Clause


@dataclass(frozen=True)
class Unit:
    """A stretch of text read as one: a clause's text with its offsets, and its context."""

    clause: Clause
    text: str  # markup masked with spaces (same length as clause.text)
    body: str | None  # the organ whose text this is (from the resolution's chapeau)
    in_footnote: bool
