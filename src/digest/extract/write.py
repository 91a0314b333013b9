"""Write an extraction's drafts as content files, never overwriting without permission."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from digest.errors import DigestError
from digest.extract import Extraction
from digest.extract.draft import DraftFile

HEADER = (
    "# Draft from {paper}, lines {start} to {end}, written by 'digest extract'.\n"
    "# Check every value against the paper, write the plain-language summaries,\n"
    "# then set status: approved. Values the paper does not state are left out.\n"
)


class _Dumper(yaml.SafeDumper):
    """YAML as a person would write it: short lists of numbers on one line."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = len(data) <= 2 and all(isinstance(item, int) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def to_yaml(draft: DraftFile) -> str:
    """Return a draft file's text, with a header saying where it came from."""
    source = draft.data.get("source", {})
    lines = source.get("lines", ["?", "?"])
    header = (HEADER.format(paper=source.get("paper", "the paper"), start=lines[0], end=lines[1])
              if "source" in draft.data else "# Drafted by 'digest extract'; check and complete.\n")
    body = yaml.dump(draft.data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


@dataclass
class Written:
    """What writing did: files written, and files left alone because they already existed."""

    written: list[Path]
    kept: list[Path]


class WouldOverwrite(DigestError):
    """Some drafts would replace existing files; nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        listed = "\n".join(f"  {path}" for path in paths)
        super().__init__(f"These files already exist:\n{listed}\nNothing was written. Use "
                         "--force to replace them.")
        self.paths = paths


def write_extraction(extraction: Extraction, out_dir: Path, force: bool = False) -> Written:
    """Write the drafts, a copy of the paper and (if new) the authority into ``out_dir``.

    Every target is checked before anything is written, so a refusal leaves ``out_dir`` as it
    was. An existing authority file is never replaced: comms teams edit it by hand.
    """
    planned = {out_dir / draft.path: to_yaml(draft) for draft in extraction.files}
    kept: list[Path] = []
    if extraction.authority is not None:
        target = out_dir / extraction.authority.path
        if target.exists():
            kept.append(target)
        else:
            planned[target] = to_yaml(extraction.authority)
    paper_copy = out_dir / "papers" / extraction.paper.name
    paper_text = extraction.paper.text.encode("utf-8")
    paper_is_new = not paper_copy.exists()
    if not paper_is_new and paper_copy.read_bytes() != paper_text:
        planned_paper_conflict = [paper_copy]
    else:
        planned_paper_conflict = []
    clashes = [path for path in planned if path.exists()] + planned_paper_conflict
    if clashes and not force:
        raise WouldOverwrite(clashes)
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if paper_is_new or force:
        paper_copy.parent.mkdir(parents=True, exist_ok=True)
        paper_copy.write_bytes(paper_text)
    return Written(sorted(planned), kept)
