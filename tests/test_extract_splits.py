"""The extractor finds each document in a pack (tests/extraction/splits.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.extract.source import parse_paper
from digest.extract.split import split_paper

CASES = yaml.safe_load((Path(__file__).parent / "extraction" / "splits.yaml").read_text())


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_documents_found(case: dict[str, Any]) -> None:
    segments = split_paper(parse_paper(case["paper"]))
    assert [[segment.kind, segment.title] for segment in segments] == case["expect"]
