"""The hash functions termlint keys its caches with, without OpenSSL's start-up.

`import hashlib` loads OpenSSL's libcrypto to offer its algorithms (~3 ms, on every run of a
pre-commit hook), while a check hashes a few cache keys. CPython's own implementations of the
same algorithms, which hashlib falls back to, give the same digests; hashlib is the fallback
here for a Python built without them.
"""

from __future__ import annotations

try:
    from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]  # Python 3.11
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment,unused-ignore]
try:
    from _sha1 import sha1  # type: ignore[import-not-found,unused-ignore]
except ImportError:
    from hashlib import sha1  # type: ignore[assignment,unused-ignore]
try:
    from _blake2 import blake2b  # type: ignore[import-not-found,unused-ignore]
except ImportError:
    from hashlib import blake2b  # type: ignore[assignment,unused-ignore]

__all__ = ["blake2b", "sha1", "sha256"]
