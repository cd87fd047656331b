"""The JSON Schema editors use is made from the checker's own records (spec.py): the
default content validates, and what the checker refuses in shape the schema refuses."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from support import CONTENT, edit
from generator.content.load import Located, LocatedList, parse_yaml
from generator.content.pipeline import load_content
from generator.content.schema import schemas
from generator.errors import ContentError

FILES = ("meeting.yaml", "people.yaml", "schedule.yaml")


def as_editor_sees(value):
    """A content file's data as a YAML language server hands it to the schema: plain
    mappings and lists, dates as the text they are written as."""
    if isinstance(value, Located):
        return {key: as_editor_sees(item) for key, item in value.items()}
    if isinstance(value, LocatedList):
        return [as_editor_sees(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def schema_errors(content: Path, name: str) -> list[str]:
    data, problems = parse_yaml((content / name).read_text(encoding="utf-8"), name)
    assert not problems
    schema = json.loads((content / "schema" / name.replace(".yaml", ".schema.json")).read_text())
    validator = jsonschema.Draft7Validator(schema)
    return [error.message for error in validator.iter_errors(as_editor_sees(data))]


def checker_errors(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems if not p.warning]


def test_the_shipped_schemas_are_the_ones_the_checker_records_make():
    for name, schema in schemas().items():
        shipped = json.loads((CONTENT / "schema" / name).read_text(encoding="utf-8"))
        assert shipped == schema, f"content/schema/{name} is outdated: run `agenda schema`"


def test_the_schemas_are_valid_json_schema():
    for schema in schemas().values():
        jsonschema.Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("name", FILES)
def test_each_content_file_names_its_schema_for_editors(name):
    first = (CONTENT / name).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schema/{name.replace('.yaml', '')}" \
                    ".schema.json"


@pytest.mark.parametrize("name", FILES)
def test_the_default_content_validates_against_its_schema(name):
    assert schema_errors(CONTENT, name) == []


@pytest.mark.parametrize("file, old, new", [
    ("schedule.yaml", "chair: francesca-grum", "chiar: francesca-grum"),  # a typo key
    ("meeting.yaml", "start: 2022-06-20", "dates: 2022-06-20\nstart: 2022-06-20"),
    ("schedule.yaml", "kind: opening", "kind: openning"),
    ("schedule.yaml", 'start: "09:00"', 'start: "9h00"'),
    ("schedule.yaml", "tbc: true", "tbc: maybe"),
    ("people.yaml", "  - id: francesca-grum\n", "  - id: francesca grum\n"),
    ("people.yaml", "  - id: francesca-grum\n", "  - id: francesca-grum\n    tbc: true\n"),
    ("meeting.yaml", "status: tentative", "status: provisional"),
    ("meeting.yaml", "timezone: Africa/Casablanca\n", ""),  # a required key left out
])
def test_what_the_checker_refuses_in_shape_the_schema_refuses(content, file, old, new):
    edit(content / file, old, new)
    assert checker_errors(content)
    assert schema_errors(content, file)


def test_a_typo_key_is_named_by_both(content):
    edit(content / "schedule.yaml", "chair: francesca-grum", "chiar: francesca-grum")
    assert "'chiar' was unexpected" in " ".join(schema_errors(content, "schedule.yaml"))
    assert "unknown key 'chiar'" in " ".join(checker_errors(content))


@pytest.mark.parametrize("file, old, new", [
    ("schedule.yaml", "chair: francesca-grum", "chair: [francesca-grum, diego-iturralde]"),
    ("schedule.yaml", "groups: [TF1]", "groups: TF1"),  # one value stands for a list of one
    ("meeting.yaml", "online:\n", "online: true\nold_online:\n"),
    ("schedule.yaml", "        subtitle: Welcome remarks\n", "        subtitle:\n"),
])
def test_what_the_checker_accepts_the_schema_accepts(content, file, old, new):
    edit(content / file, old, new)
    if "old_online" in new:  # keep the file valid YAML: drop the old mapping instead
        text = (content / file).read_text()
        start = text.index("old_online:\n")
        end = text.index("organisers:")
        (content / file).write_text(text[:start] + text[end:])
    load_content(content)
    assert schema_errors(content, file) == []
