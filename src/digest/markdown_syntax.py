"""Python-Markdown with only the inline syntax our templates write (listed in mkdocs.yml).

Every text node of every page is tried against each inline pattern in turn, so patterns no
page uses cost 15-20% of converting a page, and converting pages is most of MkDocs' time at
national scale. Pages are generated (templates/), and text from content is escaped before it
reaches Markdown, so none of the syntax taken out here can come from content either: reference
links, images, e-mail autolinks and line breaks from trailing spaces. Taking syntax out only
makes Markdown read more of a page as plain text; a test converts every page of the real
content with and without this and compares them.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension

UNUSED_INLINE_SYNTAX = ("reference", "image_link", "image_reference", "short_reference",
                        "short_image_ref", "automail", "linebreak")


class GeneratedMarkdown(Extension):
    """Leave out the inline patterns no template writes."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        for name in UNUSED_INLINE_SYNTAX:
            md.inlinePatterns.deregister(name, strict=False)


def makeExtension(**kwargs: object) -> GeneratedMarkdown:  # noqa: N802 (Python-Markdown's name)
    """Return the extension: how Python-Markdown loads one named in mkdocs.yml."""
    return GeneratedMarkdown(**kwargs)
