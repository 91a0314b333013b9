"""Turn loaded documents into the content model, reporting every problem with its file and line.

Pydantic does the field checks; this module translates its errors into messages for a comms
officer (what was received, what is allowed, the close match for a typo) and then checks what no
single file can: duplicate ids and references between files.
"""

from __future__ import annotations

import difflib
import functools
import types
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from digest.findings import Finding
from digest.load import RawDocument, field_path, load_content
from digest.model import (
    FILE_NAME_PATTERN,
    KIND_BY_NAME,
    SLUG_PATTERN,
    TITLE_PATTERN,
    WEB_ADDRESS_PATTERN,
    Authority,
    Content,
    Entry,
    GlossaryTerm,
    Kind,
    LineRange,
    Loc,
    Meeting,
    Review,
    Source,
    Strict,
    Update,
)
from digest.parse_cache import ParseCache

M = TypeVar("M", bound=BaseModel)


def load_and_validate(content_dir: Path,
                      cache_file: Path | None = None) -> tuple[Content, list[Finding]]:
    """Load and validate everything under ``content_dir``; return the content and all findings.

    ``cache_file`` keeps each file's parse for the next run (builds and previews use it).
    """
    if not content_dir.is_dir():
        hint = "run the command from the project folder, or give --content"
        return Content(), [
            Finding(str(content_dir), 1, "", "there is no content folder here", hint=hint)
        ]
    cache = ParseCache(cache_file)
    documents, findings = load_content(content_dir, cache)
    content, problems = validate_documents(documents, paper_lines(content_dir / "papers"), cache)
    cache.save()
    content.papers_dir = content_dir / "papers"
    return content, sorted(set(findings + problems))


def validate_documents(documents: list[RawDocument], papers: dict[str, int],
                       cache: ParseCache | None = None) -> tuple[Content, list[Finding]]:
    """Validate loaded documents into content; ``papers`` gives each paper's number of lines.

    ``cache`` gives the records this process last validated from unchanged files.
    """
    content = Content(papers=set(papers))
    findings: list[Finding] = []
    taken: dict[tuple[str, str], Entry] = {}
    for document in documents:
        record, problems = (parse_document(document) if cache is None else
                            cache.validated(document, functools.partial(parse_document, document)))
        findings.extend(problems)
        if record is not None:
            findings.extend(_add(content, KIND_BY_NAME[document.kind], record, document, taken))
    findings.extend(check_references(content, papers))
    return content, sorted(set(findings))


def parse_document(document: RawDocument) -> tuple[Strict | None, list[Finding]]:
    """Validate one document against its model; return the record (None if invalid)."""
    model = KIND_BY_NAME[document.kind].model
    if not isinstance(document.data, dict):
        got = type(document.data).__name__
        return None, [
            Finding(document.path, 1, "", f"expected a record of 'key: value' lines, got {got}")
        ]
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        return None, [_translate(error, document, model) for error in exc.errors()]


def parse_settings(document: RawDocument, at: Loc, values: Any,
                   model: type[M]) -> tuple[M | None, list[Finding]]:
    """Validate settings found at ``at`` in a settings file against their model."""
    if values is None:
        values = {}
    if not isinstance(values, dict):
        return None, [Finding(document.path, document.line_of(at), field_path(at),
                              f"expected settings as 'name: value' lines, got {_describe(values)}",
                              hint=f"settings here: {', '.join(model.model_fields) or 'none'}")]
    try:
        return model.model_validate(values), []
    except ValidationError as exc:
        return None, [_setting_problem(error, document, model, at) for error in exc.errors()]


def _setting_problem(error: ErrorDetails, document: RawDocument, model: type[BaseModel],
                     at: Loc) -> Finding:
    if error["type"] == "extra_forbidden" and len(error["loc"]) == 1:
        name = str(error["loc"][0])
        owner = field_path(at)
        close = difflib.get_close_matches(name, list(model.model_fields), n=1)
        hint = (f"did you mean '{close[0]}'?" if close
                else f"settings: {', '.join(model.model_fields) or 'none'}")
        return Finding(document.path, document.line_of((*at, name)), field_path((*at, name)),
                       f"'{name}' is not a setting of {owner}", hint=hint)
    return _translate(error, document, model, at)


def _add(content: Content, kind: Kind, record: Strict, document: RawDocument,
         taken_ids: dict[tuple[str, str], Entry]) -> list[Finding]:
    """Add a record's entries to the content; return a finding if its id is already taken.

    ``taken_ids`` holds the records added so far by (kind, id): looking each new id up there
    keeps loading linear in the number of files (15,000 at national scale).
    """
    if kind.shape == "list":
        content.entries.extend(Entry(kind, entry, document, (kind.key, i))
                               for i, entry in enumerate(getattr(record, kind.key)))
        return []
    entry = Entry(kind, record, document)
    if kind.shape == "record":
        taken = taken_ids.setdefault(entry.key, entry)
        if taken is not entry:
            return [
                Finding(
                    document.path, document.line_of(("id",)), "id",
                    f"'{entry.key[1]}' is already the id of {taken.document.path}",
                    hint="every record needs its own id: it is the address of its page",
                )
            ]
    content.entries.append(entry)
    return []


def check_references(content: Content, papers: dict[str, int]) -> list[Finding]:
    """Return findings for references to things that do not exist and repeated ids in lists."""
    return [
        *_meeting_references(content),
        *_review_references(content),
        *_update_references(content),
        *_glossary_references(content),
        *_list_duplicates(content),
        *_source_references(content, papers),
    ]


def _meeting_references(content: Content) -> Iterable[Finding]:
    for entry in content.of("meeting"):
        meeting, document = entry.record, entry.document
        assert isinstance(meeting, Meeting)
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
        for i, item in enumerate(meeting.items):
            yield from _topic_references(content, document, ("items", i, "topics"), item.topics)


def _review_references(content: Content) -> Iterable[Finding]:
    meetings = {meeting.id: meeting for meeting in content.meetings}
    for entry in content.of("review"):
        review, document = entry.record, entry.document
        assert isinstance(review, Review)
        yield from _authority_reference(content, document, review.authority)
        yield from _topic_references(content, document, ("topics",), review.topics)
        if review.considered_at is None:
            continue
        meeting = meetings.get(review.considered_at)
        if meeting is None:
            yield _unknown(document, ("considered_at",), review.considered_at, "a meeting id",
                           list(meetings))
        elif review.status == "approved" and meeting.status == "draft":
            yield Finding(
                document.path, document.line_of(("considered_at",)), "considered_at",
                f"this approved review points at the meeting '{meeting.id}', which is still a "
                "draft", hint="approve the meeting first, or leave considered_at out for now")


def _update_references(content: Content) -> Iterable[Finding]:
    for entry in content.of("update"):
        update, document = entry.record, entry.document
        assert isinstance(update, Update)
        if update.authority is not None:
            yield from _authority_reference(content, document, update.authority)
        yield from _topic_references(content, document, ("topics",), update.topics)


def _glossary_references(content: Content) -> Iterable[Finding]:
    entries = content.of("glossary")
    ids = [term.id for term in content.glossary]
    for entry in entries:
        term = entry.record
        assert isinstance(term, GlossaryTerm)
        for j, related in enumerate(term.related):
            if related not in ids:
                yield _unknown(entry.document, (*entry.loc, "related", j), related,
                               "a term id in the glossary", ids)
        if term.scope and term.scope.authority:
            yield from _authority_reference(content, entry.document, term.scope.authority,
                                            (*entry.loc, "scope", "authority"))


def _list_duplicates(content: Content) -> Iterable[Finding]:
    """Ids that must be unique inside one file: bodies, topics, glossary terms."""
    for entry in content.of("authority"):
        assert isinstance(entry.record, Authority)
        yield from _repeated(entry.document, "bodies", [b.id for b in entry.record.bodies])
    for kind in ("topics", "glossary"):
        entries = content.of(kind)
        if entries:
            yield from _repeated(entries[0].document, entries[0].kind.key,
                                 [str(getattr(e.record, "id", "")) for e in entries])


# This process's last run: the last line each record cites, with the record. A preview keeps
# every unchanged record from its last run (parse_cache.py), so it walks only the new ones.
_LAST_LINES: dict[int, tuple[BaseModel, int]] = {}


def _source_references(content: Content, papers: dict[str, int]) -> Iterable[Finding]:
    """Each record's paper exists, and every line range it cites lies inside that paper."""
    last_lines: dict[int, tuple[BaseModel, int]] = {}
    for entry in content.entries:
        source = getattr(entry.record, "source", None)
        if not isinstance(source, Source):
            continue
        if source.paper not in papers:
            yield _unknown(entry.document, ("source", "paper"), source.paper,
                           "a file in content/papers/", sorted(papers))
            continue
        length = papers[source.paper]
        known = _LAST_LINES.get(id(entry.record))
        last_line = known[1] if known is not None and known[0] is entry.record else max(
            lines.lines[1] for _, lines in _line_ranges(entry.record, ()))
        last_lines[id(entry.record)] = (entry.record, last_line)
        if last_line <= length:
            continue
        for loc, lines in _line_ranges(entry.record, ()):
            if lines.lines[1] > length:
                yield Finding(
                    entry.document.path, entry.document.line_of((*loc, "lines")),
                    field_path((*loc, "lines")),
                    f"line {lines.lines[1]} is past the end of {source.paper}, which has "
                    f"{length} lines", hint="check the line numbers against the paper")
    _LAST_LINES.clear()
    _LAST_LINES.update(last_lines)


def _line_ranges(record: BaseModel, loc: Loc) -> Iterable[tuple[Loc, LineRange]]:
    """Yield every line range inside a record, with where it stands."""
    for name in _range_fields(type(record)):
        value = getattr(record, name)
        values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for i, item in values:
            where = (*loc, name) if i is None else (*loc, name, i)
            if isinstance(item, LineRange):
                yield where, item
            elif isinstance(item, BaseModel):
                yield from _line_ranges(item, where)


@functools.cache
def _range_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Return the fields of a model that can hold a line range, itself or in a nested model.

    Read from the types once, so the walk over every record (130,000 records and parts at
    national scale) passes over its text, dates and numbers.
    """
    return tuple(name for name, info in model.model_fields.items()
                 if _can_hold_range(info.annotation))


def _can_hold_range(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return issubclass(annotation, LineRange) or bool(_range_fields(annotation))
    return any(_can_hold_range(arg) for arg in get_args(annotation))


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


def paper_lines(papers_dir: Path) -> dict[str, int]:
    """Return each paper's name and its number of lines (binary papers count as one line)."""
    if not papers_dir.is_dir():
        return {}
    lines = {}
    for file in papers_dir.iterdir():
        if file.is_file():
            data = file.read_bytes()
            lines[file.name] = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    return lines


# --- translating pydantic errors -----------------------------------------------------------------


def _translate(error: ErrorDetails, document: RawDocument, model: type[BaseModel],
               at: Loc = ()) -> Finding:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    line = document.line_of((*at, *loc))
    path = field_path((*at, *loc))
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
    if value is None and kind not in ("value_error", "extra_forbidden"):
        return "needs a value here", _description(model, loc)
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
    if kind == "finite_number":
        return f"{value} is not a number a page can show", None
    if kind in {"list_type", "dict_type", "model_type", "model_attributes_type"}:
        wanted = {"list_type": "a list", "dict_type": "a set of 'key: value' lines"}.get(
            kind, "a set of 'key: value' lines"
        )
        return f"expected {wanted}, got {_describe(value)}", _description(model, loc)
    if kind == "too_short":
        least = error.get("ctx", {}).get("min_length", 1)
        return (f"needs at least {least} {'entry' if least == 1 else 'entries'}",
                _description(model, loc))
    if kind == "string_too_long":
        most = error.get("ctx", {}).get("max_length")
        return (f"is too long: at most {most} characters", _description(model, loc))
    if kind in {"string_type", "int_type", "float_type", "bool_type", "int_parsing",
                "float_parsing", "bool_parsing", "string_too_short"}:
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
