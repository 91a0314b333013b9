"""Explain glossary terms where readers meet them: on first use on each page.

Tooltips alone fail touch, keyboard and screen-reader users, so the first time a page uses a
term it is written out in brackets and linked to its glossary entry (the link's title adds a
tooltip for those who hover). Later uses on the same page are left alone.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from digest.model import GlossaryTerm
from digest.render_text import escape_markdown, relative_link

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


class Explainer:
    """Per-page state: which terms this page has already explained."""

    def __init__(self, glossary: list[GlossaryTerm], page_path: str,
                 authority: str | None) -> None:
        self.page_path = page_path
        self.seen: set[str] = set()
        self.by_first_word = terms_by_first_word(glossary, authority)

    def __call__(self, text: str | None) -> Markup:
        """Return the text as escaped Markdown, explaining terms not yet explained on the page."""
        escaped = str(escape_markdown(text or ""))
        if _starts_no_term(escaped, self.by_first_word):
            return Markup(escaped)  # most texts
        pieces, position = [], 0
        for word in _WORD.finditer(escaped):
            if word.start() < position:
                continue
            found = self._match(escaped, word)
            if found is None:
                continue
            end, term = found
            self.seen.add(term.id)
            pieces.append(escaped[position:word.start()])
            pieces.append(self._explained(escaped[word.start():end], term, escaped[end:]))
            position = end
        pieces.append(escaped[position:])
        return Markup("".join(pieces))

    def _match(self, text: str, word: re.Match[str]) -> tuple[int, GlossaryTerm] | None:
        """Return where a not-yet-explained term starting at ``word`` ends, and the term."""
        for name, term in self.by_first_word.get(word.group().lower(), ()):
            end = word.start() + len(name)
            candidate = text[word.start():end]
            exact = candidate == name if name.isupper() else candidate.lower() == name.lower()
            if (exact and term.id not in self.seen and not _WORD_CHAR.match(text[end:end + 1])
                    and not _inside_a_name(candidate, text[end:])):
                return end, term
        return None

    def _explained(self, found: str, term: GlossaryTerm, after: str) -> str:
        link = relative_link(self.page_path, f"glossary.md#{term.id}")
        tooltip = (term.expansion or term.explanation).replace('"', "'")
        linked = f'[{found}]({link} "{escape_markdown(tooltip)}")'
        if term.expansion and not after.lstrip().startswith("("):
            return f"{linked} ({escape_markdown(term.expansion)})"
        return linked


_WORD_CHAR = re.compile(r"[A-Za-z0-9]")


def _starts_no_term(text: str, by_first_word: Index) -> bool:
    """Return True if no word of the text is the first word of a term: seen in one go, rather
    than word by word in Python (a page's texts are mostly like this)."""
    return by_first_word.keys().isdisjoint(map(str.lower, _WORD.findall(text)))


def _inside_a_name(found: str, after: str) -> bool:
    """'Scrutiny' in 'Overview and Scrutiny Committee' is part of a name, not the term."""
    if found.isupper():
        return False
    following = re.match(r"\s+(\w)", after)
    return bool(following and following.group(1).isupper())


Index = dict[str, tuple[tuple[str, GlossaryTerm], ...]]
_INDEXES: dict[tuple[int, str | None], tuple[list[GlossaryTerm], Index]] = {}


def terms_by_first_word(
    glossary: list[GlossaryTerm], authority: str | None
) -> dict[str, tuple[tuple[str, GlossaryTerm], ...]]:
    """Index the terms that apply in an authority's pages by their first word, longest first.

    Every page of a build asks for the same few indexes, so they are kept for the glossary
    list they were made from (pydantic models holding lists cannot be hashed themselves).
    """
    key = (id(glossary), authority)
    kept = _INDEXES.get(key)
    if kept is None or kept[0] is not glossary:
        if any(other is not glossary for other, _ in _INDEXES.values()):
            _INDEXES.clear()  # a new build's glossary: the old indexes will not be asked again
        kept = (glossary, _index(glossary, authority))
        _INDEXES[key] = kept
    return kept[1]


def _index(
    glossary: list[GlossaryTerm], authority: str | None
) -> dict[str, tuple[tuple[str, GlossaryTerm], ...]]:
    index: dict[str, list[tuple[str, GlossaryTerm]]] = {}
    for term in glossary:
        if term.scope is not None and term.scope.authority not in (None, authority):
            continue
        for name in (term.term, *term.aliases):
            first = _WORD.match(name)
            if first:
                index.setdefault(first.group().lower(), []).append((name, term))
    return {word: tuple(sorted(names, key=lambda n: len(n[0]), reverse=True))
            for word, names in index.items()}
