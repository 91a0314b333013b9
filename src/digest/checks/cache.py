"""Check findings kept between builds, so a build after one edit re-checks only what changed.

Every rule reads one record at a time, with the shared files beside it (authorities, for their
help lines; the glossary; the topics) and the papers it cites. So a record's findings depend
only on the record itself (its values and their lines) and on those shared inputs: the rules'
code and settings, the shared files and the papers. The cache keeps each record's findings
under a fingerprint of the record; a change to any shared input empties it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from digest.build_cache import code_fingerprint, write_whole
from digest.findings import Finding
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


def load(cache_file: Path, shared: str) -> dict[str, Any]:
    """Return the cached findings by record fingerprint, or nothing if the shared inputs changed."""
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("shared") != shared:
        return {}
    records = data.get("records")
    return records if isinstance(records, dict) else {}


def save(cache_file: Path, shared: str, records: dict[str, list[Finding]]) -> None:
    """Write the findings of every record, for the next build."""
    data = {"shared": shared,
            "records": {key: [dataclasses.asdict(f) for f in found]
                        for key, found in records.items()}}
    write_whole(cache_file, json.dumps(data).encode())


def findings_from(stored: list[dict[str, Any]]) -> list[Finding]:
    """Return findings read back from the cache."""
    return [Finding(**found) for found in stored]
