"""Rule kinds: each module turns a [[rules]] entry of a TOML pack into a rule.

A kind module exports KEYS (the entry keys it reads beyond the common ones), FIXABLE,
and build(entry, meta, where) -> rule. Adding a kind is adding a module here.
"""
