"""`agenda new FOLDER`: a small, commented meeting to start from (like `mkdocs new`).

Two days, a break, two sessions side by side in two rooms, a note and links
between pages; it passes `agenda check` as written. The files are in starter/;
their dates are set from `--start` (default: the next Monday).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from ..content.schema import FOLDER as SCHEMA_FOLDER, write_schemas
from .folders import fresh_folder

STARTER = "starter"


def next_monday(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def meeting_id(folder: Path, start: date) -> str:
    """An id from the folder's name (my-workshop), else one from the year."""
    name = re.sub(r"[^a-z0-9._-]+", "-", folder.name.lower()).strip("-._")
    return name or f"meeting-{start.year}"


def create(folder: Path, start: date | None = None) -> list[Path]:
    """Write the starter meeting into `folder` (new or empty); return the files written."""
    start = start or next_monday(date.today())
    values = {"${id}": meeting_id(Path(folder).absolute(), start),
              "${start}": start.isoformat(), "${day2}": (start + timedelta(days=1)).isoformat(),
              "${end}": (start + timedelta(days=1)).isoformat()}
    with fresh_folder(folder, "agenda new") as staging:
        _copy(resources.files(__package__).joinpath(STARTER), staging, values)
        write_schemas(staging / SCHEMA_FOLDER)
    return sorted(path for path in Path(folder).rglob("*") if path.is_file())


def _copy(source, target: Path, values: dict[str, str]) -> None:
    """Copy the starter's YAML and Markdown files with the placeholders filled in."""
    for entry in source.iterdir():
        if entry.is_dir():
            (target / entry.name).mkdir()
            _copy(entry, target / entry.name, values)
        elif entry.name.endswith((".yaml", ".md")):
            text = entry.read_text(encoding="utf-8")
            for placeholder, value in values.items():
                text = text.replace(placeholder, value)
            (target / entry.name).write_text(text, encoding="utf-8")
