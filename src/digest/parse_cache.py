"""Parsed content files kept between builds, so a build after one edit parses only that file.

Parsing a file (YAML with the line of every key, duplicate keys and characters checked) depends
only on its bytes, its name and kind, and the loader's code. The cache keeps each file's result
under a hash of the first three; a change to the digest's code empties it. It is a pickle in the
build folder, which only the build writes; a damaged or foreign file is ignored, never trusted
with anything but a rebuild.

A process that builds again (the preview of `digest serve`) also keeps each unchanged file's
validated record from its last run, in memory only: validating is the costliest step left, and
reading pydantic records back from a pickle was slower than validating them again.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from digest.build_cache import Kept
from digest.parallel import map_runs

Parsed = tuple[Any, list[Any]]  # (RawDocument or None, findings), as load_text returns them
Validated = tuple[Any, list[Any]]  # (record or None, findings), as parse_document returns them
# This process's last validated records for each cache file, by their file's key, with the code.
_RECORDS: dict[Path, tuple[str, dict[str, Validated]]] = {}


class ParseCache:
    """Each content file's parse by a hash of its name, kind and bytes."""

    def __init__(self, cache_file: Path | None) -> None:
        self.cache_file = cache_file
        self.parses = Kept(cache_file)
        last = _RECORDS.get(cache_file) if cache_file else None
        self.stored_records = last[1] if last is not None and last[0] == self.parses.code else {}
        self.used_records: dict[str, Validated] = {}
        self.key_of: dict[int, str] = {}  # id(document) -> its key, to find its record

    def parse_all(self, files: Sequence[tuple[str, str, bytes]],
                  parse: Callable[[str, str, bytes], Parsed]) -> list[Parsed]:
        """Return the parse of each file (its shown path, kind and bytes), in order: kept from
        the last run, or ``parse``d and kept. Many files are parsed on every core."""
        keys = [hashlib.sha256(f"{display}\0{kind}\0".encode() + data).hexdigest()
                for display, kind, data in files]
        todo = [(key, file) for key, file in zip(keys, files, strict=True)
                if not self.parses.has(key)]
        # 13,000 files at national scale: 13 s on one core, 8.5 s on two, sending them back
        # included. Each run of parses comes back as a frame of the cache, which a first build
        # saves as it came (pickling them all again took 2 s).
        fresh: dict[str, Parsed] = {}
        runs = map_runs(functools.partial(_parse_run, parse, self.parses.frame_of),
                        todo) if todo else []
        for frame in runs:
            fresh.update(self.parses.take(frame))
        found = []
        for key in keys:
            parsed = self.parses.get(key, functools.partial(fresh.__getitem__, key))
            if parsed[0] is not None:
                self.key_of[id(parsed[0])] = key
            found.append(parsed)
        return found

    def validated(self, document: Any, validate: Callable[[], Validated]) -> Validated:
        """Return the record this process last validated from the same file, or ``validate()``."""
        key = self.key_of.get(id(document))
        if key is None:
            return validate()
        found = self.stored_records.get(key)
        if found is None:
            found = validate()
        self.used_records[key] = found
        return found

    def save(self) -> None:
        """Keep the parses of this run's files (and no others) for the next run."""
        if self.cache_file is None:
            return
        _RECORDS[self.cache_file] = (self.parses.code, self.used_records)
        self.parses.save()


def _parse_run(parse: Callable[[str, str, bytes], Parsed],
               frame_of: Callable[[dict[str, Parsed]], bytes],
               run: Sequence[tuple[str, tuple[str, str, bytes]]]) -> bytes:
    return frame_of({key: parse(*file) for key, file in run})
