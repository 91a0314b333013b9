"""What the caches kept between builds share: the fingerprint of the code and how they write.

Each cache (parses, check findings, reading grades, pages) is emptied when the digest's code
changes, and is written whole or not at all, so a build stopped half way never leaves a cache
that vouches for work it did not finish.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import yaml

_CODE = Path(__file__).resolve().parent  # the digest package: loader, model, rules, pages


@functools.cache
def code_fingerprint() -> str:
    """Return a fingerprint of the digest's code (and PyYAML's version), which every cache
    between builds depends on. Read once per process: it is the code this process runs."""
    hasher = hashlib.sha256(f"PyYAML={yaml.__version__}".encode())
    for source in sorted(_CODE.rglob("*.py")):
        hasher.update(source.read_bytes())
    return hasher.hexdigest()


def write_whole(cache_file: Path, data: bytes) -> None:
    """Write a cache file in one step: beside it first, then in its place."""
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache_file.with_suffix(".tmp")
    temporary.write_bytes(data)
    temporary.replace(cache_file)
