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
from ..i18n import N_
from . import spec
from .branding import parse_branding
from .fields import Fields
from .load import Located, NoteDoc, YamlDoc
from .model import (Agenda, Day, Item, Material, Meeting, Note, Online, Organisation, Person,
                    PersonRef, Photo, Room, Source, Taxonomy, Term, Venue)
from .spec import Record
from .texts import interface_text

ROLE_KEYS = (("chair", "chairs"), ("speakers", "speakers"), ("presenters", "presenters"),
             ("discussants", "discussants"))
# What the home page says of a meeting that is hybrid without details (`online: true`).
ONLINE_NOTE = N_("Participants can also join online.")
# Names of days, themes and groups the content does not name.
DAY_NAME = N_("Day {number}")
THEME, THEMES, GROUP, GROUPS = N_("Theme"), N_("Themes"), N_("Group"), N_("Groups")


def _top(doc: YamlDoc, problems: Problems, record: Record,
         languages: tuple[str, ...] = ("en",)) -> Fields | None:
    if doc.data is None:
        if not doc.problems:
            problems.error(doc.path, 1, "file is empty; it must define "
                                        f"{', '.join(record.allowed)}")
        return None
    if not isinstance(doc.data, Located):
        problems.error(doc.path, 1, "file must be a mapping of `key: value` lines at top level")
        return None
    return Fields(doc.data, problems.display(doc.path), problems, doc.path.name, record,
                  languages)


def parse_meeting(doc: YamlDoc, problems: Problems) -> Meeting | None:
    top = _top(doc, problems, spec.MEETING)
    if top is None:
        return None
    top.languages = _languages(top)  # before any text: texts may be given by language
    return Meeting(
        id=top.ident("id"), title=top.text("title"), timezone=top.text("timezone"),
        start=top.day("start"), end=top.day("end"),
        subtitle=top.text("subtitle"), short_title=top.text("short_title"),
        status=top.choice("status", "final"), updated=top.day("updated"),
        changes_since=top.day("changes_since"),
        language=top.languages[0], languages=top.languages, about=top.text("about"),
        venue=_venue(top),
        online=_online(top, meeting=True), organisers=top.idents("organisers"),
        rooms=tuple(Room(f.ident("id"), f.text("name"), _online(f), f.source)
                    for f in top.entries("rooms", "room")),
        themes=_taxonomy(top, "themes", (THEME, THEMES, "themes")),
        groups=_taxonomy(top, "groups", (GROUP, GROUPS, "groups")),
        branding=parse_branding(top, doc.path), trusted_html=top.flag("trusted_html"),
        source=top.source)


def _languages(top: Fields) -> tuple[str, ...]:
    """The meeting's languages, main first: `languages:`, else `language:`, else en.
    `language:` beside `languages:` must name the same main language."""
    listed, language = top.language_tags("languages"), top.language("language")
    if listed and language and language != listed[0]:
        top.error("language", f"'language' is '{language}' but `languages:` starts with "
                              f"'{listed[0]}', and the first of `languages:` is the main "
                              f"language; remove `language:`, or list {language} first")
    return listed or (language or "en",)


def _venue(top: Fields) -> Venue:
    venue = top.mapping_of("venue", "the venue")
    if venue is None:
        return Venue()
    f = top.child(venue, "venue", spec.VENUE)
    return Venue(f.text("name"), f.text("city"), f.text("country"), f.text("address"),
                 f.url("url"))


def _online(parent: Fields, meeting: bool = False) -> Online | None:
    """How people join remotely, on the meeting, a room or an item: `true` or a
    mapping (the most specific level that sets a field wins, site/participation.py).
    For the meeting, `true` or a mapping naming neither platform nor note gets a
    general note, so the home page never shows an empty row."""
    value = parent.flag_or_mapping("online", "how people join remotely")
    if value is None or value is False:
        return None
    general = Online(note=interface_text(parent.languages, ONLINE_NOTE)) if meeting else Online()
    if value is True:
        return general
    what = "online" if meeting else f"online of {parent.what}"
    f = parent.child(value, what, spec.ONLINE)
    online = Online(f.text("platform"), f.url("url"), f.text("note"), f.minutes("opens_before"))
    if meeting and not (online.platform or online.note):
        return Online(note=general.note, url=online.url, opens_before=online.opens_before)
    return online


def _materials(parent: Fields) -> tuple[Material, ...]:
    materials = []
    for f in parent.entries("materials", f"material of {parent.what}"):
        title, url = f.text("title"), f.url("url")
        if title and url:
            materials.append(Material(title, url, f.choice("kind", "other"),
                                      f.text("language"), f.mapping.line))
    return tuple(materials)


def _photo(f: Fields) -> Photo | None:
    """`photo: photos/ana.jpg`, or `photo: {file: photos/ana.jpg, alt: ...}`."""
    value = f.mapping.get("photo")
    if value is None:
        return None
    if isinstance(value, Located):
        p = f.child(value, f"photo of {f.what}", spec.PHOTO)
        file, alt = p.text("file"), p.text("alt")
    else:
        file, alt = f.text("photo"), ""
    return Photo(file, alt, line=f.line("photo")) if file else None


def _taxonomy(top: Fields, key: str, names: tuple[str, str, str]) -> Taxonomy:
    defaults = (interface_text(top.languages, names[0]), interface_text(top.languages, names[1]),
                names[2])
    section = top.mapping_of(key, "a list of terms with its names")
    if section is None:
        return Taxonomy(*defaults)
    f = top.child(section, key, spec.TAXONOMY)
    slug = f.ident("slug") or defaults[2]
    terms = []
    for t in f.entries("items", f"{key} entry"):
        term_id = t.ident("id")
        terms.append(Term(term_id, term_id.lower(), t.text("title"), t.text("short"),
                          t.text("description"), slug, t.idents("previous_ids"), t.source))
    return Taxonomy(f.text("name") or defaults[0], f.text("plural") or defaults[1], slug,
                    tuple(terms))


def parse_people(doc: YamlDoc, problems: Problems, languages: tuple[str, ...] = ("en",)
                 ) -> tuple[tuple[Organisation, ...], tuple[Person, ...]]:
    top = _top(doc, problems, spec.PEOPLE_FILE, languages)
    if top is None:
        return (), ()
    organisations = tuple(
        Organisation(f.ident("id"), f.text("name"), f.text("short"), f.text("country"),
                     f.url("url"), f.idents("previous_ids"), f.source)
        for f in top.entries("organisations", "organisation"))
    people = tuple(
        Person(f.ident("id"), f.text("name"), f.text("honorific"), f.ident("organisation"),
               f.text("country"), f.text("position"), f.text("role"), f.url("url"),
               f.text("bio"), _photo(f), f.idents("previous_ids"), f.source)
        for f in top.entries("people", "person"))
    return organisations, people


def parse_schedule(doc: YamlDoc, problems: Problems, languages: tuple[str, ...] = ("en",)
                   ) -> tuple[Day, ...]:
    top = _top(doc, problems, spec.SCHEDULE_FILE, languages)
    if top is None:
        return ()
    if "days" not in top.mapping:
        problems.error(doc.path, 1, "schedule.yaml is missing required key 'days'; "
                                    "add `days:` with one entry per meeting day")
    days = []
    for number, f in enumerate(top.entries("days", "day"), start=1):
        when = f.day("date")
        if when is None:
            continue
        f.what = f"day {when.isoformat()}"
        items = [_item(i, when) for i in f.entries("items", "item")]
        if not f.mapping.get("items"):
            # An empty day would still be a page and would count as "Day N" in the
            # names of the days after it: a day off is simply left out.
            f.error("date", f"day {when.isoformat()} has no items; add the day's schedule "
                            "under `items:`, or leave the date out: days need not follow "
                            "each other (a weekend or a day off in between is fine)")
        days.append(Day(when, f.text("name") or interface_text(top.languages, DAY_NAME,
                                                               number=number),
                        _with_ids([i for i in items if i is not None], when),
                        f.text("objective"), f.source))
    return tuple(days)


def _item(f: Fields, when) -> dict | None:
    start, end = f.clock("start"), f.clock("end")
    fields = dict(
        id=f.ident("id"), number=f.text("number"), kind=f.choice("kind", "session"),
        start=start, end=end, title=f.text("title"), subtitle=f.text("subtitle"),
        description=f.text("description"), main_question=f.text("main_question"),
        questions=f.texts("questions"), themes=f.idents("themes"), groups=f.idents("groups"),
        audience=f.choice("audience", "all"), parallel=f.text("parallel"),
        room=f.text("room"), continues=f.ident("continues"), tbc=f.flag("tbc"),
        notes=f.text("notes"), online=_online(f), materials=_materials(f),
        status=f.choice("status", ""), reason=f.text("reason"), moved_to=_moved_to(f),
        previous_ids=f.idents("previous_ids"))
    for key, attribute in ROLE_KEYS:
        fields[attribute] = _person_refs(f, key)
    fields["source"] = f.source  # after every text is read: it holds their lines
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
            r = f.child(value, f"'{key}' entry", spec.PERSON_REF)
            ref = PersonRef(r.ident("person"), r.ident("organisation"), r.text("role"),
                            r.flag("tbc"), line)
            if not ref.person and not ref.organisation:
                f.problems.error(f.file, line, f"'{key}' entry needs `person:` or `organisation:`")
                continue
            refs.append(ref)
        elif isinstance(value, str) and value.strip():
            refs.append(PersonRef(person=value.strip(), line=line))
        else:
            given = "an empty entry" if value is None or not str(value).strip() \
                else f"'{value}'"
            f.problems.error(f.file, line, f"'{key}' must list person ids or mappings with "
                                           f"`person:`, not {given}")
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
    f = Fields(doc.meta, problems.display(doc.path), problems, "note front matter", spec.NOTE)
    name = doc.path.relative_to(notes_dir).as_posix()
    return Note(name, doc.body, doc.digest, f.ident("session"),
                Source(f.file, doc.body_line, dict(doc.meta.key_lines)))


def assemble(meeting: Meeting, people: tuple, days: tuple, notes: tuple,
             publications: tuple = ()) -> Agenda:
    organisations, persons = people
    return Agenda(meeting, organisations, persons, days, notes, publications)
