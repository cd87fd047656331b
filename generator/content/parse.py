"""Stage 2b, parse: turn loaded YAML and notes into the typed model.

Structural problems (unknown keys, wrong types, missing fields) are collected
here; relations between records are the validator's job.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from ..errors import Problems
from .fields import Fields, records
from .load import Located, NoteDoc, YamlDoc
from .model import (AUDIENCES, ITEM_KINDS, ITEM_STATUSES, STATUSES, Agenda, Day, Item, Meeting, Note,
                    Online, Organisation, Person, PersonRef, Room, Source, Taxonomy, Term,
                    Venue)

MEETING_KEYS = ("id", "title", "subtitle", "short_title", "status", "updated", "changes_since",
                "timezone", "start", "end", "language", "about", "venue", "online",
                "organisers", "rooms", "themes", "groups")
ITEM_KEYS = ("id", "number", "kind", "start", "end", "title", "subtitle", "description",
             "chair", "speakers", "presenters", "discussants", "main_question", "questions",
             "themes", "groups", "audience", "parallel", "room", "continues", "tbc", "notes",
             "status", "reason", "moved_to", "previous_ids")
ROLE_KEYS = (("chair", "chairs"), ("speakers", "speakers"), ("presenters", "presenters"),
             ("discussants", "discussants"))


def _top(doc: YamlDoc, problems: Problems, keys: tuple[str, ...]) -> Fields | None:
    if doc.data is None:
        if not doc.problems:
            problems.error(doc.path, 1, f"file is empty; it must define {', '.join(keys)}")
        return None
    if not isinstance(doc.data, Located):
        problems.error(doc.path, 1, "file must be a mapping of `key: value` lines at top level")
        return None
    return Fields(doc.data, problems.display(doc.path), problems, doc.path.name, keys)


def parse_meeting(doc: YamlDoc, problems: Problems) -> Meeting | None:
    top = _top(doc, problems, MEETING_KEYS)
    if top is None:
        return None
    venue = _venue(top)
    online = top.mapping_of("online", "how people join remotely")
    return Meeting(
        id=top.ident("id", required=True, example="my-meeting-2025"),
        title=top.text("title", required=True),
        timezone=top.text("timezone", required=True, example="Europe/Paris"),
        start=top.day("start", required=True), end=top.day("end", required=True),
        subtitle=top.text("subtitle"), short_title=top.text("short_title"),
        status=top.choice("status", STATUSES, "final"), updated=top.day("updated"),
        changes_since=top.day("changes_since"),
        language=top.text("language") or "en", about=top.text("about"), venue=venue,
        online=_online(Fields(online, top.file, problems, "online", ("platform", "url", "note")))
        if online is not None else None,
        organisers=top.idents("organisers"),
        rooms=tuple(Room(f.ident("id", required=True), f.text("name", required=True), f.source)
                    for f in _entries(top, "rooms", "room", ("id", "name"))),
        themes=_taxonomy(top, "themes", ("Theme", "Themes", "themes")),
        groups=_taxonomy(top, "groups", ("Group", "Groups", "groups")),
        source=top.source)


def _venue(top: Fields) -> Venue:
    venue = top.mapping_of("venue", "the venue")
    if venue is None:
        return Venue()
    f = Fields(venue, top.file, top.problems, "venue", ("name", "city", "country", "address", "url"))
    return Venue(f.text("name"), f.text("city"), f.text("country"), f.text("address"), f.text("url"))


def _online(f: Fields) -> Online:
    return Online(f.text("platform"), f.text("url"), f.text("note"))


def _entries(parent: Fields, key: str, what: str, keys: tuple[str, ...]):
    for entry in records(parent.mapping.get(key), parent.file, parent.line(key), parent.problems,
                         f"'{key}'"):
        label = f"{what} '{entry.get('id')}'" if entry.get("id") is not None else what
        yield Fields(entry, parent.file, parent.problems, label, keys)


def _taxonomy(top: Fields, key: str, defaults: tuple[str, str, str]) -> Taxonomy:
    section = top.mapping_of(key, "a list of terms with its names")
    if section is None:
        return Taxonomy(*defaults)
    f = Fields(section, top.file, top.problems, key, ("name", "plural", "slug", "items"))
    slug = f.ident("slug") or defaults[2]
    terms = tuple(Term(t.ident("id", required=True), t.ident("id").lower(),
                       t.text("title", required=True), t.text("short"), t.text("description"),
                       slug, t.idents("previous_ids"), t.source)
                  for t in _entries(f, "items", f"{key} entry", ("id", "title", "short",
                                                                 "description", "previous_ids")))
    return Taxonomy(f.text("name") or defaults[0], f.text("plural") or defaults[1], slug, terms)


def parse_people(doc: YamlDoc, problems: Problems) -> tuple[tuple[Organisation, ...],
                                                             tuple[Person, ...]]:
    top = _top(doc, problems, ("organisations", "people"))
    if top is None:
        return (), ()
    organisations = tuple(
        Organisation(f.ident("id", required=True), f.text("name", required=True), f.text("short"),
                     f.text("country"), f.text("url"), f.idents("previous_ids"), f.source)
        for f in _entries(top, "organisations", "organisation",
                          ("id", "name", "short", "country", "url", "previous_ids")))
    people = tuple(
        Person(f.ident("id", required=True), f.text("name", required=True), f.text("honorific"),
               f.ident("organisation"), f.text("country"), f.text("position"), f.text("role"),
               f.text("url"), f.idents("previous_ids"), f.source)
        for f in _entries(top, "people", "person", ("id", "name", "honorific", "organisation",
                                                    "country", "position", "role", "url",
                                                    "previous_ids")))
    return organisations, people


def parse_schedule(doc: YamlDoc, problems: Problems) -> tuple[Day, ...]:
    top = _top(doc, problems, ("days",))
    if top is None:
        return ()
    if "days" not in top.mapping:
        problems.error(doc.path, 1, "schedule.yaml is missing required key 'days'; "
                                    "add `days:` with one entry per meeting day")
    days = []
    for number, f in enumerate(_entries(top, "days", "day", ("date", "name", "objective",
                                                             "items")), start=1):
        when = f.day("date", required=True)
        if when is None:
            continue
        f.what = f"day {when.isoformat()}"
        items = [_item(i, when) for i in _entries(f, "items", "item", ITEM_KEYS)]
        if "items" not in f.mapping:
            f.error("date", f"day {when.isoformat()} has no 'items'; add the day's schedule")
        days.append(Day(when, f.text("name") or f"Day {number}",
                        _with_ids([i for i in items if i is not None], when),
                        f.text("objective"), f.source))
    return tuple(days)


def _item(f: Fields, when) -> dict | None:
    start, end = f.clock("start", required=True), f.clock("end", required=True)
    fields = dict(
        id=f.ident("id"), number=f.text("number"), kind=f.choice("kind", ITEM_KINDS, "session"),
        start=start, end=end, title=f.text("title", required=True), subtitle=f.text("subtitle"),
        description=f.text("description"), main_question=f.text("main_question"),
        questions=f.texts("questions"), themes=f.idents("themes"), groups=f.idents("groups"),
        audience=f.choice("audience", AUDIENCES, "all"), parallel=f.text("parallel"),
        room=f.ident("room"), continues=f.ident("continues"), tbc=f.flag("tbc"),
        notes=f.text("notes"), status=f.choice("status", ITEM_STATUSES, ""),
        reason=f.text("reason"), moved_to=_moved_to(f), previous_ids=f.idents("previous_ids"),
        source=f.source)
    for key, attribute in ROLE_KEYS:
        fields[attribute] = _person_refs(f, key)
    return fields if start is not None and end is not None else None


def _moved_to(f: Fields) -> str:
    """An item id or a new time as written; a date YAML read as one is kept as text
    (content/lifecycle.py checks which it is)."""
    value = f.mapping.get("moved_to")
    if isinstance(value, date):
        return value.isoformat(sep=" ", timespec="minutes") if isinstance(value, datetime) \
            else value.isoformat()
    return f.text("moved_to")


def _person_refs(f: Fields, key: str) -> tuple[PersonRef, ...]:
    values = f.list_of(key)
    refs = []
    for index, value in enumerate(values):
        line = values.line_at(index)
        if isinstance(value, Located):
            r = Fields(value, f.file, f.problems, f"'{key}' entry",
                       ("person", "organisation", "role", "tbc"))
            ref = PersonRef(r.ident("person"), r.ident("organisation"), r.text("role"),
                            r.flag("tbc"), line)
            if not ref.person and not ref.organisation:
                f.problems.error(f.file, line, f"'{key}' entry needs `person:` or `organisation:`")
                continue
            refs.append(ref)
        elif isinstance(value, str) and value.strip():
            refs.append(PersonRef(person=value.strip(), line=line))
        else:
            f.problems.error(f.file, line, f"'{key}' must list person ids or mappings with "
                                           f"`person:`, not '{value}'")
    return tuple(refs)


def _with_ids(items: list[dict], when) -> tuple[Item, ...]:
    """Give every item an id: explicit, session-NUMBER, or KIND-DATE(-HHMM if needed)."""
    def base(fields: dict) -> str:
        if fields["id"]:
            return fields["id"]
        if fields["number"]:
            # The id becomes a URL folder: keep only id characters, never '/' or '..'.
            slug = re.sub(r"[^a-z0-9]+", "-", fields["number"].lower()).strip("-")
            return f"session-{slug}" if slug else f"{fields['kind']}-{when.isoformat()}"
        return f"{fields['kind']}-{when.isoformat()}"

    counts = Counter(base(fields) for fields in items if not fields["id"])
    result = []
    for fields in items:
        item_id = base(fields)
        if not fields["id"] and counts[item_id] > 1:
            item_id = f"{item_id}-{fields['start'].strftime('%H%M')}"
        result.append(Item(**{**fields, "id": item_id}))
    return tuple(result)


def parse_note(doc: NoteDoc, problems: Problems, notes_dir: Path) -> Note:
    for problem in doc.problems:
        problems.items.append(problem)
    f = Fields(doc.meta, problems.display(doc.path), problems, "note front matter", ("session",))
    name = doc.path.relative_to(notes_dir).as_posix()
    return Note(name, doc.body, doc.digest, f.ident("session"),
                Source(f.file, doc.body_line, dict(doc.meta.key_lines)))


def assemble(meeting: Meeting, people: tuple, days: tuple, notes: tuple,
             publications: tuple = ()) -> Agenda:
    organisations, persons = people
    return Agenda(meeting, organisations, persons, days, notes, publications)
