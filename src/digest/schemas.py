"""JSON Schemas of the content files, so editors (VS Code's YAML extension) can check them.

Each content file starts with a comment naming its schema, for example
``# yaml-language-server: $schema=../../../schemas/meeting.schema.json``.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from digest.model import Authority, GlossaryFile, Meeting, Review, TopicsFile, Update

SCHEMAS: dict[str, type[BaseModel]] = {
    "authority": Authority, "meeting": Meeting, "review": Review, "update": Update,
    "topics": TopicsFile, "glossary": GlossaryFile,
}


def editor_schemas() -> dict[str, str]:
    """Return each content file kind's JSON Schema, by file name."""
    return {f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2,
                                              ensure_ascii=False) + "\n"
            for name, model in SCHEMAS.items()}
