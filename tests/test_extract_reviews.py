"""The extractor on small reports and reviews (tests/extraction/reviews.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .extraction_helpers import first_draft

CASES = yaml.safe_load((Path(__file__).parent / "extraction" / "reviews.yaml").read_text())


def observed(review: dict[str, Any], key: str) -> Any:
    if key == "recommendations":
        return [r["text"] for r in review.get("recommendations", [])]
    if key == "findings":
        return [f["text"] for f in review.get("findings", [])]
    if key == "statistics":
        return [[s["label"], s["value"], s.get("breakdown", {})]
                for s in review.get("statistics", [])]
    return review.get(key)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    review = first_draft(case["paper"], "reviews")
    for key, expected in case["expect"].items():
        assert observed(review, key) == expected, key
