"""Checks that run before anything is published: privacy, safety and plain language.

Each rule is a module with an ``ID``, a ``LEVEL``, a ``Settings`` model (its settings, their
types and defaults) and ``check(content, settings)``; the registry below is the list of them.
Settings can be changed in content/checks.yaml, and a wrong one is reported with its line.
A finding that a person has judged acceptable is accepted by an ``allow`` entry (rule, field,
reason) in the record itself, never by weakening the rule.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from digest.build_cache import Kept
from digest.checks import (
    acronyms,
    address,
    cache,
    case_code,
    date_of_birth,
    email,
    initials,
    jargon_words,
    name_age,
    named_person,
    nhs_number,
    ni_number,
    phone,
    placeholders,
    plain_words,
    reading_age,
    sentence_length,
    traceable,
)
from digest.checks.readability import read_dictionaries
from digest.checks.rule import RuleSettings
from digest.findings import Finding
from digest.load import RawDocument, load_file
from digest.model import Allowance, Content, Entry
from digest.parallel import PARALLEL_AT, map_runs
from digest.validate import parse_settings

RULES: Sequence[ModuleType] = (
    email, phone, nhs_number, ni_number, address, date_of_birth, name_age, named_person,
    initials, case_code, placeholders, plain_words, traceable, reading_age, sentence_length,
    acronyms, jargon_words,
)
RULE_IDS = {rule.ID: rule for rule in RULES}
CONFIG_FILE = "checks.yaml"


def run_checks(content: Content, config: dict[str, RuleSettings] | None = None,
               cache_file: Path | None = None) -> list[Finding]:
    """Run every rule; drop findings that an allowance accepts; report unneeded allowances.

    With ``cache_file``, records unchanged since the last run keep their findings from it and
    only changed records (and the shared files) are checked again (checks/cache.py).
    """
    settings = {rule.ID: (config or {}).get(rule.ID) or rule.Settings() for rule in RULES}
    raw = _raw_findings(content, settings) if cache_file is None else _cached_findings(
        content, settings, cache_file)
    allowances = _allowances(content)
    used: set[tuple[str, int]] = set()
    kept = []
    for found in raw:
        accepted = allowances[found.path][0] if found.path in allowances else []
        match = next((i for i, allowance in enumerate(accepted)
                      if allowance.rule == found.rule and allowance.field == found.field), None)
        if match is None:
            kept.append(found)
        else:
            used.add((found.path, match))
    kept.extend(_allowance_problems(allowances, used))
    return sorted(set(kept))


def _raw_findings(content: Content, settings: dict[str, RuleSettings],
                  parallel_at: int = PARALLEL_AT) -> list[Finding]:
    """Run every rule over the content, on every core for a large corpus.

    A record's findings depend only on the record and the shared files (the invariant the
    cache relies on too), so each core checks a run of the records beside the shared files.
    """
    records = [e for e in content.entries if e.kind.name not in cache.SHARED_KINDS]
    shared = [e for e in content.entries if e.kind.name in cache.SHARED_KINDS]
    read_dictionaries()  # before any worker is forked, so that all share them
    found = map_runs(functools.partial(_findings_beside, shared, content, settings), records,
                     parallel_at)
    return list(dict.fromkeys(f for run in found for f in run))  # shared files' findings once


def _findings_beside(shared: list[Entry], content: Content, settings: dict[str, RuleSettings],
                     records: Sequence[Entry]) -> list[Finding]:
    """Return the findings of a run of records, checked beside the shared files."""
    return _findings_of(Content([*shared, *records], content.papers, content.papers_dir),
                        settings)


def _findings_of(content: Content, settings: dict[str, RuleSettings]) -> list[Finding]:
    return [found for rule in RULES for found in rule.check(content, settings[rule.ID])]


def _cached_findings(content: Content, settings: dict[str, RuleSettings],
                     cache_file: Path) -> list[Finding]:
    shared = cache.shared_fingerprint(content, settings)
    kept = Kept(cache_file)
    keys = {id(entry): cache.record_key(shared, content.fingerprints[id(entry)])
            for entry in content.entries if entry.kind.name not in cache.SHARED_KINDS}
    fresh = [entry for entry in content.entries
             if id(entry) not in keys or not kept.has(keys[id(entry)])]
    fresh_ids = {id(entry) for entry in fresh}
    checked = Content(fresh, content.papers, content.papers_dir)
    found = _raw_findings(checked, settings) if fresh else []
    by_path: dict[str, list[Finding]] = {}
    for finding in found:
        by_path.setdefault(finding.path, []).append(finding)
    raw = list(found)
    for entry in content.entries:
        key = keys.get(id(entry))
        if key is None:
            continue  # a shared file: checked every time
        if id(entry) in fresh_ids:
            kept.get(key, functools.partial(by_path.get, entry.document.path, []))
        else:
            raw += kept.get(key, list)  # kept: nothing is worked out
    kept.save()
    return raw


def load_config(content_dir: Path) -> tuple[dict[str, RuleSettings], list[Finding]]:
    """Read content/checks.yaml if it exists; report unknown rules and wrong settings."""
    path = content_dir / CONFIG_FILE
    if not path.is_file():
        return {}, []
    document, findings = load_file(path, f"{content_dir.name}/{CONFIG_FILE}", "checks")
    if document is None:
        return {}, findings
    if not isinstance(document.data, dict):
        return {}, [Finding(document.path, 1, "", "expected one 'check-id: {settings}' line "
                            "per check", hint=f"checks are: {', '.join(sorted(RULE_IDS))}")]
    config: dict[str, RuleSettings] = {}
    for rule_id, values in document.data.items():
        rule = RULE_IDS.get(rule_id)
        if rule is None:
            close = difflib.get_close_matches(str(rule_id), list(RULE_IDS), n=1)
            findings.append(Finding(
                document.path, document.line_of((rule_id,)), str(rule_id),
                f"'{rule_id}' is not a check",
                hint=f"did you mean '{close[0]}'?" if close
                else f"checks are: {', '.join(sorted(RULE_IDS))}"))
            continue
        settings, problems = parse_settings(document, (rule_id,), values, rule.Settings)
        findings.extend(problems)
        if settings is not None:
            config[rule_id] = settings
    return config, findings


def _allowances(content: Content) -> dict[str, tuple[list[Allowance], RawDocument]]:
    """Return each file's allowances (records with an 'allow' list), by file path."""
    found: dict[str, tuple[list[Allowance], RawDocument]] = {}
    for entry in content.entries:
        allow = getattr(entry.record, "allow", None)
        if allow:
            found[entry.document.path] = (list(allow), entry.document)
    return found


def _allowance_problems(allowances: dict[str, tuple[list[Allowance], RawDocument]],
                        used: set[tuple[str, int]]) -> list[Finding]:
    problems = []
    for path, (entries, document) in allowances.items():
        for i, allowance in enumerate(entries):
            line = document.line_of(("allow", i))
            if allowance.rule not in RULE_IDS:
                problems.append(Finding(path, line, f"allow[{i}].rule",
                                        f"'{allowance.rule}' is not a check",
                                        hint=f"checks are: {', '.join(sorted(RULE_IDS))}"))
            elif (path, i) not in used:
                problems.append(Finding(path, line, f"allow[{i}]",
                                        f"nothing needs this allowance for {allowance.rule} on "
                                        f"{allowance.field}",
                                        hint="remove it, or name the one field it is for "
                                        "exactly, like items[2].summary", level="warning",
                                        rule="allow-unused"))
    return problems
