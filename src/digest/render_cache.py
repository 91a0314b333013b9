"""Pages kept between builds: a page whose inputs have not changed is not rendered again.

A page's Markdown depends only on its template (and the templates it includes), its context, the
glossary (terms are explained on first use), the help lines of its area, its path, the site's
address and the digest's code. The cache keeps a fingerprint of those for each page; the page's
text is the Markdown file the last build wrote, which an unchanged page leaves as it is (not
even read: at national scale that is 15,000 files read, and read again to compare). A context
holding something the fingerprint cannot read is rendered every time, never guessed at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from digest.build_cache import code_fingerprint, write_whole
from digest.model import Content
from digest.plan import Page

_PLAIN = (str, int, float, bool, type(None), dt.date)


class Unreadable(Exception):
    """A context value the fingerprint does not know how to read."""


class RenderCache:
    """Fingerprints of the pages the last build wrote into ``docs_dir``."""

    def __init__(self, docs_dir: Path, content: Content, templates_dir: Path,
                 site_url: str) -> None:
        self.docs_dir = docs_dir
        self.file = docs_dir.with_name(docs_dir.name + "-render-cache.json")
        # Each record (an entry of a file) is read through its fingerprint, not value by value.
        self.records = content.record_fingerprints
        self.authorities = {name: self.records[id(authority)]
                            for name, authority in content.authorities.items()}
        shared = hashlib.sha256(code_fingerprint().encode() + site_url.encode())
        for template in sorted(templates_dir.rglob("*")):
            if template.is_file():
                shared.update(template.as_posix().encode() + b"\0" + template.read_bytes())
        for term in content.glossary:
            shared.update(self.records[id(term)].encode())
        self.shared = shared.hexdigest()
        self.stored = self._read()
        self.keys: dict[str, str] = {}
        self.reused: list[str] = []  # pages whose Markdown in docs_dir is still right
        # Each model, dataclass, list and dict read so far, by id: pages share them (a meeting's
        # view is on its own page, its area's and its committee's; every meeting page holds the
        # topics), and the plan holds them all, unchanged, for the whole build.
        self.encoded: dict[int, bytes] = {}

    def key(self, page: Page) -> str | None:
        """Return the page's fingerprint, or None if its context cannot be read."""
        hasher = hashlib.sha256(f"{self.shared}\0{page.path}\0{page.template}\0"
                                f"{self.authorities.get(page.authority or '', '')}".encode())
        try:
            hasher.update(self._encode(page.context))
        except Unreadable:
            return None
        return hasher.hexdigest()

    def unchanged(self, page: Page) -> bool:
        """Return True if none of the page's inputs changed since the last build wrote it."""
        key = self.key(page)
        if key is None:
            return False
        self.keys[page.path] = key
        if self.stored.get(page.path) != key or not (self.docs_dir / page.path).is_file():
            return False
        self.reused.append(page.path)
        return True

    def forget(self) -> None:
        """Drop the last build's fingerprints before the docs folder is rewritten: if writing
        stops half way, no fingerprint can vouch for a file it no longer describes."""
        self.file.unlink(missing_ok=True)

    def save(self) -> None:
        """Keep this build's fingerprints, once its Markdown is all in the docs folder."""
        write_whole(self.file, json.dumps({"": self.shared, **self.keys}, sort_keys=True).encode())

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) and data.pop("", None) == self.shared else {}

    def _encode(self, value: Any) -> bytes:
        """Return what a key reads of a value: records by fingerprint, everything else by its
        parts, each shared part read once per build."""
        if isinstance(value, _PLAIN):
            return f"{type(value).__name__}:{value!r}\0".encode()
        record = self.records.get(id(value))
        if record is not None:
            return f"record:{record}\0".encode()
        known = self.encoded.get(id(value))
        if known is None:
            known = self.encoded[id(value)] = b"".join(self._parts(value))
        return known

    def _parts(self, value: Any) -> Iterator[bytes]:
        if isinstance(value, BaseModel):
            yield f"{type(value).__name__}(".encode()
            yield from (self._encode(getattr(value, name)) for name in type(value).model_fields)
            yield b")"
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            yield f"{type(value).__name__}(".encode()
            yield from (self._encode(getattr(value, found.name))
                        for found in dataclasses.fields(value))
            yield b")"
        elif isinstance(value, dict):
            yield f"{{{len(value)}".encode()
            for item_key, item in value.items():
                yield self._encode(item_key)
                yield self._encode(item)
        elif isinstance(value, (list, tuple)):
            yield f"[{len(value)}".encode()
            yield from map(self._encode, value)
        else:
            raise Unreadable(type(value).__name__)
