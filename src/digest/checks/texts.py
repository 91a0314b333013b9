"""Every piece of text the site publishes, with the file and line it comes from.

Checks read content through this one walker, which walks the content model by the role each
field declares: a rule can never miss a field that a template shows, and every finding points
at the line a comms officer has to change.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.load import RawDocument, field_path
from digest.model import Content, Entry, Loc, Role, Strict, published_strings


@dataclass(frozen=True)
class Text:
    """One published text field: where it is, what it says, and the role its field plays."""

    entry: Entry
    loc: Loc
    value: str
    role: Role

    @property
    def document(self) -> RawDocument:
        """Return the file the text is in."""
        return self.entry.document

    @property
    def record(self) -> Strict:
        """Return the record the text belongs to (a meeting, a review, a glossary term...)."""
        return self.entry.record

    @property
    def line(self) -> int:
        """Return the line of the field in its file."""
        return self.document.line_of(self.loc)

    @property
    def field(self) -> str:
        """Return the field path, like items[3].summary (from the top of the file)."""
        return field_path(self.loc)


_WALKED: dict[int, tuple[Content, list[Text], list[str]]] = {}


def published_texts(content: Content) -> list[Text]:
    """Return every text a reader can see: approved records, exempt items skipped entirely.

    Every check walks the same texts, so the walk is kept for the one content it was made
    from (a long-running preview does not pile up old walks).
    """
    return _walked(content)[1]


def published_values(content: Content) -> list[str]:
    """Return what each of ``published_texts`` says, in the same order: a rule scans these
    with its pattern in one go, without a step of Python for each text."""
    return _walked(content)[2]


def _walked(content: Content) -> tuple[Content, list[Text], list[str]]:
    kept = _WALKED.get(id(content))
    if kept is None or kept[0] is not content:
        walked = _walk(content)
        kept = (content, walked, [text.value for text in walked])
        _WALKED.clear()
        _WALKED[id(content)] = kept
    return kept


def _walk(content: Content) -> list[Text]:
    return [Text(entry, (*entry.loc, *loc), value, role)
            for entry in content.entries
            for loc, value, role in published_strings(entry.record)]
