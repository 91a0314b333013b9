"""Check findings kept between builds, so a build after one edit re-checks only what changed.

Every rule reads one record at a time, with the shared files beside it (authorities, for their
help lines; the glossary; the topics) and the papers it cites. So a record's findings depend
only on the record itself (its values and their lines) and on those shared inputs: the rules'
code and settings, the shared files and the papers. The cache (a build_cache.Kept) keeps each
record's findings under a key of the record's fingerprint and the shared inputs' fingerprint,
so a change to any shared input checks every record again.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from typing import Any

from digest.build_cache import code_fingerprint, key_of
from digest.model import Content

# Kinds every record is checked against: always re-checked, and part of the shared fingerprint.
SHARED_KINDS = {"authority", "glossary", "topics"}
_RULE_LIBRARIES = ("names-dataset", "phonenumbers", "textstat", "pydantic")


def shared_fingerprint(content: Content, settings: dict[str, Any]) -> str:
    """Return a fingerprint of everything besides a record that its findings depend on."""
    hasher = hashlib.sha256(code_fingerprint().encode())  # the rules, the model, the facts
    for package in _RULE_LIBRARIES:  # the name lists and phone ranges the rules rely on
        hasher.update(f"{package}={version(package)}".encode())
    hasher.update(repr(sorted((key, repr(value)) for key, value in settings.items())).encode())
    for entry in content.entries:
        if entry.kind.name in SHARED_KINDS:
            hasher.update(content.fingerprints[id(entry)].encode())
    papers = content.papers_dir
    if papers is not None and papers.is_dir():
        for paper in sorted(papers.iterdir()):
            info = paper.stat()
            hasher.update(f"{paper.name}:{info.st_size}:{info.st_mtime_ns}".encode())
    return hasher.hexdigest()


def record_key(shared: str, record_fingerprint: str) -> str:
    """Return the key of a record's findings."""
    return key_of("findings", shared, record_fingerprint)
