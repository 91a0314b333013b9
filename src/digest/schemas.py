"""JSON Schemas of the content files, so editors (VS Code's YAML extension) can check them.

Each content file starts with a comment naming its schema, for example
``# yaml-language-server: $schema=../../../schemas/meeting.schema.json``.
"""

from __future__ import annotations

import json

from digest.model import KINDS


def editor_schemas() -> dict[str, str]:
    """Return each content file kind's JSON Schema, by file name."""
    return {f"{kind.name}.schema.json": json.dumps(kind.model.model_json_schema(), indent=2,
                                                   ensure_ascii=False) + "\n"
            for kind in KINDS if kind.schema}
