"""What the caches kept between builds share: the fingerprint of the code and how they write.

Each cache (parses, check findings, reading grades, pages, values kept by record) is emptied
when the digest's code changes, and is written whole or not at all, so a build stopped half way
never leaves a cache that vouches for work it did not finish.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

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


T = TypeVar("T")
# This process's last run of each file of kept values, so a preview that builds again does not
# read them back from disk: (code, values).
_LAST_RUN: dict[Path, tuple[str, dict[str, Any]]] = {}


class Kept:
    """Values worked out from one record, kept between builds under a key of all they were
    worked out from (the record's fingerprint and anything else they read).

    A pickle in the build folder, which only the build writes, emptied when the code changes;
    only this run's values are written back, so it never grows beyond the content.
    """

    def __init__(self, cache_file: Path | None) -> None:
        self.cache_file = cache_file
        self.code = code_fingerprint() if cache_file else ""
        self.stored = self._read() if cache_file else {}
        self.used: dict[str, Any] = {}

    def get(self, key: str, work: Callable[[], T]) -> T:
        """Return the value kept under ``key``, or do ``work`` and keep its value."""
        if self.cache_file is None:
            return work()
        found = self.stored[key] if key in self.stored else work()
        self.used[key] = found
        return found

    def has(self, key: str) -> bool:
        """Return True if a value is kept under ``key`` (``get`` will not work it out)."""
        return key in self.stored

    def save(self) -> None:
        """Keep this run's values for the next run."""
        if self.cache_file is None:
            return
        _LAST_RUN[self.cache_file] = (self.code, self.used)
        if self.used.keys() != self.stored.keys():
            write_whole(self.cache_file,
                        pickle.dumps((self.code, self.used), pickle.HIGHEST_PROTOCOL))

    def _read(self) -> dict[str, Any]:
        assert self.cache_file is not None
        last = _LAST_RUN.get(self.cache_file)
        if last is not None and last[0] == self.code:
            return last[1]
        try:
            code, stored = pickle.loads(self.cache_file.read_bytes())
        except Exception:  # noqa: BLE001 - any damage means: work it out again
            return {}
        return stored if code == self.code and isinstance(stored, dict) else {}


def key_of(*parts: str) -> str:
    """Return a key for kept values from the strings they were worked out from."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
