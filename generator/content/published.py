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
import re
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from ..errors import Problems
from .fields import DATE_PATTERN, Fields, records
from .load import Located, LocatedList, SourceReader, YamlDoc
from .model import Source

FOLDER = "published"
FORMAT = "agenda-publication"
FORMAT_VERSION = 1
RESTORE = "this file is written by `agenda publish`: restore it from version control"


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


# ---------------------------------------------------------------- writing

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
        if f.name == "line" or (value == f.default and f.name not in _REQUIRED):
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


_REQUIRED = ("id", "kind", "label", "date", "start", "end")


# ---------------------------------------------------------------- reading

def read_publications(content_dir: Path, reader: SourceReader, problems: Problems,
                      parse_cached) -> tuple[Publication, ...]:
    """Every record in published/, oldest first; problems name the file and line.

    `parse_cached`: pipeline.parse_once, which keeps the records of unchanged files
    the same objects from one dev-server rebuild to the next."""
    folder = Path(content_dir) / FOLDER
    if not folder.is_dir():
        return ()
    found = []
    for path in sorted(folder.glob("*.json")):
        name = problems.display(path)
        if not DATE_PATTERN.match(path.stem):
            problems.error(path, 0, f"a publication record is named after its date, like "
                                    f"{FOLDER}/2022-06-10.json; rename or remove {path.name}")
            continue
        publication = parse_cached(reader, reader.json(path), problems, parse_publication, name)
        if publication is not None:
            found.append(publication)
    return tuple(sorted(found, key=lambda p: p.date))


def parse_publication(doc: YamlDoc, problems: Problems, name: str) -> Publication | None:
    """One record (its problems are reported; a record with problems is None)."""
    problems.items.extend(doc.problems)
    if doc.data is None:
        return None
    if not isinstance(doc.data, Located):
        problems.error(name, 1, f"a publication record must be a JSON object; {RESTORE}")
        return None
    top = Fields(doc.data, name, problems, "publication record",
                 ("format", "format_version", "date", "meeting_status", "items", "pages"))
    if top.text("format") != FORMAT or doc.data.get("format_version") != FORMAT_VERSION:
        top.error("format", f"not a publication record of format '{FORMAT}' version "
                            f"{FORMAT_VERSION}; {RESTORE}")
        return None
    when = top.day("date", required=True)
    stem = Path(name).stem
    if when is not None and when.isoformat() != stem:
        top.error("date", f"the record says {when} but its file is named {stem}.json; {RESTORE}")
    items = tuple(item for item in (_item(entry, name, problems)
                                    for entry in records(doc.data.get("items"), name,
                                                         top.line("items"), problems,
                                                         "'items'")) if item is not None)
    pages = top.list_of("pages", required=True)
    for position, page in enumerate(pages):
        if not isinstance(page, str) or not page.endswith(".html"):
            problems.error(name, pages.line_at(position),
                           f"'pages' must list page paths such as \"days/2022-06-20/index.html\","
                           f" not {page!r}; {RESTORE}")
    if when is None or problems.errors:
        return None
    return Publication(when, top.text("meeting_status"), items,
                       tuple(str(page) for page in pages), top.source,
                       tuple(pages.line_at(n) for n in range(len(pages))))


_ITEM_KEYS = tuple(f.name for f in fields(PublishedItem) if f.name != "line")
_TIME = re.compile(r"^\d{2}:\d{2}$")


def _item(entry: Located, name: str, problems: Problems) -> PublishedItem | None:
    f = Fields(entry, name, problems, f"published item '{entry.get('id')}'", _ITEM_KEYS)
    before = len(problems.errors)
    values = {key: f.text(key, required=True) for key in _REQUIRED}
    for key in ("start", "end"):
        if values[key] and not _TIME.match(values[key]):
            f.error(key, f"'{key}' must be a time HH:MM, not '{values[key]}'; {RESTORE}")
    if values["date"] and not DATE_PATTERN.match(values["date"]):
        f.error("date", f"'date' must be a date YYYY-MM-DD, not '{values['date']}'; {RESTORE}")
    item = PublishedItem(
        **values, room=f.text("room"), audience=f.text("audience") or "all", tbc=f.flag("tbc"),
        status=f.text("status"), reason=f.text("reason"), moved_to=f.text("moved_to"),
        previous_ids=f.idents("previous_ids"),
        people=tuple(_ref(ref, name, problems) for ref in _entries(f, "people")),
        terms=tuple(_term(term, name, problems) for term in _entries(f, "terms")),
        page=f.text("page"), details=f.text("details"), event=f.text("event"), line=entry.line)
    return item if len(problems.errors) == before else None


def _entries(f: Fields, key: str):
    return records(f.mapping.get(key, LocatedList()), f.file, f.line(key), f.problems,
                   f"'{key}'")


def _ref(entry: Located, name: str, problems: Problems) -> PublishedRef:
    f = Fields(entry, name, problems, "published person", ("role", "key", "name", "tbc"))
    return PublishedRef(f.text("role", required=True), f.text("key", required=True),
                        f.text("name", required=True), f.flag("tbc"))


def _term(entry: Located, name: str, problems: Problems) -> PublishedTerm:
    f = Fields(entry, name, problems, "published term", ("key", "name"))
    return PublishedTerm(f.text("key", required=True), f.text("name", required=True))
