"""Publication records: what the agenda showed each time it was published.

`agenda publish` writes one small JSON file per publication date into the content
folder, `published/YYYY-MM-DD.json`, to be committed with the content. Builds read
them back (a record is content: a damaged one is reported as `file:line`) and
compare them with the content and with each other (site/history.py). The text is
deterministic: the same record always gives the same bytes, one item and one page
per line, so `git diff` shows what a publication changed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from .model import Source

FOLDER = "published"
FORMAT = "agenda-publication"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class PublishedRef:
    """Someone in one role of a published item."""

    role: str               # chair, speaker, presenter or discussant
    key: str                # the person id, or "organisation:ID" for an organisation alone
    name: str               # as the pages showed it
    tbc: bool = False


@dataclass(frozen=True)
class PublishedTerm:
    key: str                # the term's page folder, e.g. "policy-areas/1"
    name: str               # as shown in short, e.g. "Policy area 1"


@dataclass(frozen=True)
class PublishedItem:
    """The shown fields of one item, as text."""

    id: str
    kind: str
    label: str              # "Session 5: Data collection ..."
    date: str               # 2022-06-20
    start: str              # 16:00
    end: str
    room: str = ""          # the room's name
    audience: str = "all"
    tbc: bool = False
    status: str = ""
    reason: str = ""
    moved_to: str = ""      # as shown: "Session 9: Data quality issues", "Thu 23 Jun, 10:00"
    previous_ids: tuple[str, ...] = ()
    people: tuple[PublishedRef, ...] = ()
    terms: tuple[PublishedTerm, ...] = ()
    page: str = ""          # its page's output path; "" for breaks
    details: str = ""       # digest of its subtitle, description and questions
    event: str = ""         # digest of what its calendar event shows
    line: int = field(default=0, compare=False)  # where it stands in its record


@dataclass(frozen=True)
class Publication:
    date: date
    meeting_status: str
    items: tuple[PublishedItem, ...]
    pages: tuple[str, ...]  # output paths of every page published
    source: Source = Source()
    page_lines: tuple[int, ...] = field(default=(), compare=False)

    def page_line(self, path: str) -> int:
        position = self.pages.index(path)
        return self.page_lines[position] if position < len(self.page_lines) else 0


def record_path(content_dir: Path, when: date) -> Path:
    return Path(content_dir) / FOLDER / f"{when.isoformat()}.json"


def record_text(publication: Publication) -> str:
    """The record's JSON text: one item and one page per line, keys in a fixed order,
    values left out where they are the default."""
    head = {"format": FORMAT, "format_version": FORMAT_VERSION,
            "date": publication.date.isoformat(), "meeting_status": publication.meeting_status}
    lines = ["{"] + [f" {_dump(key)}: {_dump(value)}," for key, value in head.items()]
    lines.append(' "items": [')
    lines += [f"  {_dump(_item_data(item))}," for item in publication.items]
    _end_list(lines)
    lines.append(' "pages": [')
    lines += [f"  {_dump(page)}," for page in publication.pages]
    _end_list(lines)
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines + ["}"]) + "\n"


def _end_list(lines: list[str]) -> None:
    if lines[-1].endswith(","):
        lines[-1] = lines[-1][:-1]
    lines.append(" ],")


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _item_data(item: PublishedItem) -> dict:
    data = {}
    for f in fields(PublishedItem):
        value = getattr(item, f.name)
        if f.name == "line" or (value == f.default and f.name not in REQUIRED):
            continue
        if f.name == "people":
            value = [_ref_data(ref) for ref in value]
        elif f.name == "terms":
            value = [{"key": term.key, "name": term.name} for term in value]
        elif isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    return data


def _ref_data(ref: PublishedRef) -> dict:
    data = {"role": ref.role, "key": ref.key, "name": ref.name}
    if ref.tbc:
        data["tbc"] = True
    return data


REQUIRED = ("id", "kind", "label", "date", "start", "end")
