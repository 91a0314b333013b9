"""The editor's configuration is the content model's: every field, widget, hint and file name."""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field

from digest.editor import PRIVATE_WORDS, collection, editor_config, model_fields
from digest.model import (
    IDENTIFIER,
    INTERNAL,
    KINDS,
    WEB_ADDRESS,
    Item,
    Label,
    Meeting,
    Summary,
    Update,
    string_fields,
)

from .conftest import PROJECT


def _fields_by_path(fields: list[dict[str, Any]], prefix: tuple[str, ...] = ()) -> dict[
        tuple[str, ...], dict[str, Any]]:
    """Return every editor field by its path, lists' items and objects' fields included."""
    found = {}
    for field in fields:
        path = (*prefix, field["name"])
        found[path] = field
        inner = field.get("fields") or ([field["field"]] if "field" in field else [])
        found.update(_fields_by_path(inner, path))
    return found


def _editor_path(loc: tuple[Any, ...]) -> tuple[str, ...]:
    """Map the model's schema path (with '[]' for list items) onto the editor's field paths."""
    return tuple(str(part) for part in loc if part != "[]")


def test_every_string_field_of_every_kind_is_in_the_editor_with_its_privacy_hint() -> None:
    for kind in KINDS:
        fields = _fields_by_path(collection(kind).get("fields")
                                 or collection(kind)["files"][0]["fields"])
        for loc, _, role in string_fields(kind.model):
            if "{}" in loc:
                continue  # a table's names: the table is kept whole (see the next test)
            path = _editor_path(loc)
            assert path in fields, f"{kind.name}: {'.'.join(path)} is not in the editor"
            hint = fields[path].get("hint", "")
            if role is INTERNAL:
                assert "Not published" in hint, (kind.name, path)
            elif role is not None and role not in (IDENTIFIER, WEB_ADDRESS):
                assert PRIVATE_WORDS in hint, (kind.name, path)


def test_widgets_follow_the_types_of_the_model() -> None:
    meeting = _fields_by_path(collection(next(k for k in KINDS if k.name == "meeting"))["fields"])
    assert meeting[("date",)]["widget"] == "datetime"
    assert meeting[("date",)]["format"] == "YYYY-MM-DD"
    assert meeting[("status",)].items() >= {"widget": "select", "default": "draft"}.items()
    assert meeting[("status",)]["options"] == ["draft", "approved"]
    assert meeting[("paper",)]["options"] == ["agenda", "minutes"]
    assert meeting[("time",)]["pattern"][0] == "^([01][0-9]|2[0-3]):[0-5][0-9]$"
    assert meeting[("authority",)].items() >= {"widget": "relation", "collection": "authority",
                                            "value_field": "id"}.items()
    assert meeting[("items", "topics")].items() >= {"widget": "relation", "collection": "topics",
                                                 "multiple": True,
                                                 "value_field": "topics.*.id"}.items()
    assert meeting[("items",)]["widget"] == "list"
    assert meeting[("items", "decisions", "kind")]["options"] == [
        "noted", "agreed", "recommended", "deferred", "action"]
    assert meeting[("items", "exempt")]["widget"] == "boolean"
    assert "never published" in meeting[("items", "exempt")]["hint"]
    assert meeting[("items", "statistics", "value")].items() >= {"widget": "number",
                                                              "value_type": "float"}.items()
    assert meeting[("items", "statistics", "breakdown")]["widget"] == "hidden"
    assert meeting[("items", "source", "lines", "value")]["value_type"] == "int"
    assert meeting[("id",)]["required"] and not meeting[("venue",)]["required"]
    assert not meeting[("items", "decisions", "plain")]["required"]
    names = {c["name"] for c in editor_config(None, "http://x/")["collections"]}
    for field in meeting.values():
        if field["widget"] == "relation":
            assert field["collection"] in names


def test_a_field_added_to_the_model_appears_in_the_editor_with_no_hand_edit() -> None:
    class NewItem(Item):
        audience: Label | None = Field(default=None, description="Who the item is for.")

    class NewUpdate(Update):
        photo_credit: Summary = Field(description="Who took the photo.")
        items: list[NewItem] = Field(default_factory=list)

    update = next(kind for kind in KINDS if kind.name == "update")
    fields = _fields_by_path(collection(dataclasses.replace(update, model=NewUpdate))["fields"])
    assert fields[("photo_credit",)].items() >= {"widget": "text", "required": True}.items()
    assert fields[("photo_credit",)]["hint"].startswith("Who took the photo. Public:")
    assert fields[("items", "audience")].items() >= {"widget": "string", "required": False}.items()
    assert fields[("items", "title")]["required"]


def test_records_are_saved_where_the_loader_reads_them_under_the_same_names() -> None:
    """Fill each collection's file-name templates from the bundled records: the result is the
    file each record is in."""
    config = editor_config(None, "http://x/")
    checked = 0
    for found in config["collections"]:
        if "folder" not in found:
            kind = next(k for k in KINDS if k.name == found["name"])
            assert found["files"][0]["file"] == f"content/{kind.pattern}"
            assert (PROJECT / found["files"][0]["file"]).is_file()
            continue
        for path in sorted((PROJECT / found["folder"]).rglob(f"*.{found['extension']}")):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            slug = _fill(found["slug"], record, "")
            name = _fill(found.get("path", "{{slug}}"), record, slug)
            assert f"{found['folder']}/{name}.{found['extension']}" == \
                path.relative_to(PROJECT).as_posix()
            checked += 1
    assert checked >= 10


def test_each_kind_writes_new_records_where_it_reads_them() -> None:
    values = {"id": "walsall-2025-x", "authority": "walsall", "date": "2025-01-20",
              "body": "childrens-services-scrutiny"}
    for kind in KINDS:
        assert fnmatch.fnmatch(kind.file_for(**values), kind.pattern), kind.name


def _fill(template: str, record: dict[str, Any], slug: str) -> str:
    def value(match: re.Match[str]) -> str:
        key = match.group(1).removeprefix("fields.")
        found = slug if key == "slug" else record[key]
        return found.isoformat() if isinstance(found, dt.date) else str(found)
    return re.sub(r"{{([a-z_.]+)}}", value, template)


def test_the_site_carries_the_configuration_made_from_the_model(real_site: Path) -> None:
    built = yaml.safe_load((real_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert built == editor_config(None, built["site_url"])
    page = (real_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in page and "http" not in page.split(
        "<body>")[1], "the editor's page loads nothing from elsewhere"
    assert (real_site / "admin" / "decap-cms.js").stat().st_size > 1_000_000


def test_model_fields_keep_the_models_order() -> None:
    assert [f["name"] for f in model_fields(Meeting)] == list(Meeting.model_fields)


def test_on_pages_the_editor_saves_to_the_repository_and_signs_in_through_the_oauth_site() -> None:
    published = editor_config("council/digest", "https://council.github.io/digest/",
                              "digest-sign-in.netlify.app")
    assert published["backend"].items() >= {"name": "github", "repo": "council/digest",
                                             "branch": "main",
                                             "site_domain": "digest-sign-in.netlify.app"}.items()
    local = editor_config(None, "http://127.0.0.1:8000/")
    assert local["backend"]["name"] == "proxy"
    for config in (published, local):  # on this computer, both save through decap-server
        assert config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"
