"""The README stays true: its command help is the real help, and its error example is real."""

from __future__ import annotations

import re
import subprocess
import sys

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
