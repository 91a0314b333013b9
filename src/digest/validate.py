"""Turn loaded documents into the content model, reporting every problem with its file and line.

Pydantic does the field checks; this module translates its errors into messages for a comms
officer (what was received, what is allowed, the close match for a typo) and then checks what no
single file can: duplicate ids and references between files.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from digest.findings import Finding
from digest.load import Loc, RawDocument, field_path, load_content
from digest.model import (
    FILE_NAME_PATTERN,
    SLUG_PATTERN,
    TITLE_PATTERN,
    WEB_ADDRESS_PATTERN,
    AccessibilityStatement,
    Authority,
    GlossaryFile,
    GlossaryTerm,
    Meeting,
    Review,
    Topic,
    TopicsFile,
    Update,
)

MODELS: dict[str, type[BaseModel]] = {
    "accessibility": AccessibilityStatement,
    "authority": Authority,
    "meeting": Meeting,
    "review": Review,
    "update": Update,
    "topics": TopicsFile,
    "glossary": GlossaryFile,
}


@dataclass
class Content:
    """All validated content, with the file each record came from."""

    authorities: dict[str, Authority] = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    topics: dict[str, Topic] = field(default_factory=dict)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    papers: set[str] = field(default_factory=set)
    accessibility: AccessibilityStatement | None = None
    documents: dict[tuple[str, str], RawDocument] = field(default_factory=dict)


def load_and_validate(content_dir: Path) -> tuple[Content, list[Finding]]:
    """Load and validate everything under ``content_dir``; return the content and all findings."""
    if not content_dir.is_dir():
        hint = "run the command from the project folder, or give --content"
        return Content(), [
            Finding(str(content_dir), 1, "", "there is no content folder here", hint=hint)
        ]
    documents, findings = load_content(content_dir)
    content = Content(papers=_paper_names(content_dir / "papers"))
    for document in documents:
        record, problems = parse_document(document)
        findings.extend(problems)
        if record is not None:
            findings.extend(_add(content, record, document))
    findings.extend(check_references(content))
    return content, sorted(set(findings))


def parse_document(document: RawDocument) -> tuple[BaseModel | None, list[Finding]]:
    """Validate one document against its model; return the record (None if invalid)."""
    model = MODELS[document.kind]
    if not isinstance(document.data, dict):
        got = type(document.data).__name__
        return None, [
            Finding(document.path, 1, "", f"expected a record of 'key: value' lines, got {got}")
        ]
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        return None, [_translate(error, document, model) for error in exc.errors()]


def _add(content: Content, record: BaseModel, document: RawDocument) -> list[Finding]:
    """Add a record to the content; return a finding if its id is already taken."""
    if isinstance(record, TopicsFile):
        content.topics.update((topic.id, topic) for topic in record.topics)
        content.documents[("topics", "")] = document
        return []
    if isinstance(record, GlossaryFile):
        content.glossary.extend(record.terms)
        content.documents[("glossary", "")] = document
        return []
    if isinstance(record, AccessibilityStatement):
        content.accessibility = record
        return []
    assert isinstance(record, Authority | Meeting | Review | Update)
    key = (document.kind, record.id)
    if key in content.documents:
        return [
            Finding(
                document.path, document.line_of(("id",)), "id",
                f"'{record.id}' is already the id of {content.documents[key].path}",
                hint="every record needs its own id: it is the address of its page",
            )
        ]
    content.documents[key] = document
    if isinstance(record, Authority):
        content.authorities[record.id] = record
    elif isinstance(record, Meeting):
        content.meetings.append(record)
    elif isinstance(record, Update):
        content.updates.append(record)
    else:
        content.reviews.append(record)
    return []


def check_references(content: Content) -> list[Finding]:
    """Return findings for references to things that do not exist and repeated ids in lists."""
    return [
        *_meeting_references(content),
        *_review_references(content),
        *_update_references(content),
        *_glossary_references(content),
        *_list_duplicates(content),
    ]


def _meeting_references(content: Content) -> Iterable[Finding]:
    for meeting in content.meetings:
        document = content.documents[("meeting", meeting.id)]
        yield from _authority_reference(content, document, meeting.authority)
        authority = content.authorities.get(meeting.authority)
        if authority is not None:
            folder = Path(document.path).parent.name
            if folder != meeting.authority:
                yield Finding(
                    document.path, document.line_of(("authority",)), "authority",
                    f"the file is in the folder '{folder}' but says authority "
                    f"'{meeting.authority}'",
                    hint=f"move it to content/meetings/{meeting.authority}/ or fix the authority",
                )
            bodies = [body.id for body in authority.bodies]
            if meeting.body not in bodies:
                yield _unknown(
                    document, ("body",), meeting.body,
                    f"a body of {authority.name} (content/authorities/{authority.id}.yaml)", bodies,
                )
        if meeting.source is not None:
            yield from _paper_reference(content, document, meeting.source.paper)
        for i, item in enumerate(meeting.items):
            yield from _topic_references(content, document, ("items", i, "topics"), item.topics)


def _review_references(content: Content) -> Iterable[Finding]:
    meeting_ids = [meeting.id for meeting in content.meetings]
    for review in content.reviews:
        document = content.documents[("review", review.id)]
        yield from _authority_reference(content, document, review.authority)
        if review.source is not None:
            yield from _paper_reference(content, document, review.source.paper)
        yield from _topic_references(content, document, ("topics",), review.topics)
        if review.considered_at is not None and review.considered_at not in meeting_ids:
            yield _unknown(document, ("considered_at",), review.considered_at, "a meeting id",
                           meeting_ids)


def _update_references(content: Content) -> Iterable[Finding]:
    for update in content.updates:
        document = content.documents[("update", update.id)]
        if update.authority is not None:
            yield from _authority_reference(content, document, update.authority)
        yield from _topic_references(content, document, ("topics",), update.topics)


def _glossary_references(content: Content) -> Iterable[Finding]:
    document = content.documents.get(("glossary", ""))
    if document is None:
        return
    ids = [term.id for term in content.glossary]
    for i, term in enumerate(content.glossary):
        for j, related in enumerate(term.related):
            if related not in ids:
                yield _unknown(document, ("terms", i, "related", j), related,
                               "a term id in the glossary", ids)
        if term.scope and term.scope.authority:
            yield from _authority_reference(
                content, document, term.scope.authority, ("terms", i, "scope", "authority")
            )


def _list_duplicates(content: Content) -> Iterable[Finding]:
    """Ids that must be unique inside one file: bodies, topics, glossary terms."""
    for authority in content.authorities.values():
        document = content.documents[("authority", authority.id)]
        yield from _repeated(document, "bodies", [body.id for body in authority.bodies])
    if ("topics", "") in content.documents:
        yield from _repeated(content.documents[("topics", "")], "topics",
                             [topic.id for topic in content.topics.values()])
    if ("glossary", "") in content.documents:
        yield from _repeated(content.documents[("glossary", "")], "terms",
                             [term.id for term in content.glossary])


def _repeated(document: RawDocument, key: str, ids: list[str]) -> Iterable[Finding]:
    raw = document.data.get(key, [])
    first: dict[str, int] = {}
    for i, entry in enumerate(raw):
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if entry_id is None:
            continue
        if entry_id in first:
            yield Finding(
                document.path, document.line_of((key, i, "id")), f"{key}[{i}].id",
                f"'{entry_id}' is used twice (first at {key}[{first[entry_id]}])",
                hint="each entry needs its own id",
            )
        else:
            first[entry_id] = i


def _authority_reference(
    content: Content, document: RawDocument, authority: str, loc: Loc = ("authority",)
) -> Iterable[Finding]:
    if authority not in content.authorities:
        yield _unknown(document, loc, authority, "an authority in content/authorities/",
                       list(content.authorities))


def _topic_references(
    content: Content, document: RawDocument, loc: Loc, topics: list[str]
) -> Iterable[Finding]:
    for i, topic in enumerate(topics):
        if topic not in content.topics:
            yield _unknown(document, (*loc, i), topic, "a topic in content/topics.yaml",
                           list(content.topics))


def _paper_reference(content: Content, document: RawDocument, paper: str) -> Iterable[Finding]:
    if paper not in content.papers:
        yield _unknown(document, ("source", "paper"), paper, "a file in content/papers/",
                       sorted(content.papers))


def _unknown(
    document: RawDocument, loc: Loc, value: str, what: str, known: list[str]
) -> Finding:
    close = difflib.get_close_matches(value, known, n=1)
    if close:
        hint = f"did you mean '{close[0]}'?"
    else:
        hint = f"known: {', '.join(sorted(known))}" if known else "there are none yet"
    return Finding(document.path, document.line_of(loc), field_path(loc),
                   f"'{value}' is not {what}", hint=hint)


def _paper_names(papers_dir: Path) -> set[str]:
    if not papers_dir.is_dir():
        return set()
    return {file.name for file in papers_dir.iterdir() if file.is_file()}


# --- translating pydantic errors -----------------------------------------------------------------


def _translate(error: ErrorDetails, document: RawDocument, model: type[BaseModel]) -> Finding:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    line = document.line_of(loc)
    path = field_path(loc)
    message, hint = _message(kind, loc, value, error, model)
    return Finding(document.path, line, path, message, hint=hint)


PATTERN_MESSAGES = {
    SLUG_PATTERN: ("'{value}' is not a valid id",
                   "use only lowercase letters, digits and single hyphens, like 'walsall'"),
    TITLE_PATTERN: ("'{value}' cannot be used as a title: it is empty or contains < or >",
                    "write the name in plain words, on one line"),
    WEB_ADDRESS_PATTERN: ("'{value}' is not a web address this site can link to",
                          "use a full address starting with https://"),
    FILE_NAME_PATTERN: ("'{value}' is not a plain file name",
                        "give just the name of a file in content/papers/, without folders"),
}


def _message(
    kind: str, loc: Loc, value: Any, error: ErrorDetails, model: type[BaseModel]
) -> tuple[str, str | None]:
    if kind == "missing":
        name = loc[-1]
        return f"'{name}' is required but missing", _description(model, loc)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        if " " in name.strip() or not name.replace("_", "").isalpha():
            hint = ("this looks like part of a sentence: put the whole text in quotes, because a "
                    "comma inside { } or a ': ' starts a new field")
        return f"'{name}' is not a field here", hint
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        options = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(value), options, n=1)
        suggestion = f"did you mean '{close[0]}'?" if close else None
        return f"'{value}' is not one of {', '.join(options)}", suggestion
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern")
        if pattern in PATTERN_MESSAGES:
            message, pattern_hint = PATTERN_MESSAGES[pattern]
            return message.format(value=value), pattern_hint
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return (f"'{value}' is not a real date",
                "write dates as YYYY-MM-DD, for example 2024-04-16")
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, "), None
    if kind in {"list_type", "dict_type", "model_type", "model_attributes_type"}:
        wanted = {"list_type": "a list", "dict_type": "a set of 'key: value' lines"}.get(
            kind, "a set of 'key: value' lines"
        )
        return f"expected {wanted}, got {_describe(value)}", _description(model, loc)
    if kind in {"string_type", "int_type", "float_type", "bool_type", "int_parsing",
                "float_parsing", "bool_parsing", "string_too_short", "too_short"}:
        return f"{error['msg'].lower()}, got {_describe(value)}", _description(model, loc)
    return f"{error['msg']} (got {_describe(value)})", _description(model, loc)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value) if not isinstance(value, str) else f"'{value}'"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """Return the model class that holds the field at ``loc``'s end, if loc walks through models."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _model_in(info.annotation)
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union, types.UnionType, tuple):
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    holder = _model_at(model, loc)
    return list(holder.model_fields) if holder else []


def _description(model: type[BaseModel], loc: Loc) -> str | None:
    fields = [part for part in loc if isinstance(part, str)]
    if not fields:
        return None
    holder = _model_at(model, loc[: max(i for i, p in enumerate(loc) if isinstance(p, str))])
    info = holder.model_fields.get(fields[-1]) if holder else None
    return info.description if info and info.description else None
