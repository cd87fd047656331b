"""JSON Schema of the content files, made from the records the checker reads (spec.py).

Editors with a YAML language server (VS Code's YAML extension, and others) read
the `# yaml-language-server: $schema=schema/meeting.schema.json` line at the top
of a content file, then complete keys, show each key's doc and flag typos while
typing. The schema accepts what the checker accepts, shape for shape; relations
(an unknown person, overlapping items) stay the checker's job. `agenda schema`
and `agenda new` write the files.
"""
from __future__ import annotations

import json
from pathlib import Path

from .fields import DATE_PATTERN, ID_PATTERN, TIME_PATTERN
from .spec import FILES, Key, Record
from .texts import SCHEMA_TAG_PATTERN

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schema"
ID = {"anyOf": [{"type": "string", "pattern": ID_PATTERN.pattern},
                {"type": "number", "minimum": 0}]}
TEXT = {"type": ["string", "number"]}
LANGUAGE = {"type": "string", "pattern": SCHEMA_TAG_PATTERN}
# A text written by language, `{en: ..., fr: ...}` (which languages is the checker's job).
BY_LANGUAGE = {"type": "object", "minProperties": 1,
               "propertyNames": LANGUAGE,
               "additionalProperties": {"anyOf": [TEXT, {"type": "null"}]}}


def file_name(content_file: str) -> str:
    """meeting.yaml -> meeting.schema.json"""
    return content_file.removesuffix(".yaml") + ".schema.json"


def schemas() -> dict[str, dict]:
    """The schema of each content file, by schema file name."""
    return {file_name(name): file_schema(name, record) for name, record in FILES.items()}


def file_schema(name: str, record: Record) -> dict:
    definitions: dict[str, dict] = {}
    schema = {"$schema": DRAFT, "title": f"agenda content: {name}",
              "description": f"The {name} of a meeting for the agenda site generator; "
                             "see content/README.md",
              **_record(record, definitions)}
    if definitions:
        schema["definitions"] = definitions
    return schema


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder` (created if needed); return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _record(record: Record, definitions: dict) -> dict:
    return {"type": "object", "additionalProperties": False,
            "properties": {name: _key(key, definitions) for name, key in record.keys.items()},
            **({"required": required} if (required := [n for n, k in record.keys.items()
                                                       if k.required]) else {})}


def _reference(record: Record, definitions: dict) -> dict:
    """Records used in several places are defined once and referred to."""
    name = record.name.replace(" ", "-")
    if name not in definitions:
        definitions[name] = {}  # reserved first: a record may not contain itself
        definitions[name] = _record(record, definitions)
    return {"$ref": f"#/definitions/{name}"}


def _key(key: Key, definitions: dict) -> dict:
    schema = _value(key, definitions)
    if not key.required:  # an empty value (`subtitle:`) is as good as none
        schema = {"anyOf": [schema, {"type": "null"}]}
    elif "$ref" in schema:  # draft-07 ignores the siblings of a $ref, the doc among them
        schema = {"allOf": [schema]}
    return {"description": key.doc, **schema}


def _value(key: Key, definitions: dict) -> dict:
    kind = key.kind
    if kind in ("text", "markdown"):
        return _translatable(definitions)
    if kind == "literal":
        return dict(TEXT)
    if kind == "language":
        return dict(LANGUAGE)
    if kind == "languages":
        return _one_or_list(LANGUAGE)
    if kind == "url":
        return {"type": "string"}
    if kind in ("id", "ref"):
        return dict(ID)
    if kind == "flag":
        return {"type": "boolean"}
    if kind == "choice":
        return {"enum": list(key.choices)}
    if kind == "date":
        return {"type": "string", "pattern": DATE_PATTERN.pattern}
    if kind == "time":
        return {"type": "string", "pattern": TIME_PATTERN.pattern}
    if kind == "ids":
        return _one_or_list(ID)
    if kind == "texts":
        return _one_or_list(_translatable(definitions))
    if kind == "people":
        ref = {"allOf": [_reference(key.record, definitions),
                         {"anyOf": [{"required": ["person"]}, {"required": ["organisation"]}]}]}
        return _one_or_list({"anyOf": [ID, ref]})
    if kind == "mapping":
        return _reference(key.record, definitions)
    if kind == "records":
        return {"type": "array", "items": _reference(key.record, definitions)}
    if kind == "flag_or_mapping":
        return {"anyOf": [{"type": "boolean"}, _reference(key.record, definitions)]}
    if kind == "list":
        return {"type": "array"}
    if kind == "minutes":
        return {"type": "integer", "minimum": 0, "maximum": 1440}
    if kind == "photo":
        return {"anyOf": [{"type": "string"}, _reference(key.record, definitions)]}
    raise ValueError(f"no schema for kind {kind}")


def _translatable(definitions: dict) -> dict:
    """Text, or the same text in several languages."""
    definitions.setdefault("text-by-language", BY_LANGUAGE)
    return {"anyOf": [dict(TEXT), {"$ref": "#/definitions/text-by-language"}]}


def _one_or_list(item: dict) -> dict:
    """A single value stands for a list of one (Fields.list_of)."""
    return {"anyOf": [item, {"type": "array", "items": item}]}
