"""Checks that run before anything is published: privacy, safety and plain language.

Each rule is a module with an ``ID``, a ``LEVEL``, ``DEFAULT`` settings and
``check(content, settings)``; the registry below is the list of them. Settings can be changed
in content/checks.yaml. A finding that a person has judged acceptable is accepted by an
``allow`` entry (rule, field, reason) in the record itself, never by weakening the rule.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from digest.checks import (
    acronyms,
    address,
    date_of_birth,
    email,
    jargon_words,
    name_age,
    named_person,
    nhs_number,
    ni_number,
    phone,
    reading_age,
    sentence_length,
)
from digest.checks.rule import Settings
from digest.findings import Finding
from digest.load import load_file
from digest.model import Allowance
from digest.validate import Content

RULES: Sequence[ModuleType] = (
    email, phone, nhs_number, ni_number, address, date_of_birth, name_age, named_person,
    reading_age, sentence_length, acronyms, jargon_words,
)
RULE_IDS = {rule.ID: rule for rule in RULES}
CONFIG_FILE = "checks.yaml"


def run_checks(content: Content, config: dict[str, Settings] | None = None) -> list[Finding]:
    """Run every rule; drop findings that an allowance accepts; report unneeded allowances."""
    settings = settings_for(config or {})
    raw = [found for rule in RULES for found in rule.check(content, settings[rule.ID])]
    allowances = _allowances(content)
    used: set[tuple[str, int]] = set()
    kept = []
    for found in raw:
        match = next((i for i, allowance in enumerate(allowances.get(found.path, []))
                      if _accepts(allowance, found)), None)
        if match is None:
            kept.append(found)
        else:
            used.add((found.path, match))
    kept.extend(_allowance_problems(content, allowances, used))
    return sorted(set(kept))


def settings_for(config: dict[str, Settings]) -> dict[str, Settings]:
    """Return each rule's settings: its defaults, updated by the configuration."""
    settings = {}
    for rule in RULES:
        merged: dict[str, Any] = copy.deepcopy(rule.DEFAULT)
        merged.update(config.get(rule.ID, {}))
        settings[rule.ID] = merged
    return settings


def load_config(content_dir: Path) -> tuple[dict[str, Settings], list[Finding]]:
    """Read content/checks.yaml if it exists; report unknown rules and settings."""
    path = content_dir / CONFIG_FILE
    if not path.is_file():
        return {}, []
    document, findings = load_file(path, f"{content_dir.name}/{CONFIG_FILE}", "checks")
    if document is None:
        return {}, findings
    config: dict[str, Settings] = {}
    data = document.data if isinstance(document.data, dict) else {}
    for rule_id, values in data.items():
        rule = RULE_IDS.get(rule_id)
        if rule is None:
            findings.append(Finding(document.path, document.line_of((rule_id,)), rule_id,
                                    f"'{rule_id}' is not a check",
                                    hint=f"checks are: {', '.join(sorted(RULE_IDS))}"))
            continue
        values = values if isinstance(values, dict) else {}
        unknown = [key for key in values if key not in rule.DEFAULT]
        for key in unknown:
            findings.append(Finding(document.path, document.line_of((rule_id, key)),
                                    f"{rule_id}.{key}", f"'{key}' is not a setting of {rule_id}",
                                    hint=f"settings: {', '.join(rule.DEFAULT) or 'none'}"))
        config[rule_id] = {key: value for key, value in values.items() if key not in unknown}
    return config, findings


def _allowances(content: Content) -> dict[str, list[Allowance]]:
    found: dict[str, list[Allowance]] = {}
    records: list[Any] = [*content.authorities.values(), *content.meetings, *content.reviews,
                          *content.updates]
    kinds = {"Authority": "authority", "Meeting": "meeting", "Review": "review",
             "Update": "update"}
    for record in records:
        document = content.documents.get((kinds[type(record).__name__], record.id))
        if document is not None and record.allow:
            found[document.path] = list(record.allow)
    return found


def _accepts(allowance: Allowance, found: Finding) -> bool:
    return allowance.rule == found.rule and (
        found.field == allowance.field or found.field.startswith((f"{allowance.field}.",
                                                                  f"{allowance.field}["))
    )


def _allowance_problems(content: Content, allowances: dict[str, list[Allowance]],
                        used: set[tuple[str, int]]) -> list[Finding]:
    problems = []
    documents = {document.path: document for document in content.documents.values()}
    for path, entries in allowances.items():
        document = documents[path]
        for i, allowance in enumerate(entries):
            line = document.line_of(("allow", i))
            if allowance.rule not in RULE_IDS:
                problems.append(Finding(path, line, f"allow[{i}].rule",
                                        f"'{allowance.rule}' is not a check",
                                        hint=f"checks are: {', '.join(sorted(RULE_IDS))}"))
            elif (path, i) not in used:
                problems.append(Finding(path, line, f"allow[{i}]",
                                        f"nothing needs this allowance for {allowance.rule} on "
                                        f"{allowance.field}", hint="remove it", level="warning",
                                        rule="allow-unused"))
    return problems
