"""Read content YAML into plain data plus a table of the line where every key and item stands.

Uses ``yaml.safe_load`` semantics (no arbitrary tags), but composes the node tree itself so that
every value keeps its line and duplicate keys are reported instead of silently overwritten.
"""

from __future__ import annotations

import hashlib
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from digest.findings import Finding
from digest.model import KINDS, Loc
from digest.parse_cache import ParseCache

# Read by other parts of the digest (the checks' settings), so not reported as misplaced.
SETTINGS_FILES = {"checks.yaml"}


@dataclass
class RawDocument:
    """One content file's data, with the line of every key and list item."""

    path: str
    kind: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    # A hash of the text the data and lines were read from ("" for a document made in memory):
    # what the caches between builds know a record by, without reading all its values.
    source_hash: str = ""

    def line_of(self, loc: Loc) -> int:
        """Return the line of the nearest located ancestor of ``loc`` (the file's top if none)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def load_text(text: str, path: str, kind: str) -> tuple[RawDocument | None, list[Finding]]:
    """Parse one file's text; return the document (None if unusable) and the problems found."""
    if not text.strip():
        return None, [Finding(path, 1, "", "the file is empty", hint="add the record's fields")]
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Finding(path, 1, "", "the file holds only comments")]
        builder = _Builder(loader, path)
        data = builder.build(node, ())
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_finding(exc, path)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        return None, [Finding(path, line, "", f"contains the invisible character "
                              f"U+{exc.character if isinstance(exc.character, int) else 0:04X}, "
                              "which YAML does not allow", hint="delete it and type the text "
                              "again")]
    except yaml.YAMLError as exc:
        return None, [Finding(path, 1, "", f"this is not valid YAML: {exc}")]
    finally:
        loader.dispose()
    source_hash = hashlib.sha256(text.encode()).hexdigest()
    return RawDocument(path, kind, data, builder.lines, source_hash), builder.findings


MAX_FILE_BYTES = 5_000_000  # the largest real record is about 40 KB


def load_file(file: Path, display: str, kind: str,
              cache: ParseCache | None = None) -> tuple[RawDocument | None, list[Finding]]:
    """Read and parse one content file; a file that cannot be read is a finding, not a crash.

    With ``cache``, a file whose bytes are unchanged since the last run is not parsed again.
    """
    data, problems = read_file(file, display)
    if data is None:
        return None, problems
    return (cache or ParseCache(None)).parse_all([(display, kind, data)], parse_bytes)[0]


def read_file(file: Path, display: str) -> tuple[bytes | None, list[Finding]]:
    """Return a content file's bytes, or None and why it cannot be read."""
    problem = _not_a_plain_file(file)
    if problem:
        return None, [Finding(display, 1, "", problem,
                              hint="content files are plain text files ending in .yaml")]
    try:
        return file.read_bytes(), []
    except OSError as exc:
        return None, [Finding(display, 1, "", f"the file cannot be read ({exc.strerror})")]


def parse_bytes(display: str, kind: str,
                data: bytes) -> tuple[RawDocument | None, list[Finding]]:
    """Parse a content file's bytes, which must be UTF-8 text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [Finding(display, line, "", f"the file is not UTF-8 text ({exc.reason})",
                              hint="save it again as UTF-8 in your editor")]
    return load_text(text, display, kind)


def _not_a_plain_file(file: Path) -> str | None:
    """Return why a path named like a content file cannot be read as one, without opening it."""
    if file.is_symlink() and not file.exists():
        return "this is a link to a file that does not exist"
    try:
        status = file.stat()
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror})"
    if stat.S_ISDIR(status.st_mode):
        return "this is a folder, not a file"
    if not stat.S_ISREG(status.st_mode):
        return "this is not a regular file (a pipe or a device), so it was not opened"
    if status.st_size > MAX_FILE_BYTES:
        return f"the file is {status.st_size:,} bytes, too large to be one record"
    return None


def discover(content_dir: Path) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """Return each content file with its kind, and a finding for YAML files in unknown places."""
    known: dict[Path, str] = {}
    for kind in KINDS:
        for file in sorted(content_dir.glob(kind.pattern), key=_in_order):
            known[file] = kind.name
    findings = []
    for file in sorted([*content_dir.rglob("*.yaml"), *content_dir.rglob("*.yml")],
                       key=_in_order):
        if file not in known and file.relative_to(content_dir).as_posix() not in SETTINGS_FILES:
            where = ", ".join(kind.pattern for kind in KINDS)
            findings.append(
                Finding(
                    display_path(file, content_dir), 1, "",
                    "this file is not in a place the digest reads, so it would be ignored",
                    hint=f"move it to one of: {where} (under content/, with the .yaml ending)",
                )
            )
    return sorted(known.items(), key=lambda found: _in_order(found[0])), findings


def _in_order(file: Path) -> tuple[str, ...]:
    """Sort paths as paths sort, by their parts, without comparing Path objects (which was a
    tenth of loading 14,000 files)."""
    return file.parts


def load_content(content_dir: Path,
                 cache: ParseCache | None = None) -> tuple[list[RawDocument], list[Finding]]:
    """Load every content file under ``content_dir``; report every problem, not just the first.

    ``cache`` gives each unchanged file's parse from the last run (parse_cache.py).
    """
    files, findings = discover(content_dir)
    readable = []
    for file, kind in files:
        display = display_path(file, content_dir)
        data, problems = read_file(file, display)
        findings.extend(problems)
        if data is not None:
            readable.append((display, kind, data))
    documents = []
    for document, problems in (cache or ParseCache(None)).parse_all(readable, parse_bytes):
        findings.extend(problems)
        if document is not None:
            documents.append(document)
    return documents, findings


def display_path(file: Path, content_dir: Path) -> str:
    """Return the path as a comms officer sees it: relative to the project, forward slashes."""
    return (Path(content_dir.name) / file.relative_to(content_dir)).as_posix()


def _syntax_finding(exc: yaml.MarkedYAMLError, path: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = f" (column {mark.column + 1})" if mark else ""
    problem = exc.problem or exc.context or "unreadable YAML"
    context = exc.context_mark
    opened = exc.context or ""
    if context and ("flow" in opened or "quoted" in opened) and context.line + 1 < line:
        # An unclosed bracket or quote: the mistake is where it opened, not where YAML noticed.
        problem += f" on line {line}: the {'quote' if 'quoted' in opened else 'bracket'} " \
                   f"opened here is not closed"
        line, column = context.line + 1, f" (column {context.column + 1})"
    hint = ("use spaces to indent, never tabs" if "tab" in problem else
            "check the indentation and that text containing ': ' or '#' is in quotes")
    return Finding(path, line, "", f"this is not valid YAML{column}: {problem}", hint=hint)


# libyaml's parser when PyYAML was built with it (about ten times faster), with the same safe
# constructors either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Control characters (but tab and line break), surrogates, non-characters and the bidirectional
# overrides that can disguise text: never wanted in a page, a feed or a calendar.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
_HTML_CODE = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});", re.I)


def _is_base_60(node: yaml.Node) -> bool:
    """Return True for an unquoted time such as 18:00.

    YAML 1.1 (PyYAML) reads it as the base-60 number 1080; YAML 1.2, which the editor writes
    with, reads it as text, and so does a person. Content never holds base-60 numbers.
    """
    return (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int"
            and not node.style and ":" in node.value)


class _Builder:
    """Turns a composed YAML node tree into Python data, recording lines and duplicate keys."""

    def __init__(self, loader: yaml.SafeLoader | yaml.CSafeLoader, path: str) -> None:
        self.loader = loader
        self.path = path
        self.lines: dict[Loc, int] = {}
        self.findings: list[Finding] = []
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        line = node.start_mark.line + 1
        self.lines.setdefault(loc, line)
        if id(node) in self.seen:
            # An alias (*name) repeats a node: refused, so that a "billion laughs" file can
            # never expand beyond its own size.
            self.findings.append(Finding(
                self.path, line, field_path(loc), "anchors and aliases (& and *) are not "
                "allowed in content", hint="write the value out in full"))
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*loc, i)) for i, child in enumerate(node.value)]
        if _is_base_60(node):
            return node.value
        try:
            value = _scalar(self.loader, node)
        except ValueError:
            # An impossible date such as 2024-02-30: keep the text so validation reports it
            # against its field, with the expected format.
            value = node.value
        if isinstance(value, str):
            self._check_characters(value, line, loc)
        return value

    def _check_characters(self, value: str, line: int, loc: Loc) -> None:
        bad = _UNPRINTABLE.search(value)
        if bad:
            self.findings.append(Finding(
                self.path, line, field_path(loc),
                f"contains the invisible character U+{ord(bad.group()):04X}, which would "
                "break pages, feeds and calendars", hint="delete it and type the text again"))
        code = _HTML_CODE.search(value)
        if code:
            # Content is plain text, escaped for each output; an HTML code here would be
            # decoded by some readers (the search filters) and not by others.
            self.findings.append(Finding(
                self.path, line, field_path(loc),
                f"contains '{code.group()}', a code for web pages",
                hint="write the character itself, or words: content is plain text"))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
            self.findings.append(Finding(
                self.path, node.start_mark.line + 1, field_path(loc),
                "'<<' (merging another entry) is not allowed in content",
                hint="write the fields out in full"))
            return {}
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(self.loader, key_node)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                key = str(key)
            self._check_characters(key, line, (*loc, key))
            if key in result:
                self.findings.append(
                    Finding(
                        self.path, line, field_path((*loc, key)),
                        f"'{key}' appears twice in the same record "
                        f"(first on line {first_line[key]})",
                        hint="keep one of them: YAML would silently keep only the last",
                    )
                )
                continue
            first_line[key] = line
            self.lines[(*loc, key)] = line
            result[key] = self.build(value_node, (*loc, key))
        return result


_STR = "tag:yaml.org,2002:str"


def _scalar(loader: yaml.SafeLoader | yaml.CSafeLoader, node: yaml.Node) -> Any:
    """Return a scalar's value: text as it is (what the constructor returns for it, and most
    of a file), anything else (numbers, dates, true and false) through the constructor."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    return loader.construct_object(node)


def field_path(loc: Loc) -> str:
    """Return a location as a field path: items[3].decisions[0].kind."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text

