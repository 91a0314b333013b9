"""The README stays true: its command help is the real help, and its error example is real."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from digest.cli import main

from .conftest import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def test_readme_shows_the_real_command_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out.strip()
    assert f"```text\n{help_text}\n```" in README


def test_readme_quick_start_has_exactly_two_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"```sh\n", quick_start)) == 2


def test_ci_runs_the_readme_test_command() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    test_command = re.findall(r"```sh\n(.*?)\n```", quick_start, flags=re.S)[1]
    assert test_command in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("tool", [["ruff", "check", "src", "tests"], ["mypy", "src"]])
def test_code_is_lint_and_type_clean(tool: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *tool], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_error_example_is_what_the_checker_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    meeting = content / "meetings" / "walsall" / "2024-04-16-childrens-services-scrutiny.yaml"
    meeting.write_text(meeting.read_text().replace("\nvenue:", "\nvenu:", 1))
    assert main(["check", "--content", str(content)]) == 1
    example = README.split("like this:\n\n   ```text\n", 1)[1].split("\n   ```", 1)[0]
    printed = capsys.readouterr().out
    for line in example.splitlines():
        assert line.removeprefix("   ") in printed.splitlines()
