"""Exit statuses and the error every setup problem shares, known to every layer above."""

from __future__ import annotations

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class SetupError(Exception):
    """A configuration, pack or rule selection that cannot be used (exit status 2).

    Its message names the file, the key or rule, and the problem. ConfigError, PackError and
    RegistryError are its kinds, raised by the layer that reads each.
    """
