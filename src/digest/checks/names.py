"""First names and surnames, from names-dataset: what a child or a private person is called.

names-dataset ranks the first names and surnames of 106 countries (from public social-network
profiles). England's families carry names from everywhere, so each list is every name ranked in
Great Britain plus the most common names of the countries many of England's families came from.
Loading the whole dataset takes seconds and a gigabyte, so the chosen names are kept in small
cache files, made once per version of the package.
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
from pathlib import Path

# Every name ranked in Great Britain, and the most common names of these countries.
HOME = "GB"
ORIGINS = ("IE", "IN", "PL", "BD", "NG", "IT", "ZA", "CN", "LT", "JM", "PT", "ES", "FR", "US",
           "PH", "GH", "TR", "IQ", "AF", "IR", "SY", "HK", "SD", "AL", "DE", "SA", "EG", "YE",
           "MA", "KE", "RU", "BG", "GR", "CZ", "HU", "NL", "MY", "SG")
TOP_PER_ORIGIN = 1500
# Everyday words that are also first names somewhere: months, days and words that start
# council sentences ("May the committee...", "Will officers..."). Not people.
EVERYDAY_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Will", "Can", "Do", "Say", "See", "Met", "Look", "Art", "Early",
    "Our", "We", "So", "In", "On", "At", "By", "Be", "No", "Us", "It", "He", "She", "They",
    "His", "Her", "Him", "Me", "My", "An", "The", "And", "Not", "All", "Any", "One", "Two",
    "New", "Young", "Best", "Good", "Lead", "Head", "Chief", "Main", "Care", "Help", "Need",
    "Safe", "Hope", "Just", "Long", "Key", "Star", "Sky", "Love", "Case", "Page", "Court",
    "Hall", "Ward", "Green", "Grove", "Park", "Bank", "Reading", "Read", "Royal"
})


def cache_file(which: str) -> Path:
    """Return where the chosen names ('first' or 'last') are kept, per package version."""
    version = importlib.metadata.version("names-dataset")
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "safeguarding-digest" / f"{which}-names-{version}.txt"


@functools.cache
def first_names() -> frozenset[str]:
    """Return the first names the privacy checks know."""
    return frozenset(_names("first")) - EVERYDAY_WORDS


@functools.cache
def last_names() -> frozenset[str]:
    """Return the surnames the privacy checks know."""
    return frozenset(_names("last"))


def _names(which: str) -> list[str]:
    """Return one list of names from its cache file, making both files if need be."""
    try:
        return cache_file(which).read_text(encoding="utf-8").split()
    except OSError:
        chosen = _choose_names()
        for kind, names in chosen.items():
            _save(cache_file(kind), names)
        return chosen[which]


def _save(cache: Path, names: list[str]) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text("\n".join(names) + "\n", encoding="utf-8")
        temporary.replace(cache)
    except OSError:
        pass  # a read-only home: the names are still used, just made again next time


def _choose_names() -> dict[str, list[str]]:
    from names_dataset import NameDataset

    dataset = NameDataset()
    return {"first": _chosen(dataset.first_names), "last": _chosen(dataset.last_names)}


def _chosen(names: dict[str, dict[str, dict[str, int]]]) -> list[str]:
    chosen = []
    for name, info in names.items():
        ranks = info.get("rank") or {}
        if HOME in ranks or any(ranks.get(c, TOP_PER_ORIGIN + 1) <= TOP_PER_ORIGIN
                                for c in ORIGINS):
            chosen.append(name)
    return sorted(name for name in chosen if name.replace("'", "").isalpha() and len(name) > 1)
