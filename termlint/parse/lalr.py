"""The grammar's LALR tables, run without importing Lark.

Lark turns grammar/resolution.lark into LALR(1) tables; building them costs more than a draft's
lint rules, and importing Lark costs ~25 ms on every run, a sixth of a pre-commit hook's time on
one draft. The grammar reads one token per block, so what Lark does at parse time is small: look
up an action, shift or reduce, build a tree node. `Tables` holds Lark's tables as plain data
(written once to the user's cache directory, keyed by the grammar and the installed Lark), and
`Tables.parse` runs them as Lark's LALR parser does, with the same tree shaping and the same
error recovery; tests hold the two to the same trees on every corpus text and on random block
sequences. Lark is imported only to build the tables: on the first run, or after either changes.

Tree shaping, as Lark's tree builder does it for this grammar: a node is made for each rule
reduced, named after the rule; a child that is a rule whose name starts with "_" (the grammar's
`_front_item`, the `__x_star_n` rules Lark makes of `x*`) is replaced by its own children. The
grammar uses no `?rule`, `[optional]`, alias or anonymous token, and `Tables.of` refuses a table
that would need them.

Error recovery, as `Lark.parse(on_error=...)` with a handler that always resumes: a block that
does not fit is reported and skipped (the reductions its look-up made stay done); an end of input
that does not fit raises `ParseError` (Lark's parser gives up there too).
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from termlint.core.digest import sha256
from termlint.core.resources import cache_dir, installed_stamp, read_grammar
from termlint.core.scratch import keep_newest, replace_file

FORMAT = 1  # bump when the stored layout changes
GRAMMAR = "resolution.lark"
END = "$END"
_SHIFT, _REDUCE = 0, 1


class ParseError(Exception):
    """The end of the input does not fit the grammar: the caller falls back to plain paragraphs."""


@dataclass
class Node:
    """A grammar rule's match: its rule name and its parts (Node or the caller's tokens)."""

    rule: str
    parts: list[Any]


@dataclass(frozen=True)
class Tables:
    """LALR(1) tables as plain data: state -> {symbol: (SHIFT, state) | (REDUCE, rule index)}."""

    states: dict[int, dict[str, tuple[int, int]]]
    rules: tuple[tuple[str, int, tuple[bool, ...]], ...]  # (name, size, which children are spliced)
    start_state: int
    end_state: int

    @classmethod
    def of(cls, lark: Any) -> Tables:
        """The tables of a Lark LALR parser (built with parser="lalr" and start="start")."""
        parser = lark.parser.parser.parser  # Lark -> ParsingFrontend -> LALR_Parser -> _Parser
        table = parser.parse_table
        rules = list(parser.callbacks)
        number = {id(rule): i for i, rule in enumerate(rules)}
        shaped = []
        for rule in rules:
            options = rule.options
            if rule.alias or options.expand1 or options.keep_all_tokens or options.empty_indices:
                raise ValueError(f"the grammar's rule {rule.origin.name} needs a tree shaping termlint does not do")
            if any(sym.is_term and sym.filter_out for sym in rule.expansion):
                raise ValueError(f"the grammar's rule {rule.origin.name} has an anonymous token")
            spliced = tuple(not sym.is_term and sym.name.startswith("_") for sym in rule.expansion)
            shaped.append((str(rule.origin.name), len(rule.expansion), spliced))  # Lark's names subclass str
        states: dict[int, dict[str, tuple[int, int]]] = {}
        for state, actions in table.states.items():
            row = states[int(state)] = {}
            for symbol, (action, arg) in actions.items():
                reduce = action.name == "Reduce"
                row[str(symbol)] = (_REDUCE, number[id(arg)]) if reduce else (_SHIFT, int(arg))
        return cls(states, tuple(shaped), int(table.start_states["start"]), int(table.end_states["start"]))

    def parse(self, tokens: Sequence[tuple[str, Any]], skipped: Callable[[int], None]) -> Node:
        """The tree of `tokens` ((kind, value) pairs; a leaf of the tree is a token's value).
        `skipped(i)` is told of each token that does not fit, which is then left out."""
        states, end_state = self.states, self.end_state
        stack: list[int] = [self.start_state]
        values: list[Any] = []
        for i, (kind, value) in enumerate(tokens):
            while True:
                action = states[stack[-1]].get(kind)
                if action is None:
                    skipped(i)
                    break
                if action[0] == _SHIFT:
                    stack.append(action[1])
                    values.append(value)
                    break
                self._reduce(action[1], stack, values)
        while True:
            action = states[stack[-1]].get(END)
            if action is None or action[0] == _SHIFT:
                raise ParseError("the text ends where the grammar expects more")
            self._reduce(action[1], stack, values)
            if stack[-1] == end_state:
                return values[-1]  # type: ignore[no-any-return]

    def _reduce(self, index: int, stack: list[int], values: list[Any]) -> None:
        name, size, spliced = self.rules[index]
        parts: list[Any] = []
        if size:
            for child, splice in zip(values[-size:], spliced):
                if splice:
                    parts.extend(child.parts)
                else:
                    parts.append(child)
            del stack[-size:]
            del values[-size:]
        stack.append(self.states[stack[-1]][name][1])
        values.append(Node(name, parts))


def tables() -> Tables:
    """The grammar's tables: from the user's cache, or built with Lark (and stored there)."""
    grammar = read_grammar(GRAMMAR)
    path = None
    try:
        path = cache_dir() / f"lalr-{_key(grammar)}.marshal"
        stored = marshal.loads(path.read_bytes())
        return Tables({int(k): v for k, v in stored["states"].items()}, tuple(stored["rules"]),
                      stored["start_state"], stored["end_state"])
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass  # not built yet, or unreadable: build it
    built = Tables.of(lark_parser(grammar))
    if path is not None:
        data = {"states": built.states, "rules": list(built.rules), "start_state": built.start_state,
                "end_state": built.end_state}
        try:
            replace_file(path, marshal.dumps(data))  # makes the folder
            keep_newest(path.parent, "lalr-*.marshal", 4)  # an older grammar's or Lark's tables
        except OSError:
            pass  # a cache that cannot be written only means building again next time
    return built


def lark_parser(grammar: str | None = None) -> Any:
    """Lark's own LALR parser of the grammar (what the tables are taken from; the tests compare)."""
    from lark import Lark

    from termlint.parse.blocklexer import BlockLexer

    return Lark(read_grammar(GRAMMAR) if grammar is None else grammar, parser="lalr", lexer=BlockLexer)


def _key(grammar: str) -> str:
    """The grammar, this module's format and the installed Lark (its file's size and time: no import)."""
    stamp = installed_stamp("lark")
    return sha256(f"{FORMAT}\x00{stamp}\x00{grammar}".encode()).hexdigest()[:16]
