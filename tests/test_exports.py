"""Feeds, calendars and open data: kept parts from the last build give what a fresh build gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from digest.build_cache import Kept
from digest.export import exports
from digest.export.opendata import LICENCE
from digest.plan import publishable
from digest.validate import load_and_validate

from .conftest import PROJECT, replace_once

SITE = "https://example.org/digest/"


def _visible(content_dir: Path):  # type: ignore[no-untyped-def]
    content, problems = load_and_validate(content_dir)
    assert problems == []
    return publishable(content)


def test_open_data_is_every_record_with_the_licence_as_one_json_document() -> None:
    visible = _visible(PROJECT / "content")
    files = exports(visible, SITE)
    for key, records in (("meetings", visible.meetings), ("reviews", visible.reviews)):
        expected = {"licence": LICENCE, key: [
            record.model_dump(mode="json", exclude={"allow", "status"})
            for record in sorted(records, key=lambda r: r.id)]}
        published = files[f"data/{key}.json"]
        assert json.loads(published) == expected
        assert published == json.dumps(expected, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_after_an_edit_exports_from_kept_parts_are_a_fresh_builds(tmp_path: Path) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content_dir)
    kept_file = tmp_path / "exports.pickle"
    first = Kept(kept_file)
    exports(_visible(content_dir), SITE, first)
    first.save()
    meeting = sorted((content_dir / "meetings").glob("*/*.yaml"))[0]
    replace_once(meeting, "summary: >-\n  Councillors", "summary: >-\n  This week councillors")
    visible = _visible(content_dir)
    fresh = exports(visible, SITE)
    assert exports(visible, SITE, Kept(kept_file)) == fresh
    assert any("This week councillors" in text.replace("\r\n ", "") for name, text in fresh.items()
               if name.endswith(".ics"))
    assert "This week councillors" in fresh["data/meetings.json"]
