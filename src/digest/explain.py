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


class Explainer:
    """Per-page state: which terms this page has already explained."""

    def __init__(self, glossary: list[GlossaryTerm], page_path: str,
                 authority: str | None) -> None:
        self.page_path = page_path
        self.terms = {
            name: term for term in glossary
            if term.scope is None or term.scope.authority in (None, authority)
            for name in (term.term, *term.aliases)
        }
        self.seen: set[str] = set()
        names = sorted(self.terms, key=len, reverse=True)
        self.pattern = re.compile(
            "|".join(rf"\b{re.escape(name)}\b" if name.isupper() else rf"(?i:\b{re.escape(name)}\b)"
                     for name in names)
        ) if names else None

    def __call__(self, text: str | None) -> Markup:
        """Return the text as escaped Markdown, explaining terms not yet explained on the page."""
        escaped = str(escape_markdown(text or ""))
        if self.pattern is None:
            return Markup(escaped)
        pieces, position = [], 0
        for match in self.pattern.finditer(escaped):
            term = self._term(match.group())
            if term is None or term.id in self.seen or self._inside_a_name(match, escaped):
                continue
            self.seen.add(term.id)
            pieces.append(escaped[position:match.start()])
            pieces.append(self._explained(match.group(), term, escaped[match.end():]))
            position = match.end()
        pieces.append(escaped[position:])
        return Markup("".join(pieces))

    @staticmethod
    def _inside_a_name(match: re.Match[str], text: str) -> bool:
        """'Scrutiny' in 'Overview and Scrutiny Committee' is part of a name, not the term."""
        if match.group().isupper():
            return False
        following = re.match(r"\s+(\w)", text[match.end():])
        return bool(following and following.group(1).isupper())

    def _term(self, found: str) -> GlossaryTerm | None:
        return self.terms.get(found) or next(
            (term for name, term in self.terms.items() if name.lower() == found.lower()), None
        )

    def _explained(self, found: str, term: GlossaryTerm, after: str) -> str:
        link = relative_link(self.page_path, f"glossary.md#{term.id}")
        tooltip = (term.expansion or term.explanation).replace('"', "'")
        linked = f'[{found}]({link} "{escape_markdown(tooltip)}")'
        if term.expansion and not after.lstrip().startswith("("):
            return f"{linked} ({escape_markdown(term.expansion)})"
        return linked
