"""Write a Draft as content files, check them with the real checker, and report each
problem by the row (or event) the item came from."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ...content.pipeline import load_content
from ...content.schema import FOLDER as SCHEMA_FOLDER, file_name, write_schemas
from ...errors import ContentError, Problem
from .draft import Draft

MENTIONED = re.compile(r"(schedule\.yaml:|\bline )(\d+)")
TAXONOMY_DEFAULTS = {"themes": ("Theme", "Themes", "themes"),
                     "groups": ("Group", "Groups", "groups")}


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as content/README.md writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str):
    """Multi-line text (descriptions) as `|` blocks; times and numbers in double quotes
    ("09:30"), as the docs write them; other text plain where YAML allows."""
    if "\n" in text:
        style = "|"
    elif re.fullmatch(r"[\d.:]+", text):
        style = '"'
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=10_000)


@dataclass(frozen=True)
class Span:
    first: int
    last: int
    origin: str


def write(draft: Draft, folder: Path) -> list[Span]:
    """Write meeting.yaml, people.yaml, schedule.yaml and schema/ into `folder`;
    return the lines of schedule.yaml each item was written on."""
    header = f"# Imported from {draft.source} by `agenda import`.\n"
    texts = {"meeting.yaml": header + dump(meeting_data(draft)),
             "people.yaml": header + dump({"people": list(draft.people.values())})}
    schedule, spans = schedule_text(draft, header)
    texts["schedule.yaml"] = schedule
    for name, text in texts.items():
        schema_line = f"# yaml-language-server: $schema={SCHEMA_FOLDER}/{file_name(name)}\n"
        (folder / name).write_text(schema_line + text, encoding="utf-8")
    write_schemas(folder / SCHEMA_FOLDER)
    return [Span(span.first + 1, span.last + 1, span.origin) for span in spans]


def meeting_data(draft: Draft) -> dict:
    dates = sorted(item.date for item in draft.items)
    data = {key: draft.meeting[key] for key in ("id", "title", "subtitle", "timezone")
            if draft.meeting.get(key)}
    data.update(start=dates[0], end=dates[-1])
    if draft.meeting.get("language"):
        data["language"] = draft.meeting["language"]
    if draft.rooms:
        data["rooms"] = [{"id": room_id, "name": name} for name, room_id in draft.rooms.items()]
    for key, terms in draft.terms.items():
        name, plural, slug = draft.meeting.get(key) or TAXONOMY_DEFAULTS[key]
        data[key] = {"name": name, "plural": plural, "slug": slug, "items": list(terms.values())}
    return data


def schedule_text(draft: Draft, header: str) -> tuple[str, list[Span]]:
    """schedule.yaml, days in date order and items in time order across rooms."""
    lines = header.splitlines() + ["days:"]
    spans = []
    by_day: dict = {}
    for item in draft.items:
        by_day.setdefault(item.date, []).append(item)
    for day in sorted(by_day):
        lines += [f"  - date: {day.isoformat()}", "    items:"]
        for item in sorted(by_day[day], key=lambda i: (i.fields.get("start", ""),
                                                        i.fields.get("end", ""))):
            block = [f"      {line}" if line else "" for line in dump([item.fields]).splitlines()]
            spans.append(Span(len(lines) + 1, len(lines) + len(block), item.origin))
            lines += block
    return "\n".join(lines) + "\n", spans


def check(draft: Draft, folder: Path, spans: list[Span]) -> tuple[Problem, ...]:
    """Run the checker on the written files; raise ContentError with every problem
    named by its row, or return the warnings (named the same way)."""
    try:
        loaded = load_content(folder)
    except ContentError as error:
        raise ContentError([by_origin(draft, spans, p) for p in error.problems]) from None
    return tuple(by_origin(draft, spans, p) for p in loaded.warnings)


def by_origin(draft: Draft, spans: list[Span], problem: Problem) -> Problem:
    """A problem of the written files, named by the row or event it came from; lines of
    schedule.yaml the message mentions ("already used at schedule.yaml:18") too."""
    def origin(line: int) -> str:
        return next((span.origin for span in spans if span.first <= line <= span.last), "")

    message = MENTIONED.sub(lambda m: origin(int(m.group(2))) or m.group(0), problem.message)
    found = origin(problem.line) if problem.file == "schedule.yaml" else ""
    where = found or f"{draft.source} (in the imported {problem.file}:{problem.line})"
    return Problem(where, 0, message, problem.warning)
