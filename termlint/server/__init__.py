"""`termlint server`: a language server (LSP over stdio) on pygls and lsprotocol.

The modules, from the protocol down to the core:

- `app.py`: the server, its handlers and the scheduling of lints (debounced, latest version wins);
- `actions.py`: code actions (a quick fix per fixable finding, fix all, suppress on this line);
- `convert.py`: termlint diagnostics as LSP diagnostics (severity, code, link, related places);
- `positions.py`: termlint's 1-based character columns <-> LSP positions (UTF-16 by default);
- `linting.py`: one document linted with the same configuration discovery as `termlint check`;
- `options.py`: the editor's settings (initializationOptions, workspace/didChangeConfiguration).

Only `app.py`, `actions.py` and `convert.py` import pygls/lsprotocol; the CLI imports this
package only for `termlint server`, so `termlint check` never pays for them.
"""
