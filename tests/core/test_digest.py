"""The cache keys' hash functions (core/digest.py) give hashlib's digests, without loading OpenSSL."""

from __future__ import annotations

import hashlib

from termlint.core import digest


def test_each_hash_gives_hashlibs_digest() -> None:
    for data in (b"", b"termlint", "Résolution 77/1 “x”".encode(), bytes(range(256)) * 300):
        assert digest.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        assert digest.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
        assert digest.blake2b(data, digest_size=20).digest() == hashlib.blake2b(data, digest_size=20).digest()
        grown = digest.blake2b(digest_size=16)
        grown.update(data[:7])
        grown.update(data[7:])
        assert grown.hexdigest() == hashlib.blake2b(data, digest_size=16).hexdigest()
