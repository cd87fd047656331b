"""Reading publication records (published.py) back, every problem as `file:line`.

A record as `agenda publish` writes it (one item and one page per line) is read
quickly, straight from `json.loads`, its lines known from its layout; a record in
any other layout, or with a damaged value, is checked field by field (the YAML
loader keeps the line of every value: JSON is YAML) so the message names the line.
"""
from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from ..errors import Problems
from .fields import DATE_PATTERN, ID_PATTERN, Fields, records
from .spec import Key, Record
from .load import JsonDoc, Located, LocatedList, SourceReader, parse_yaml
from .published import (FOLDER, FORMAT, FORMAT_VERSION, REQUIRED, Publication, PublishedItem,
                        PublishedRef, PublishedTerm)

RESTORE = "this file is written by `agenda publish`: restore it from version control"


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
        if path.is_dir():
            problems.error(path, 0, "is a folder, not a publication record; remove it")
            continue
        if not DATE_PATTERN.match(path.stem):
            problems.error(path, 0, f"a publication record is named after its date, like "
                                    f"{FOLDER}/2022-06-10.json; rename or remove {path.name}")
            continue
        publication = parse_cached(reader, reader.json(path), problems, parse_publication, name)
        if publication is not None:
            found.append(publication)
    return tuple(sorted(found, key=lambda p: p.date))


def parse_publication(doc: JsonDoc, problems: Problems, name: str) -> Publication | None:
    """One record (its problems are reported; a record with problems is None)."""
    problems.items.extend(doc.problems)
    if doc.data is None:
        return None
    data = _located(doc, name, problems)
    if not isinstance(data, Located):
        problems.error(name, 1, f"a publication record must be a JSON object; {RESTORE}")
        return None
    top = Fields(data, name, problems, "publication record", RECORD)
    if top.text("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
        top.error("format", f"not a publication record of format '{FORMAT}' version "
                            f"{FORMAT_VERSION}; {RESTORE}")
        return None
    when = top.day("date")
    stem = Path(name).stem
    if when is not None and when.isoformat() != stem:
        top.error("date", f"the record says {when} but its file is named {stem}.json; {RESTORE}")
    items = _items(data.get("items"), name, top.line("items"), problems)
    pages = top.list_of("pages")
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


def _located(doc: JsonDoc, name: str, problems: Problems):
    """The record with the line of every value. A record as `agenda publish` writes it
    (one item and one page per line) is located from its layout, quickly; any other
    layout is read again by the YAML loader, which keeps lines (JSON is YAML)."""
    found = _by_layout(doc.data, doc.text.splitlines())
    if found is not None:
        return found
    data, more = parse_yaml(doc.text, name)
    problems.items.extend(more)
    return data


_TOP_KEY = re.compile(r'^ "(\w+)": ')


def _by_layout(data, lines: list[str]) -> Located | None:
    if not isinstance(data, dict):
        return None
    top = Located(line=1)
    for number, line in enumerate(lines, start=1):
        match = _TOP_KEY.match(line)
        if match:
            top.key_lines[match.group(1)] = number
    if set(top.key_lines) != set(data):
        return None
    for key, value in data.items():
        line = top.key_lines[key]
        if not isinstance(value, list) or not value:
            top[key] = _on_line(value, line)
            continue
        end = line + len(value)  # the index of the line after the last entry
        if not lines[line - 1].endswith("[") or end >= len(lines) \
                or lines[end].strip() not in ("]", "],"):
            return None
        entries = LocatedList(value, line=line)  # entries stay plain: see _items
        entries.item_lines = list(range(line + 1, end + 1))
        top[key] = entries
    return top


def _on_line(value, line: int):
    """A value written on one line: it and everything in it stand at that line."""
    if isinstance(value, dict):
        mapping = Located({key: _on_line(v, line) for key, v in value.items()}, line=line)
        mapping.key_lines = dict.fromkeys(value, line)
        return mapping
    if isinstance(value, list):
        entries = LocatedList([_on_line(v, line) for v in value], line=line)
        entries.item_lines = [line] * len(value)
        return entries
    return value


def _items(entries, name: str, line: int, problems: Problems) -> tuple[PublishedItem, ...]:
    """The record's items: each read at once when it is as `agenda publish` writes it,
    else checked field by field for a located message."""
    found = []
    for entry, where in _with_lines(entries, name, line, problems):
        item = _as_written(entry, where) if type(entry) is dict else None
        if item is None:
            item = _item(entry if isinstance(entry, Located) else _on_line(entry, where), name,
                         problems)
        if item is not None:
            found.append(item)
    return tuple(found)


def _with_lines(entries, name: str, line: int, problems: Problems):
    """(entry, its line) for each object in the list of items; other values are reported."""
    if not isinstance(entries, LocatedList):
        records(entries, name, line, problems, "'items'")  # says what the list should be
        return
    for position, entry in enumerate(entries):
        if isinstance(entry, dict):
            yield entry, entries.line_at(position)
        else:
            problems.error(name, entries.line_at(position),
                           f"each entry of 'items' must be an object; {RESTORE}")


def _as_written(entry: dict, line: int) -> PublishedItem | None:
    """The item, if every value has the type and form `agenda publish` writes; else None."""
    texts = [entry.get(key, _DEFAULTS[key]) for key in _TEXT_KEYS]
    if not entry.keys() <= _ITEM_KEY_SET or not all(isinstance(t, str) for t in texts) \
            or not all(entry.get(key) for key in REQUIRED) or not isinstance(
                entry.get("tbc", False), bool) or not _TIME.match(entry["start"]) \
            or not _TIME.match(entry["end"]) or not DATE_PATTERN.match(entry["date"]):
        return None
    previous = entry.get("previous_ids", [])
    people = [_as_written_ref(ref) for ref in entry.get("people", [])]
    terms = [term for term in entry.get("terms", []) if isinstance(term, dict)
             and term.keys() == {"key", "name"} and all(isinstance(v, str) and v
                                                       for v in term.values())]
    if not isinstance(previous, list) or not all(isinstance(i, str) and ID_PATTERN.match(i)
                                                 for i in previous) \
            or None in people or len(terms) != len(entry.get("terms", [])):
        return None
    return PublishedItem(**dict(zip(_TEXT_KEYS, texts)), tbc=entry.get("tbc", False),
                         previous_ids=tuple(previous), people=tuple(people),
                         terms=tuple(PublishedTerm(t["key"], t["name"]) for t in terms),
                         line=line)


def _as_written_ref(ref) -> PublishedRef | None:
    if not isinstance(ref, dict) or not ref.keys() <= {"role", "key", "name", "tbc"}:
        return None
    texts = [ref.get(key) for key in ("role", "key", "name")]
    if not all(isinstance(t, str) and t for t in texts) or not isinstance(ref.get("tbc", False),
                                                                        bool):
        return None
    return PublishedRef(*texts, ref.get("tbc", False))


_ITEM_KEYS = tuple(f.name for f in fields(PublishedItem) if f.name != "line")
# A record's keys, as spec.py declares the content's (Fields reads through them).
REF = Record("published person", {
    "role": Key("text", "role", required=True), "key": Key("text", "key", required=True),
    "name": Key("text", "name", required=True), "tbc": Key("flag", "to be confirmed")})
TERM = Record("published term", {
    "key": Key("text", "key", required=True), "name": Key("text", "name", required=True)})
_KINDS = {"tbc": "flag", "previous_ids": "ids", "people": "records", "terms": "records"}
ITEM = Record("published item", {
    key: Key(_KINDS.get(key, "text"), key, required=key in REQUIRED,
             record={"people": REF, "terms": TERM}.get(key))
    for key in _ITEM_KEYS})
RECORD = Record("publication record", {
    "format": Key("text", "format"), "format_version": Key("text", "format version"),
    "date": Key("date", "date", required=True), "meeting_status": Key("text", "status"),
    "items": Key("records", "items", record=ITEM),
    "pages": Key("list", "pages", required=True)})
_ITEM_KEY_SET = frozenset(_ITEM_KEYS)
_TEXT_KEYS = ("id", "kind", "label", "date", "start", "end", "room", "audience", "status",
              "reason", "moved_to", "page", "details", "event")
_DEFAULTS = {f.name: f.default for f in fields(PublishedItem)}
_TIME = re.compile(r"^\d{2}:\d{2}$")


def _item(entry: Located, name: str, problems: Problems) -> PublishedItem | None:
    f = Fields(entry, name, problems, f"published item '{entry.get('id')}'", ITEM)
    before = len(problems.errors)
    values = {key: f.text(key) for key in REQUIRED}
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
    f = Fields(entry, name, problems, "published person", REF)
    return PublishedRef(f.text("role"), f.text("key"), f.text("name"), f.flag("tbc"))


def _term(entry: Located, name: str, problems: Problems) -> PublishedTerm:
    f = Fields(entry, name, problems, "published term", TERM)
    return PublishedTerm(f.text("key"), f.text("name"))
