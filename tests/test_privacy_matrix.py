"""Personal data planted in every published string field of every kind is caught, by file and line.

The fields come from the content model, not from a list kept here: a new field with a role is
planted into as soon as it exists. Where the model says a rule cannot apply (a councillor's name
is a name; a help line is a phone number), the planted value is expected to pass, and the test
says so by name.
"""

from __future__ import annotations

import copy
import datetime as dt
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from digest.checks import run_checks
from digest.findings import Finding
from digest.load import RawDocument, field_path, load_content
from digest.model import KINDS, Kind, Loc, Role, string_fields
from digest.plan import publishable
from digest.validate import validate_documents

from .conftest import FIXTURE_CONTENT, PROJECT

# Each kind of personal data, in the shapes people write it.
PLANTS: dict[str, str] = {
    "email": "jane.doe@example.com",
    "email in words": "jane dot doe at example dot com",
    "mobile": "07700 900123",
    "landline in brackets": "(0121) 496 0000",
    "international": "+44 20 7946 0958",
    "international with 0044": "0044 7700 900123",
    "dotted phone": "0121.496.0000",
    "NHS number ending a sentence": "Her number is 943 476 5919.",
    "NI number": "AB 12 34 56 C",
    "home address": "14 Park Road, Walsall WS2 8AB",
    "home address in lower case": "14 park road, walsall ws2 8ab",
    "date of birth": "Child B was born on 3 May 2015",
    "dotted date of birth": "d.o.b. 3.3.15",
    "month of birth": "Born in March 2015",
    "name, aged": "Tom, aged 7",
    "name (aged)": "Tom (aged 7)",
    "name, age,": "Tom, 7, was seen",
    "age-year-old name": "the seven-year-old Tom",
    "name from a long list, aged": "Zainab, aged 7",
    "name from Poland, aged": "Kacper, aged 7",
    "private full name": "Sarah Jones, the child's mother",
    "private name, list style": "WHITFIELD, Karen",
    "titled private name": "Mrs Khan",
    "initials with a school": "pupil J.S. at St Mary's Primary",
}
NAMES = {"private full name", "private name, list style", "titled private name"}
PHONES = {"landline in brackets", "international", "dotted phone"}


def expected_to_pass(role: Role, plant: str) -> bool:
    """Where the model says a rule does not apply, the planted value passes by design."""
    return (role.names_a_person and plant in NAMES) or (role.help_line and plant in PHONES)


def _fixture_documents() -> list[RawDocument]:
    documents, findings = load_content(FIXTURE_CONTENT)
    assert findings == []
    # The fixture has no accessibility statement: plant into the real one.
    real, _ = load_content(PROJECT / "content")
    return documents + [d for d in real if d.kind == "accessibility"]


DOCUMENTS = _fixture_documents()
PAPERS = {file.name: len(file.read_text().splitlines())
          for file in (FIXTURE_CONTENT / "papers").iterdir()}


def base_document(kind: Kind) -> RawDocument:
    """Return the fixture file of a kind that is published (approved, where that applies)."""
    return next(d for d in DOCUMENTS if d.kind == kind.name
                and d.data.get("status", "approved") == "approved")


SLOTS = [(kind, loc, role) for kind in KINDS for loc, _, role in string_fields(kind.model)
         if role is not None and role.published]
CASES = [(kind, loc, role, plant) for kind, loc, role in SLOTS for plant in PLANTS]


def test_every_string_field_declares_its_role() -> None:
    missing = [f"{kind.name}.{field_path(loc)}" for kind in KINDS
               for loc, _, role in string_fields(kind.model) if role is None]
    assert missing == []


@pytest.mark.parametrize(("kind", "slot", "role", "plant"), CASES,
                         ids=[f"{k.name}:{'.'.join(map(str, s))}:{p}" for k, s, _, p in CASES])
def test_planted_personal_data_fails_the_build_naming_file_and_line(
        kind: Kind, slot: Loc, role: Role, plant: str) -> None:
    document, loc = planted(base_document(kind), kind, slot, PLANTS[plant])
    errors = build_errors(document)
    if expected_to_pass(role, plant):
        assert errors == [], f"the model says {role.name} fields may hold this"
        return
    assert (document.path, document.line_of(loc), field_path(loc)) in {
        (f.path, f.line, f.field) for f in errors}, [f.format() for f in errors]


def test_the_matrix_covers_every_published_field_of_every_kind() -> None:
    """The count the closing note reports: fields, planted cases, and passes by design."""
    by_design = [c for c in CASES if expected_to_pass(c[2], c[3])]
    assert {kind.name for kind, _, _ in SLOTS} == {kind.name for kind in KINDS}
    assert len(SLOTS) >= 60
    assert len(by_design) < len(CASES) * 0.05


def build_errors(changed: RawDocument) -> list[Finding]:
    """Validate and check the fixture content with one document changed; return the errors."""
    documents = [changed if d.path == changed.path else d for d in DOCUMENTS]
    content, findings = validate_documents(documents, PAPERS)
    if not any(f.level == "error" for f in findings):
        findings += run_checks(publishable(content))
    return [f for f in findings if f.level == "error"]


# --- planting: reach a slot of the model in raw YAML data, making what is missing ------------


def planted(document: RawDocument, kind: Kind, slot: Loc,
            value: str) -> tuple[RawDocument, Loc]:
    """Return a copy of the document with ``value`` at the slot, and the slot's concrete place."""
    data = copy.deepcopy(document.data)
    model: Any = kind.model
    holder: Any = data
    loc: list[str | int] = []
    steps = list(slot)
    while steps:
        name = steps.pop(0)
        assert isinstance(name, str) and name not in ("[]", "{}")
        annotation = model.model_fields[name].annotation
        following = steps[0] if steps else None
        if following is None:
            holder[name] = value
            loc.append(name)
        elif following == "{}":
            holder[name] = {value: 1}
            loc += [name, value]
            steps.clear()
        elif following == "[]":
            steps.pop(0)
            items = holder.setdefault(name, [])
            model = _inner(annotation)
            index = _first_published(items)
            if not steps:  # a list of texts
                if index is None:
                    items.append(value)
                    index = len(items) - 1
                else:
                    items[index] = value
            elif index is None:
                items.append(example(model))
                index = len(items) - 1
            holder = items[index]
            loc += [name, index]
        else:
            model = _inner(annotation)
            if not isinstance(holder.get(name), dict):
                holder[name] = example(model)
            holder = holder[name]
            loc.append(name)
    return RawDocument(document.path, document.kind, data, document.lines), tuple(loc)


def _first_published(items: list[Any]) -> int | None:
    return next((i for i, item in enumerate(items)
                 if not (isinstance(item, dict) and item.get("exempt"))), None)


def _inner(annotation: Any) -> Any:
    """Return the model or type inside Optional, Annotated and list."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _inner(get_args(annotation)[0])
    if origin in (Union, types.UnionType, list):
        return _inner(next(a for a in get_args(annotation) if a is not type(None)))
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def example(model: type[BaseModel]) -> dict[str, Any]:
    """Return raw data for a minimal valid record of a model: its required fields only."""
    return {name: _example_value(info.annotation, name)
            for name, info in model.model_fields.items() if info.is_required()}


def _example_value(annotation: Any, name: str) -> Any:
    inner = _inner(annotation)
    if get_origin(annotation) is list or get_origin(_strip(annotation)) is list:
        return []
    if get_origin(inner) is Literal:
        return get_args(inner)[0]
    if _is_model(inner):
        return example(inner)
    if inner is dt.date:
        return dt.date(2024, 1, 1)
    if get_origin(inner) is tuple:
        return [1, 1]
    if inner in (int, float):
        return 1
    return "sample" if name == "id" else "Sample words"


def _strip(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation

