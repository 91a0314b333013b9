"""The Pages workflow works on GitHub's runners as they are: read, linted and audited here."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import yaml

from digest import browser
from digest.browser import NoBrowser, find_chromium

from .conftest import PROJECT

WORKFLOW = PROJECT / ".github" / "workflows" / "pages.yml"
# The current major versions of the GitHub actions used, checked when this test was written.
CURRENT = {"actions/cache": 4, "actions/checkout": 7, "actions/setup-python": 7,
           "actions/configure-pages": 5, "actions/upload-pages-artifact": 5,
           "actions/deploy-pages": 5}


def _jobs() -> dict[str, dict]:  # type: ignore[type-arg]
    return yaml.safe_load(WORKFLOW.read_text())["jobs"]


def _steps() -> list[dict]:  # type: ignore[type-arg]
    return [step for job in _jobs().values() for step in job.get("steps", [])]


def test_uses_pages_actions_pinned_at_their_current_major_versions() -> None:
    text = WORKFLOW.read_text()
    uses = re.findall(r"uses: ([\w./-]+)@(\S+)(?: # v(\d+)\.)?", text)
    assert {name for name, _, _ in uses} == set(CURRENT)
    for name, ref, major in uses:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{name} is not pinned to a commit"
        assert int(major) == CURRENT[name], f"{name} is v{major}, not v{CURRENT[name]}"


def test_site_address_comes_from_configure_pages() -> None:
    build = _jobs()["build"]["steps"]
    pages = next(step for step in build if "configure-pages" in step.get("uses", ""))
    built = next(step for step in build if "digest build" in step.get("run", ""))
    expected = "${{ steps." + pages["id"] + ".outputs.base_url }}/"
    assert built["env"]["SITE_URL"] == expected


def test_a_content_mistake_stops_the_deploy_with_file_and_line_in_the_log() -> None:
    jobs = _jobs()
    check = [step["run"] for step in jobs["check"]["steps"] if "run" in step]
    assert ".venv/bin/digest check --format github" in check
    assert "check" in jobs["build"]["needs"] and "check" in jobs["test"]["needs"]
    assert set(jobs["deploy"]["needs"]) == {"test", "build"}


def test_the_browser_comes_from_the_runner_never_a_snap() -> None:
    runs = " ".join(step.get("run", "") for step in _steps())
    assert "apt-get" not in runs and "snap" not in runs and "chromium-browser" not in runs
    assert ".venv/bin/python -m digest.browser" in runs
    assert "playwright install --with-deps chromium" in runs


def test_the_workflow_matches_githubs_schema() -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows",
                             str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_no_security_problem() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", str(WORKFLOW)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_upload_step_archives_the_site_through_its_link(real_site: Path,
                                                            tmp_path: Path) -> None:
    """upload-pages-artifact runs tar --dereference --directory site: do the same."""
    archive = tmp_path / "artifact.tar"
    subprocess.run(["tar", "--dereference", "--hard-dereference", "--directory",
                    str(real_site), "-cf", str(archive), "--exclude=.[^/]*", "."], check=True)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "./index.html" in names and "./pagefind/pagefind-entry.json" in names


def _program(folder: Path, name: str, text: str = "#!/bin/sh\nexit 0\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    path.chmod(0o755)
    return path


@pytest.fixture
def no_playwright_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "_playwright_chromium", lambda: None)


def test_browser_lookup_finds_a_preinstalled_chromium(tmp_path: Path) -> None:
    chromium = _program(tmp_path / "bin", "chromium")
    _program(tmp_path / "bin", "google-chrome")
    assert find_chromium({"PATH": str(tmp_path / "bin")}) == chromium


def test_browser_lookup_finds_chrome(tmp_path: Path) -> None:
    chrome = _program(tmp_path / "bin", "google-chrome")
    assert find_chromium({"PATH": str(tmp_path / "bin")}) == chrome


def test_browser_lookup_skips_the_snap_shim_and_says_what_it_tried(
        tmp_path: Path, no_playwright_browser: None) -> None:
    _program(tmp_path / "bin", "chromium-browser",
             "#!/bin/sh\n# Ubuntu: install the snap\nexec snap run chromium \"$@\"\n")
    with pytest.raises(NoBrowser) as raised:
        find_chromium({"PATH": str(tmp_path / "bin")})
    assert str(raised.value) == (
        "No Chromium or Chrome was found. Tried: chromium (not on PATH); google-chrome (not on "
        "PATH); google-chrome-stable (not on PATH); "
        f"{tmp_path / 'bin' / 'chromium-browser'} (a shim that installs a snap: not used); a "
        "Chromium installed by 'playwright install chromium' (none). Install one (Debian: "
        "apt-get install chromium) or set DIGEST_CHROMIUM to its path.")


def test_browser_lookup_with_none_fails_in_one_line(
        tmp_path: Path, no_playwright_browser: None,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DIGEST_CHROMIUM", raising=False)
    assert browser.main() == 1
    assert capsys.readouterr().err.startswith("No Chromium or Chrome was found. Tried: ")


def test_an_explicit_browser_wins(tmp_path: Path) -> None:
    given = _program(tmp_path / "elsewhere", "my-chrome")
    _program(tmp_path / "bin", "chromium")
    assert find_chromium({"PATH": str(tmp_path / "bin"),
                          "DIGEST_CHROMIUM": str(given)}) == given


def test_tests_and_workflow_ask_the_same_place() -> None:
    conftest = (PROJECT / "tests" / "conftest.py").read_text()
    audit = (PROJECT / "src" / "digest" / "audit.py").read_text()
    assert "find_chromium" in conftest and "find_chromium" in audit
    assert "DIGEST_CHROMIUM" not in conftest + audit  # only digest.browser reads it
