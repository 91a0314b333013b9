"""Who a paper is from: the authority's name and the ids the content uses for it and its bodies."""

from __future__ import annotations

import re
from collections import Counter

from digest.extract.source import Paper

_COUNCIL = re.compile(
    r"\b(?P<name>(?:[A-Z][a-z]+(?:[ -](?:upon|on|and|&)?[ -]?[A-Z][a-z]+)*))\s+"
    r"(?:(?:Metropolitan\s+)?Borough\s+|City\s+|County\s+|District\s+)?Council\b"
)
_DOMAIN = re.compile(r"\bwww\.(?P<place>[a-z-]+)\.gov\.uk\b", re.I)
_NOT_PLACES = {"The", "Our", "This", "County", "City", "Borough", "Parish", "Town", "Local",
               "Annual", "Full", "District", "Metropolitan", "Children", "Each", "Every", "Cabinet"}
_BODY_FILLER = {"and", "the", "of", "overview", "committee", "board", "panel", "sub", "for", "&"}


_PLACE_HINTS = [
    re.compile(r"\bCouncil House,\s+(?P<place>[A-Z][a-z]+)\b"),
    re.compile(r"\b(?P<place>[A-Z][a-z]+)\s+Safeguarding\s+(?:Children(?:'s|’s)?\s+)?"
               r"(?:Partnership|Board)\b"),
    re.compile(r"\b(?P<place>[A-Z][a-z]+)\s+Council\s+House\b"),
]


def authority_name(paper: Paper) -> str | None:
    """Return '<Place> Council' for the council the paper names most often.

    Tried in order: a '<Place> Council' whose web address the paper gives, the most frequent
    '<Place> Council', then places in phrases councils use of themselves ('Council House,
    Walsall', 'Sandwell Safeguarding Partnership').
    """
    text = "\n".join(line.text for line in paper.lines)
    named = _named_council(text)
    if named:
        return named
    hinted = Counter(match.group("place") for pattern in _PLACE_HINTS
                     for match in pattern.finditer(text)
                     if match.group("place") not in _NOT_PLACES)
    return f"{hinted.most_common(1)[0][0]} Council" if hinted else None


def _named_council(text: str) -> str | None:
    places = Counter(
        _place(match.group("name")) for match in _COUNCIL.finditer(text)
        if match.group("name").split()[0] not in _NOT_PLACES
    )
    domains = Counter(match.group("place").lower() for match in _DOMAIN.finditer(text))
    for place, _ in domains.most_common():
        for name in places:
            if name.lower().replace(" ", "-") == place:
                return f"{name} Council"
    if places:
        return f"{places.most_common(1)[0][0]} Council"
    return None


def _place(name: str) -> str:
    """Drop the kind of council from a name: 'Walsall Metropolitan Borough' is 'Walsall'."""
    words = name.split()
    while len(words) > 1 and words[-1] in {"Metropolitan", "Borough", "City", "County",
                                           "District"}:
        words.pop()
    return " ".join(words)


def slug(text: str, drop: set[str] | None = None) -> str:
    """Return a content id: lowercase words joined by hyphens, apostrophes removed."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))
    words = [word for word in words if word not in (drop or set())]
    return "-".join(words)[:80].strip("-")


def authority_id(name: str) -> str:
    """Return the authority's id: 'Walsall Council' becomes 'walsall'."""
    return slug(name, {"council", "metropolitan", "borough", "city", "county", "district"})


def body_id(name: str) -> str:
    """Return a body's id: 'Children's Services Overview and Scrutiny Committee' becomes
    'childrens-services-scrutiny'."""
    return slug(name, _BODY_FILLER) or "committee"


def body_kind(name: str) -> str:
    """Return the kind of body its name says it is."""
    lowered = name.lower()
    for word, kind in (("scrutiny", "scrutiny"), ("cabinet", "cabinet"),
                       ("partnership", "partnership"), ("board", "board")):
        if word in lowered:
            return kind
    return "committee"
