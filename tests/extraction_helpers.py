"""Shared by the extraction case tests: draft a small paper and pick out what it drafted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from digest.extract import extract_text
from digest.extract.source import parse_paper


def first_draft(text: str, folder: str) -> dict[str, Any]:
    """Return the first draft record written into ``folder`` ('meetings' or 'reviews')."""
    extraction = extract_text(parse_paper(text, "case.md"), Path("case.md"))
    drafts = [draft.data for draft in extraction.files if draft.path.startswith(f"{folder}/")]
    assert drafts, f"nothing drafted into {folder}/"
    return drafts[0]
