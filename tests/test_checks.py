"""Each check triggers on text it must catch and stays quiet on text it must allow."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from digest.checks import RULES, named_person, run_checks
from digest.checks.texts import published_texts
from digest.cli import main
from digest.plan import publishable
from digest.validate import load_and_validate

from .conftest import PROJECT
from .test_validate_errors import AUTHORITY, GLOSSARY, MEETING, write_content

CASES = yaml.safe_load((Path(__file__).parent / "checks" / "cases.yaml").read_text())
HELP = "help: {children_front_door: 0300 555 2866}\n"
ATTENDED = MEETING.replace("  present: [Councillor Hicken]",
                           "  present: [Councillor Hicken]\n  officers: [{name: R. Homer}]")


def content_with_summary(root: Path, summary: str, extra: str = "") -> Path:
    """A small valid content tree whose meeting has the given summary."""
    meeting = ATTENDED.replace("paper: minutes\n",
                               f"paper: minutes\nsummary: {json.dumps(summary)}\n{extra}")
    content = write_content(root, meeting, GLOSSARY.replace("term: MASH", "term: MASH\n"
                                                            "    expansion: Hub"))
    (content / "authorities" / "walsall.yaml").write_text(AUTHORITY + HELP)
    return content


def rules_triggered(root: Path, summary: str, extra: str = "") -> list[str]:
    content, findings = load_and_validate(content_with_summary(root, summary, extra))
    assert findings == []
    return [f.rule for f in run_checks(content) if f.field == "summary" and f.rule]


CASE_LIST = [(rule, kind, text) for rule, cases in CASES.items()
             for kind in ("fail", "pass") for text in cases[kind]]


@pytest.mark.parametrize(("rule", "kind", "text"), CASE_LIST,
                         ids=[f"{rule}-{kind}-{i}" for i, (rule, kind, _) in enumerate(CASE_LIST)])
def test_rule_case(tmp_path: Path, rule: str, kind: str, text: str) -> None:
    if CASES[rule].get("decision"):
        triggered = decision_rules_triggered(tmp_path, text)
    else:
        triggered = rules_triggered(tmp_path, " ".join(text.split()))
    assert (rule in triggered) == (kind == "fail"), triggered


def decision_rules_triggered(root: Path, decision: str) -> list[str]:
    """The rules a meeting's first decision triggers, written as a YAML flow record."""
    content = content_with_summary(root, "The report was noted.")
    meeting = content / "meetings" / "walsall" / "2024-04-16-scrutiny.yaml"
    text = meeting.read_text()
    old = "{text: The report was noted., plain: Councillors read the report., kind: noted}"
    assert old in text
    meeting.write_text(text.replace(old, decision))
    content_model, findings = load_and_validate(content)
    assert findings == []
    return [f.rule for f in run_checks(content_model) if f.field.startswith("items[0].decisions")
            and f.rule]


def test_every_rule_has_cases_and_documented_examples() -> None:
    assert {rule.ID for rule in RULES} == set(CASES)
    for rule in RULES:
        assert "PASS:" in (rule.__doc__ or "") and "FAIL:" in (rule.__doc__ or ""), rule.ID


def test_an_allowance_accepts_a_finding_and_says_why(tmp_path: Path) -> None:
    allow = ("allow:\n  - {rule: privacy-phone, field: summary, reason: The NSPCC's published "
             "adult helpline}\n")
    assert "privacy-phone" not in rules_triggered(tmp_path, "Call 0808 800 5000.", allow)


def test_an_unneeded_allowance_is_reported(tmp_path: Path) -> None:
    allow = "allow:\n  - {rule: privacy-phone, field: summary, reason: No longer needed}\n"
    content, _ = load_and_validate(content_with_summary(tmp_path, "A plain summary.", allow))
    assert [f.format() for f in run_checks(content)] == [
        "content/meetings/walsall/2024-04-16-scrutiny.yaml:11: warning: allow[0]: "
        "[allow-unused] nothing needs this allowance for privacy-phone on summary\n"
        "    hint: remove it, or name the one field it is for exactly, like items[2].summary"
    ]


def test_settings_change_thresholds_and_unknown_settings_are_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "The committee looked at the report and asked questions about the work of the team."
    content = content_with_summary(tmp_path, long)
    (content / "checks.yaml").write_text("sentence-length: {max_words: 10}\nreading-grade: "
                                         "{max_grade: 12, colour: red}\n")
    assert main(["check", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert ("content/checks.yaml:2: reading-grade.colour: 'colour' is not a setting of "
            "reading-grade") in out
    (content / "checks.yaml").write_text("sentence-length: {max_words: 10}\n")
    assert main(["check", "--content", str(content)]) == 0
    assert "[sentence-length] has a sentence of 15 words" in capsys.readouterr().out


def test_check_command_text_json_and_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_with_summary(tmp_path, "The report was noted. Call 07775 541850.")
    assert main(["check", "--content", str(content)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == (
        "content/meetings/walsall/2024-04-16-scrutiny.yaml:9: summary: [privacy-phone] contains "
        "a phone number: '...was noted. Call 07775 541850.'"
    )
    assert captured.err == "\n1 error, 1 warning.\n"
    assert main(["check", "--content", str(content), "--format", "json"]) == 1
    rules = [f["rule"] for f in json.loads(capsys.readouterr().out)]
    assert rules == ["privacy-phone", "jargon-word"]
    fine = content_with_summary(tmp_path / "fine", "The report was noted.")
    assert main(["check", "--content", str(fine)]) == 0
    assert main(["check", "--content", str(fine), "--strict"]) == 1


ORDINARY = yaml.safe_load((Path(__file__).parent / "checks" / "ordinary_sentences.yaml")
                          .read_text())["sentences"]


def test_privacy_rules_rarely_cry_wolf_on_ordinary_council_sentences(tmp_path: Path) -> None:
    flagged = {}
    for i, sentence in enumerate(ORDINARY):
        triggered = rules_triggered(tmp_path / str(i), sentence)
        privacy = [rule for rule in triggered if rule.startswith("privacy-")]
        if privacy:
            flagged[sentence] = privacy
    rate = len(flagged) / len(ORDINARY)
    print(f"false positives: {len(flagged)} of {len(ORDINARY)} ({rate:.0%})")
    assert len(ORDINARY) >= 50
    assert rate <= 0.05, flagged


# A person's name in each shape the named-person rule knows, spaced and punctuated the ways
# text reaches a record (pasted from a PDF, typed, or split across lines).
NAME_SHAPES = ["Mr. Smith", "Dr  O'Neill", "Cllr\u00a0Reid", "Councillor A. B. Jones",
               "Prof. McDonald", "Mrs O’Brien", "Baroness Khan", "Mary-Jane Smith",
               "Sarah\nJones", "Sarah J. Jones", "WHITFIELD, Karen", "JONES,\tKaren"]


def test_named_person_finds_the_same_names_without_its_quick_test(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule first looks for a capitalised word before a capital, and only then for names:
    it must find every name it would find without that first look."""
    content, _ = load_and_validate(PROJECT / "content")
    texts = [f"The carer, {name}, was not told." for name in NAME_SHAPES]
    texts += [text for cases in CASES.values() for kind in ("fail", "pass")
              for text in cases[kind]]
    texts += ORDINARY + [text.value for text in published_texts(publishable(content))]
    texts += [line for paper in sorted((PROJECT / "content" / "papers").iterdir())
              for line in paper.read_text(encoding="utf-8").splitlines()]
    quick = [named_person.people_named(text) for text in texts]
    monkeypatch.setattr(named_person, "_CAPITALISED_PAIR", re.compile(""))
    assert [named_person.people_named(text) for text in texts] == quick
    assert all(quick[:len(NAME_SHAPES)])  # every shape is found, so the test sees names
    assert sum(map(bool, quick)) > 100  # and the papers' own names too


def test_rules_find_the_same_without_their_quick_looks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule may pass by, all at once, the texts that fail a quick look (no digit, no
    capital pair): it must report what it would report if it read every text."""
    from digest.checks import rule as rule_module

    texts = [" ".join(text.split()) for text in
             [*(case for _, _, case in CASE_LIST), *ORDINARY, *NAME_SHAPES]]
    items = "".join(f'  - number: "{i}"\n    title: Item {i}\n    summary: {json.dumps(text)}\n'
                    f"    source: {{lines: [1, 10]}}\n" for i, text in enumerate(texts, 100))
    folder = content_with_summary(tmp_path, "Councillors met.")
    meeting = folder / "meetings" / "walsall" / "2024-04-16-scrutiny.yaml"
    meeting.write_text(meeting.read_text() + items)  # an item for each text
    content, problems = load_and_validate(folder)
    assert problems == []
    quick = run_checks(content)
    reading_all = rule_module.texts

    def without_look(content: object, applies: object = None, look: object = None) -> object:
        return reading_all(content, applies)  # type: ignore[arg-type]

    for module in [rule_module, *RULES]:
        if getattr(module, "texts", None) is reading_all:
            monkeypatch.setattr(module, "texts", without_look)
    assert run_checks(content) == quick
    found = {finding.rule for finding in quick}
    assert {rule.ID for rule in RULES if rule.ID.startswith("privacy-")} <= found
    assert {"facts-traceable", "jargon-acronym"} <= found
