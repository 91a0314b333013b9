"""The content model is the one place that says what content is, and what each field is for."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pytest
from pydantic import Field

from digest.checks import run_checks
from digest.cli import main
from digest.load import load_text
from digest.model import KINDS, PLAIN, Content, Entry, Meeting, string_fields
from digest.schemas import editor_schemas
from digest.validate import load_and_validate

from .conftest import FIXTURE_CONTENT


def test_a_new_field_without_a_role_is_found() -> None:
    class Extended(Meeting):
        notes: str | None = None

    assert [loc for loc, _, role in string_fields(Extended) if role is None] == [("notes",)]


def test_a_new_field_with_a_role_is_checked_and_in_the_schema_with_no_other_change() -> None:
    class Extended(Meeting):
        for_parents: Annotated[str, PLAIN] | None = Field(default=None, description="Advice.")

    content, findings = load_and_validate(FIXTURE_CONTENT)
    entry = content.entry("meeting", "testshire-2024-05-01-scrutiny")
    record = Extended(**{**entry.record.model_dump(), "for_parents": "Call Zoe on 07775 541850."})
    changed = Content(entries=[Entry(entry.kind, record, entry.document)], papers=content.papers)
    assert [(f.field, f.rule) for f in run_checks(changed)
            if f.level == "error"] == [("for_parents", "privacy-phone")]
    assert "for_parents" in Extended.model_json_schema()["properties"]


def test_every_kind_is_registered_once_and_has_an_editor_schema_where_it_should() -> None:
    assert len({kind.name for kind in KINDS}) == len(KINDS)
    assert set(editor_schemas()) == {f"{kind.name}.schema.json" for kind in KINDS if kind.schema}


@pytest.mark.parametrize(("setting", "message"), [
    ("reading-grade: {max_grade: nine}",
     "content/checks.yaml:1: reading-grade.max_grade: input should be a valid number, got 'nine'"),
    ("jargon-word: {words: {}}",
     "content/checks.yaml:1: jargon-word.words: needs at least 1 entry"),
    ("sentence-length: 12",
     "content/checks.yaml:1: sentence-length: expected settings as 'name: value' lines, got 12"),
    ("jargon-acronym: {ignore: MASH}",
     "content/checks.yaml:1: jargon-acronym.ignore: expected a list, got 'MASH'"),
    ("reading-grade: {colour: red}",
     "content/checks.yaml:1: reading-grade.colour: 'colour' is not a setting of reading-grade"),
    ("reading-grde: {max_grade: 8}",
     "content/checks.yaml:1: reading-grde: 'reading-grde' is not a check"),
])
def test_a_wrong_check_setting_is_a_file_and_line_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, message: str) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    (content / "checks.yaml").write_text(setting + "\n")
    assert main(["check", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == message


def test_yaml_aliases_are_refused_before_they_can_grow() -> None:
    bomb = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b]\n'
    document, findings = load_text(bomb, "content/topics.yaml", "topics")
    assert {f.message for f in findings} == {
        "anchors and aliases (& and *) are not allowed in content"}
