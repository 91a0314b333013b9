"""What the caches kept between builds share: the fingerprint of the code and how they write.

Each cache (parses, check findings, reading grades, pages, values kept by record) is emptied
when the digest's code changes, and is written whole or not at all, so a build stopped half way
never leaves a cache that vouches for work it did not finish.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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
_FRAME_LENGTH = struct.Struct("<Q")


@dataclass
class _Stored:
    """A file's values for this code, and how many of its frames' changes they took to read."""

    code: str
    values: dict[str, Any]
    changes: int = 0  # values added or dropped by frames after the first
    foreign: bool = False  # the file holds frames of other code, which only a rewrite drops


# This process's last run of each file of kept values, so a preview that builds again does not
# read them back from disk.
_LAST_RUN: dict[Path, _Stored] = {}


class Kept:
    """Values worked out from one record, kept between builds under a key of all they were
    worked out from (the record's fingerprint and anything else they read).

    A file in the build folder, which only the build writes, of frames: each a pickle of the
    code that wrote it, the values it adds, the keys it drops and whether it was appended. A
    build after one edit appends one small frame rather than writing every value again
    (pickling 13,000 parses took 2 s of a 14 s preview); the file is written afresh once
    appended changes outnumber a quarter of its values, or the code changed. Any frame stands
    alone, since a value depends only on its key: a frame cut short (a stopped build) or of
    other code is passed over, never trusted. Values worked out in worker processes can come
    back as frames (``frame_of``, ``take``), which a file written afresh holds as they came.
    """

    def __init__(self, cache_file: Path | None) -> None:
        self.cache_file = cache_file
        self.code = code_fingerprint() if cache_file else ""
        self.kept = self._read() if cache_file else _Stored("", {})
        self.stored = self.kept.values
        self.used: dict[str, Any] = {}
        self.taken: list[bytes] = []  # frames made elsewhere, holding the values of taken_keys
        self.taken_keys: set[str] = set()

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

    def frame_of(self, values: dict[str, Any]) -> bytes:
        """Return a frame of new values, for a worker process to send to the one that keeps
        them (which would otherwise pickle them twice: to receive them, and to save them)."""
        return _frame(self.code, values, [], appended=False)

    def take(self, frame: bytes) -> dict[str, Any]:
        """Return the values of a frame from ``frame_of``; if this run's values are all in
        frames so taken, saving writes those frames rather than pickling the values again."""
        found = next(_frames(frame))
        assert found is not None and found[0] == self.code, "a whole frame of this code"
        added = found[1]
        self.taken.append(frame)
        self.taken_keys.update(added)
        return added

    def save(self) -> None:
        """Keep this run's values for the next run."""
        if self.cache_file is None:
            return
        added = {key: value for key, value in self.used.items() if key not in self.stored}
        dropped = [key for key in self.stored if key not in self.used]
        changes = self.kept.changes + len(added) + len(dropped)
        if self.kept.foreign or not self.cache_file.is_file() or changes * 4 > len(self.used):
            taken_all = self.taken and self.taken_keys == self.used.keys()
            whole = b"".join(self.taken) if taken_all else _frame(
                self.code, self.used, [], appended=False)
            write_whole(self.cache_file, whole)
            changes = 0
        elif added or dropped:
            with self.cache_file.open("ab") as log:
                log.write(_frame(self.code, added, dropped, appended=True))
        _LAST_RUN[self.cache_file] = _Stored(self.code, self.used, changes)

    def _read(self) -> _Stored:
        assert self.cache_file is not None
        last = _LAST_RUN.get(self.cache_file)
        if last is not None and last.code == self.code:
            return last
        kept = _Stored(self.code, {})
        try:
            data = self.cache_file.read_bytes()
        except OSError:
            return kept
        for frame in _frames(data):
            if frame is None or frame[0] != self.code:
                kept.foreign = True
                continue
            _, added, dropped, appended = frame
            kept.values.update(added)
            for key in dropped:
                kept.values.pop(key, None)
            kept.changes += len(added) + len(dropped) if appended else 0
        return kept


def _frames(data: bytes) -> Iterator[tuple[str, dict[str, Any], list[str], bool] | None]:
    """Yield each frame's code, values added, keys dropped and whether it was appended; None
    for a damaged end."""
    at = 0
    while at < len(data):
        start = at + _FRAME_LENGTH.size
        try:
            (length,) = _FRAME_LENGTH.unpack_from(data, at)
            if start + length > len(data):
                raise ValueError("a frame cut short")
            code, added, dropped, appended = pickle.loads(data[start:start + length])
            if not isinstance(added, dict):
                raise TypeError("not a frame")
        except Exception:  # noqa: BLE001 - any damage means: work it out again
            yield None
            return
        yield code, added, list(dropped), bool(appended)
        at = start + length


def _frame(code: str, added: dict[str, Any], dropped: list[str], appended: bool) -> bytes:
    data = pickle.dumps((code, added, dropped, appended), pickle.HIGHEST_PROTOCOL)
    return _FRAME_LENGTH.pack(len(data)) + data


def key_of(*parts: str) -> str:
    """Return a key for kept values from the strings they were worked out from."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
