"""The in-browser editor at /admin/ (Decap CMS), its configuration made from the content model.

Comms officers edit content in forms instead of YAML. Every collection, field, widget, hint and
required mark below is read from the model (model.py): a field added there appears in the editor
with no hand edit, and files are saved where the loader reads them, named as the bundled ones.
Decap's script is installed from the npm registry (package-lock.json) and copied into the site
at build time, so nothing is loaded from elsewhere when the editor opens.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from digest.model import (
    FILE_NAME_PATTERN,
    IDENTIFIER,
    INTERNAL,
    KINDS,
    PLAIN,
    PLAIN_WORDING,
    QUOTED,
    SLUG_PATTERN,
    SUMMARY,
    TIME_PATTERN,
    TITLE_PATTERN,
    WEB_ADDRESS,
    WEB_ADDRESS_PATTERN,
    Kind,
    RefersTo,
    Role,
    role_of,
)

# Where `npm ci` puts the editor's script and its local backend, beside the project's mkdocs.yml.
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
DECAP_SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
EDITOR_FOLDER = "admin"
# decap-server, started by `digest serve`, reads and writes the project folder on this port.
LOCAL_BACKEND_PORT = 8081
CONTENT = "content"

PRIVATE_WORDS = ("Never enter the name of a child, a family member or any other private person, "
                 "a home address, a phone number or email address of a person, or anything from "
                 "an exempt item.")
LONG_TEXT_ROLES = {SUMMARY, PLAIN, PLAIN_WORDING, QUOTED}
# What the editor calls each kind: the words the site uses (plural, and one of them).
LABELS = {"authority": ("Areas", "Area"), "meeting": ("Meetings", "Meeting"),
          "review": ("Reports and reviews", "Report or review"), "update": ("Updates", "Update"),
          "topics": ("Topics", "Topic"), "glossary": ("Glossary", "Term"),
          "accessibility": ("Accessibility statement", "Accessibility statement")}


def editor_config(repository: str | None, site_url: str,
                  sign_in_site: str | None = None) -> dict[str, Any]:
    """Return Decap's configuration: one collection per kind of content file.

    ``repository`` ('owner/name', as GitHub Actions gives it) is where the editor saves on the
    published site; without it the editor works only beside `digest serve`. ``sign_in_site``
    is the Netlify site whose GitHub sign-in the editor uses (Decap's standard route to GitHub
    without a server of our own; README: "Editing in the browser").
    """
    backend: dict[str, Any] = (
        {"name": "github", "repo": repository, "branch": "main",
         **({"site_domain": sign_in_site} if sign_in_site else {}),
         "commit_messages": {"create": "Add {{collection}} '{{slug}}' (editor)",
                             "update": "Edit {{collection}} '{{slug}}' (editor)",
                             "delete": "Delete {{collection}} '{{slug}}' (editor)"}}
        if repository else
        {"name": "proxy", "proxy_url": f"http://127.0.0.1:{LOCAL_BACKEND_PORT}/api/v1"})
    return {
        "backend": backend,
        # On this computer (127.0.0.1), save straight into the project folder through
        # decap-server, which `digest serve` starts.
        "local_backend": {"url": f"http://127.0.0.1:{LOCAL_BACKEND_PORT}/api/v1",
                          "allowed_hosts": ["127.0.0.1", "localhost"]},
        "site_url": site_url,
        "display_url": site_url,
        "locale": "en",
        "media_folder": f"{CONTENT}/papers",
        "public_folder": "/papers",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [collection(kind) for kind in KINDS],
    }


def collection(kind: Kind) -> dict[str, Any]:
    """Return the Decap collection of one kind of content file."""
    label, singular = LABELS.get(kind.name, (kind.name.capitalize(), kind.name.capitalize()))
    description = next(iter((kind.model.__doc__ or "").strip().splitlines()), "")
    if kind.shape != "record":
        path = f"{CONTENT}/{kind.pattern}"
        return {"name": kind.name, "label": label, "description": description,
                "editor": {"preview": False},
                "files": [{"name": kind.name, "label": label, "file": path,
                           "fields": model_fields(kind.model)}]}
    folder, path_template, slug = _file_templates(kind.file_name)
    found = {"name": kind.name, "label": label, "label_singular": singular,
             "description": description, "folder": folder, "create": True,
             "extension": "yaml", "format": "yaml", "identifier_field": "id",
             "slug": slug, "summary": _summary(kind.model), "editor": {"preview": False},
             "sortable_fields": [name for name in ("date", "id", "title", "name")
                                 if name in kind.model.model_fields],
             "fields": model_fields(kind.model)}
    if path_template:
        found["path"] = path_template
    return found


def _file_templates(file_name: str) -> tuple[str, str | None, str]:
    """Return Decap's folder, path and slug templates for a kind's file name (model.Kind):
    'meetings/{authority}/{date}-{body}.yaml' is saved in content/meetings, in a folder named
    after the record's authority, named after its date and body."""
    folder, *middle, last = file_name.split("/")
    slug = re.sub(r"{(\w+)}", r"{{fields.\1}}", last.removesuffix(".yaml"))
    path = "/".join([*(re.sub(r"{(\w+)}", r"{{\1}}", part) for part in middle), "{{slug}}"])
    return f"{CONTENT}/{folder}", path if middle else None, slug


def _summary(model: type[BaseModel]) -> str:
    """Return how the list of records names each one: title or name, date, and status."""
    fields = model.model_fields
    named = "{{title}}" if "title" in fields else "{{name}}" if "name" in fields else "{{id}}"
    dated = " ({{date}})" if "date" in fields else ""
    status = " [{{status}}]" if "status" in fields else ""
    return f"{named}{dated}{status}"


def model_fields(model: type[BaseModel]) -> list[dict[str, Any]]:
    """Return a Decap field for every field of the model, in the model's order."""
    return [model_field(name, info) for name, info in model.model_fields.items()]


def model_field(name: str, info: FieldInfo) -> dict[str, Any]:
    """Return the Decap field of one model field: widget, hint, required, default."""
    annotation, metadata, optional = _unwrap(info.annotation, tuple(info.metadata))
    field = {"name": name, "label": name.replace("_", " ").capitalize(),
             **_widget(annotation, metadata)}
    required = info.is_required() and not optional
    field["required"] = required
    if not required and field["widget"] == "list":
        field["default"] = []
    if name == "status" and field["widget"] == "select":
        field["default"] = "draft"  # new records start as drafts; approving is a choice
    elif info.default not in (None, Ellipsis) and isinstance(info.default, (str, bool, int)):
        field["default"] = info.default
    role = role_of(None, metadata) or _item_role(annotation)
    hint = _hint(info.description, role, field["widget"], name)
    if hint:
        field["hint"] = hint
    return field


def _unwrap(annotation: Any, metadata: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...], bool]:
    """Return the type inside Annotated and Optional, its metadata, and whether None is allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata = (*metadata, *extra)
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0]
        else:
            return annotation, metadata, optional


def _widget(annotation: Any, metadata: tuple[Any, ...]) -> dict[str, Any]:
    """Return the widget (and its options) for values of one type."""
    origin = get_origin(annotation)
    reference = next((m for m in metadata if isinstance(m, RefersTo)), None)
    if origin is Literal:
        return {"widget": "select", "options": [str(option) for option in get_args(annotation)]}
    if origin in (list, tuple):
        item, item_metadata, _ = _unwrap(get_args(annotation)[0], ())
        inner = next((m for m in item_metadata if isinstance(m, RefersTo)), None)
        if inner is not None:
            return {**_relation(inner), "multiple": True}
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {"widget": "list", "collapsed": True, "fields": model_fields(item)}
        return {"widget": "list",
                "field": {"name": "value", "label": "Value", **_widget(item, item_metadata)}}
    if origin is dict:
        # Decap has no widget for a table of names to numbers: kept as it is in the file, where
        # it is written as 'name: value' lines.
        return {"widget": "hidden"}
    if reference is not None:
        return _relation(reference)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "fields": model_fields(annotation)}
    if annotation is bool:
        return {"widget": "boolean", "default": False}
    if annotation in (int, float):
        return {"widget": "number", "value_type": annotation.__name__}
    if annotation is dt.date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False, "picker_utc": True}
    return _text_widget(metadata)


def _text_widget(metadata: tuple[Any, ...]) -> dict[str, Any]:
    pattern = next((getattr(m, "pattern", None) for m in metadata
                    if getattr(m, "pattern", None)), None)
    role = role_of(None, metadata)
    widget: dict[str, Any] = {"widget": "text" if role in LONG_TEXT_ROLES and
                              pattern != TITLE_PATTERN else "string"}
    if pattern:
        widget["pattern"] = [pattern, _pattern_words(pattern)]
    return widget


def _pattern_words(pattern: str) -> str:
    """Return what a pattern asks for, in words a comms officer can act on."""
    return {
        SLUG_PATTERN: "small letters, numbers and single hyphens, like 'walsall-2024-04-16'",
        TITLE_PATTERN: "one line, without < or >",
        FILE_NAME_PATTERN: "a file name, like 'walsall-2024-04-16-minutes.md'",
        WEB_ADDRESS_PATTERN: "a web address starting https://",
        TIME_PATTERN: "a 24-hour time, like 18:00",
    }.get(pattern, "letters, numbers, full stops, slashes and spaces")


def _relation(reference: RefersTo) -> dict[str, Any]:
    """Return a choice of the records of another kind, saved as their ids."""
    kind = next(k for k in KINDS if k.name == reference.kind)
    if kind.shape == "list":
        path = f"{kind.key}.*"
        return {"widget": "relation", "collection": kind.name, "file": kind.name,
                "value_field": f"{path}.id", "search_fields": [f"{path}.id"],
                "display_fields": [f"{path}.id"]}
    shown = "name" if "name" in kind.model.model_fields else "id"
    return {"widget": "relation", "collection": kind.name, "value_field": "id",
            "search_fields": sorted({shown, "id"}), "display_fields": [shown]}


def _item_role(annotation: Any) -> Role | None:
    """Return the role of a list's items, for a list of plain strings such as names."""
    if get_origin(annotation) not in (list, tuple):
        return None
    return role_of(None, _unwrap(get_args(annotation)[0], ())[1])


def _hint(description: str | None, role: Role | None, widget: str, name: str) -> str:
    """Return the field's description, then who sees it and what must never be entered."""
    words = [description.rstrip(".") + "." if description else ""]
    if name == "exempt":
        words.append("An exempt item is never published, whatever its other fields say.")
    elif widget == "hidden":
        words.append("Edited in the content file, as 'name: value' lines.")
    elif role is INTERNAL:
        words.append("Not published: kept in the content file only.")
    elif role in (IDENTIFIER, WEB_ADDRESS):
        words.append("Public: part of the site.")
    elif role is not None:
        words.append("Public: shown on the site. " + PRIVATE_WORDS)
    if role is not None and role.plain_language:
        words.append("Plain words and short sentences: a parent should follow it at first read.")
    return " ".join(word for word in words if word)


def editor_files(project: Path, site_url: str) -> dict[str, bytes]:
    """Return the editor's files for the site (under admin/), or nothing if Decap's script is
    not installed (`npm ci`)."""
    dist = project / DECAP_DIST
    if not (dist / "decap-cms.js").is_file():
        return {}
    config = editor_config(os.environ.get("GITHUB_REPOSITORY") or None, site_url,
                           os.environ.get("EDITOR_SIGN_IN_SITE") or None)
    files = {f"{EDITOR_FOLDER}/config.yml": _yaml(config).encode(),
             f"{EDITOR_FOLDER}/index.html": EDITOR_PAGE.encode()}
    for script in sorted(dist.glob("*decap-cms.js")):
        files[f"{EDITOR_FOLDER}/{script.name}"] = script.read_bytes()
    return files


def _yaml(config: dict[str, Any]) -> str:
    header = ("# Made by `digest build` from the content model (src/digest/editor.py): "
              "do not edit.\n")
    return header + yaml.safe_dump(json.loads(json.dumps(config)), sort_keys=False,
                                   allow_unicode=True, width=100)


EDITOR_PAGE = """<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Edit the Safeguarding Digest</title>
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
  <noscript>The editor needs JavaScript. You can also edit the files in content/ by hand.</noscript>
  <script src="decap-cms.js"></script>
</body>
</html>
"""


def start_local_backend(project: Path) -> subprocess.Popen[bytes] | None:
    """Start decap-server on this computer only, saving into ``project``'s folders.

    Returns None when it is not installed (`npm ci`) or Node.js is missing. It runs in its
    'fs' mode: files are written as they are saved, and the comms officer commits them (or
    the Pages workflow checks them once pushed).
    """
    server = project / DECAP_SERVER
    node = shutil.which("node")
    if node is None or not server.is_file():
        return None
    environment = {**os.environ, "GIT_REPO_DIRECTORY": str(project.resolve()), "MODE": "fs",
                   "PORT": str(LOCAL_BACKEND_PORT), "BIND_HOST": "127.0.0.1",
                   "LOG_LEVEL": "error"}
    return subprocess.Popen([node, str(server)], env=environment, cwd=project,
                            stdout=subprocess.DEVNULL)
