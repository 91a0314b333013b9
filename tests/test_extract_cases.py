"""The extractor on small papers in many councils' layouts (tests/extraction/cases.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .extraction_helpers import first_draft

CASES = yaml.safe_load((Path(__file__).parent / "extraction" / "cases.yaml").read_text())


def observed(meeting: dict[str, Any], key: str) -> Any:
    attendance = meeting.get("attendance", {})
    if key in {"chair", "present", "apologies"}:
        return attendance.get(key)
    if key == "items":
        return [[item.get("number"), item["title"]] for item in meeting.get("items", [])]
    if key == "decisions":
        return [[d["kind"], d["text"]] for item in meeting.get("items", [])
                for d in item.get("decisions", [])]
    return meeting.get(key)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    meeting = first_draft(case["paper"], "meetings")
    for key, expected in case["expect"].items():
        assert observed(meeting, key) == expected, key
