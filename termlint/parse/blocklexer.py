"""The lexer that feeds the grammar one token per block (imported only when a text is parsed).

It lives at module level, not inside parse._parser, so that Lark can pickle a reference
to it with the parser tables it caches between runs.
"""

from __future__ import annotations

from typing import Any

from lark.lexer import Lexer, Token


class BlockLexer(Lexer):
    """Feeds the grammar one token per block; the token's value is the block's index."""

    __future_interface__ = 1  # lex() gets the lexer state, which remembers the last token

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, state: Any, *_: Any) -> Any:  # state.text: the list of blocks
        # After an error Lark calls lex() again to resume: go on after the last block fed
        # (the one that did not fit is skipped), never from the first one again (which
        # fed the same blocks round and round: a hang on some drafts).
        start = int(state.last_token) + 1 if state.last_token is not None else 0
        for index in range(start, len(state.text)):
            state.last_token = Token(state.text[index].kind, str(index))
            yield state.last_token
