"""Pages kept between builds: a page whose inputs have not changed is not rendered again.

A page's Markdown depends only on its template (and the templates it includes), its context, the
glossary (terms are explained on first use), the help lines of its area, its path, the site's
address and the digest's code. The cache keeps a fingerprint of those for each page; the page's
text is the Markdown file the last build wrote, so nothing is kept twice. A context holding
something the fingerprint cannot read is rendered every time, never guessed at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable
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

    def key(self, page: Page) -> str | None:
        """Return the page's fingerprint, or None if its context cannot be read."""
        hasher = hashlib.sha256(f"{self.shared}\0{page.path}\0{page.template}\0"
                                f"{self.authorities.get(page.authority or '', '')}".encode())
        try:
            self._feed(page.context, hasher.update)
        except Unreadable:
            return None
        return hasher.hexdigest()

    def unchanged(self, page: Page) -> str | None:
        """Return the page's Markdown from the last build if none of its inputs changed."""
        key = self.key(page)
        if key is None:
            return None
        self.keys[page.path] = key
        written = self.docs_dir / page.path
        if self.stored.get(page.path) != key or not written.is_file():
            return None
        return written.read_text(encoding="utf-8")

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

    def _feed(self, value: Any, feed: Callable[[bytes], None]) -> None:
        """Feed a value to the hasher: records by fingerprint, everything else by its parts."""
        if isinstance(value, _PLAIN):
            feed(f"{type(value).__name__}:{value!r}\0".encode())
        elif id(value) in self.records:
            feed(f"record:{self.records[id(value)]}\0".encode())
        elif isinstance(value, BaseModel):
            feed(f"{type(value).__name__}(".encode())
            for name in type(value).model_fields:
                self._feed(getattr(value, name), feed)
            feed(b")")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            feed(f"{type(value).__name__}(".encode())
            for found in dataclasses.fields(value):
                self._feed(getattr(value, found.name), feed)
            feed(b")")
        elif isinstance(value, dict):
            feed(f"{{{len(value)}".encode())
            for item_key, item in value.items():
                self._feed(item_key, feed)
                self._feed(item, feed)
        elif isinstance(value, (list, tuple)):
            feed(f"[{len(value)}".encode())
            for item in value:
                self._feed(item, feed)
        else:
            raise Unreadable(type(value).__name__)
