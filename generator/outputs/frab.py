"""What the frab family of schedule files says about a meeting, computed once for
both of its encodings: schedule.json (c3voc JSON) and schedule.xml (frab XML).

Only items with a page of their own are events; breaks and meals are left out.
Every event has a room, because apps lay a day out in one column per room: an
item's own `room`, else a virtual room named after the venue. Items without a
room that run at the same time (two parallel break-outs) get virtual rooms of
their own ("Hotel Example", "Hotel Example, room 2"), so no app draws them on top
of each other.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from math import gcd

from ..content.media import published_path
from ..content.model import Agenda, Day, Item, Meeting
from ..content.relations import Index
from ..i18n import _
from ..site import urls
from ..site.describe import (description, distinct_refs, guid, kind_label,
                             public_item_url)
from ..site.participation import absolute_url, participation
from ..site.history import history_of
from ..site.present import item_title, term_label
from ..site.status import event_window, status_label, status_sentence

FALLBACK_ROOM = "Main"


@dataclass(frozen=True)
class Person:
    id: int      # the formats' integer id: place in people.yaml (organisations after people)
    guid: str
    name: str
    url: str     # the person's page, "" without a base URL (or for an organisation)
    biography: str = ""
    avatar: str = ""  # the photo's public address, "" without a base URL or photo


@dataclass(frozen=True)
class Link:
    url: str
    title: str
    type: str = "web"


@dataclass(frozen=True)
class Event:
    id: int      # the formats' integer id: the item's place in the schedule, from 1
    guid: str
    item_id: str
    slug: str
    start: datetime
    end: datetime
    room: str
    title: str
    subtitle: str
    track: str
    type: str
    language: str
    abstract: str
    description: str
    url: str     # the item's page, "" without a base URL
    persons: tuple[Person, ...]
    links: tuple[Link, ...]

    @property
    def duration(self) -> str:
        # In UTC: subtracting two times of one zone gives wall-clock time, wrong across DST.
        minutes = int((self.end.astimezone(timezone.utc) - self.start.astimezone(timezone.utc))
                      .total_seconds()) // 60
        return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class ScheduleDay:
    index: int
    date: date
    start: datetime
    end: datetime
    rooms: tuple[tuple[str, tuple[Event, ...]], ...]  # (room name, its events), in room order


@dataclass(frozen=True)
class Schedule:
    acronym: str
    timeslot: str
    rooms: tuple[str, ...]
    tracks: tuple[str, ...]
    days: tuple[ScheduleDay, ...]
    version: str  # changes exactly when what the files say changes, so apps refresh


def acronym(meeting_id: str) -> str:
    """The meeting id in the formats' acronym alphabet: my-meeting-2025 -> my_meeting_2025."""
    name = re.sub(r"[^a-z0-9_]", "_", meeting_id.lower())
    return name.ljust(4, "_")


def slug(text: str) -> str:
    value = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_")
    return value if len(value) > 1 else f"{value}0"


_last: list = [None, None, None, None]  # agenda, index, base URL, their Schedule


def schedule(agenda: Agenda, index: Index, base_url: str) -> Schedule:
    """The schedule both files encode; made once for a build's agenda (compared by
    identity: model records are never changed once made)."""
    cached_agenda, cached_index, cached_base, cached = _last
    if cached_agenda is agenda and cached_index is index and cached_base == base_url:
        return cached
    _last[:] = [agenda, index, base_url, _schedule(agenda, index, base_url)]
    return _last[3]


def _schedule(agenda: Agenda, index: Index, base_url: str) -> Schedule:
    rooms = event_rooms(agenda)
    positions = {item.id: n for n, (_, item) in enumerate(agenda.items(), start=1)}
    persons = _person_table(agenda, index, base_url)
    days = []
    for number, day in enumerate(agenda.days, start=1):
        events = [_event(agenda, index, base_url, day, item, positions[item.id],
                         rooms[item.id], persons)
                  for item in day.items if item.has_page]
        by_room: dict[str, list[Event]] = {}
        for event in events:
            by_room.setdefault(event.room, []).append(event)
        start, end = _day_window(agenda, day)
        days.append(ScheduleDay(number, day.date, start, end, tuple(
            (name, tuple(by_room[name])) for name in _room_order(agenda, by_room))))
    all_events = [event for day in days for _, events in day.rooms for event in events]
    tracks = tuple(dict.fromkeys(e.track for e in all_events if e.track))
    used_rooms = tuple(_room_order(agenda, dict.fromkeys(e.room for e in all_events)))
    meeting = agenda.meeting
    version = hashlib.sha1(repr((meeting.title, meeting.subtitle, meeting.start, meeting.end,
                                 meeting.timezone, base_url, tuple(days))).encode()
                           ).hexdigest()[:12]
    return Schedule(acronym(meeting.id), _timeslot(agenda), used_rooms, tracks,
                    tuple(days), version)


def event_rooms(agenda: Agenda) -> dict[str, str]:
    """The room of every item with a page, by item id: its own, else a virtual room.

    Items without a room take the first virtual room free at their start, day by day,
    so items that run at the same time never share one and the rest keep the first."""
    meeting = agenda.meeting
    taken = {room.name for room in meeting.rooms}
    rooms: dict[str, str] = {}
    for day in agenda.days:
        lanes: list[Item] = []  # the last item of each virtual room so far
        for item in sorted((i for i in day.items if i.has_page), key=lambda i: (i.start, i.end)):
            if item.room:
                rooms[item.id] = meeting.room_name(item.room)
                continue
            lane = next((n for n, last in enumerate(lanes) if last.end <= item.start), None)
            if lane is None:
                lane = len(lanes)
                lanes.append(item)
            lanes[lane] = item
            rooms[item.id] = virtual_room(meeting, lane, taken)
    return rooms


def virtual_room(meeting: Meeting, lane: int, taken: set[str]) -> str:
    """The name of the lane-th room for items without one: the venue's name (else its
    city, else "Main"), then "..., room 2" and on, never a declared room's name."""
    base = meeting.venue.name or meeting.venue.city or FALLBACK_ROOM
    name = base if lane == 0 else f"{base}, room {lane + 1}"
    while name in taken:
        name += " (virtual)"
    return name


def _room_order(agenda: Agenda, names) -> list[str]:
    """Room names in the order of meeting.yaml's `rooms:`, so apps keep their columns
    in place from day to day; virtual rooms follow, in name order ("Hall" before
    "Hall, room 2")."""
    place = {}
    for number, room in enumerate(agenda.meeting.rooms):
        place.setdefault(room.name, number)
    return sorted(names, key=lambda name: (place.get(name, len(place)), name))


def _event(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item, number: int,
           room: str, persons: dict[tuple[str, str], Person]) -> Event:
    meeting = agenda.meeting
    start, end = event_window(agenda, day, item)
    # A renamed item keeps the guid of the id it was first published under.
    revision = history_of(agenda, index).revisions.get(item.id)
    # The formats have no status: a cancelled, postponed or moved event says so in its
    # title and description, which is what apps show.
    title = item_title(item)
    if item.status:
        title = _("{status}: {title}").format(status=status_label(item), title=title)
    text = "\n\n".join(part for part in (status_sentence(item, index),
                                         event_description(item, index)) if part)
    return Event(
        id=number, guid=guid(meeting, "item", revision.uid_id if revision else item.id),
        item_id=item.id, slug=slug(f"{acronym(meeting.id)}-{item.id}"),
        start=start, end=end, room=room, title=title,
        subtitle=item.subtitle, track=track(meeting, item), type=kind_label(item).lower(),
        language=meeting.language, abstract=abstract(item),
        url=public_item_url(base_url, item, index), description=text,
        persons=tuple(persons[_person_key(ref)] for ref in distinct_refs(item)),
        links=tuple(links(agenda, index, base_url, item)))


def abstract(item: Item) -> str:
    """What the item is about, in short: its description (Markdown), else its main question."""
    return item.description.strip() or item.main_question


def event_description(item: Item, index: Index) -> str:
    """The rest, as plain text: people by role, questions, audience, and the item's note
    (its Markdown source). The subtitle and abstract have fields of their own."""
    rest = description(dataclasses.replace(item, subtitle="", description=""), index)
    note = index.note_of_item.get(item.id)
    return "\n\n".join(part for part in (rest, note.body.strip() if note else "") if part)


def track(meeting: Meeting, item: Item) -> str:
    """The item's first theme, else its first group: what apps filter and colour by."""
    for taxonomy, ids in ((meeting.themes, item.themes), (meeting.groups, item.groups)):
        term = taxonomy.get(ids[0]) if ids else None
        if term:
            return term.short or term_label(taxonomy, term)
    return ""


# The JSON format's kinds of link (its Reference type) for each kind of material.
LINK_TYPES = {"slides": "slides", "paper": "paper", "report": "paper", "recording": "media",
              "minutes": "article", "data": "related", "other": "related"}


def links(agenda: Agenda, index: Index, base_url: str, item: Item) -> list[Link]:
    """The item's page (with a base URL), its join link (site/participation.py) and its
    materials; the formats want absolute addresses, so a material given as a path from
    the site root is listed only with a base URL."""
    found = []
    page = public_item_url(base_url, item, index)
    if page:
        found.append(Link(page, _("Session page")))
    joining = participation(agenda.meeting, item)
    if joining.url:
        platform = f" ({joining.platform})" if joining.platform else ""
        found.append(Link(joining.url, _("Join online") + platform))
    for material in item.materials:
        url = absolute_url(base_url, material.url)
        if url:
            found.append(Link(url, material.title, LINK_TYPES[material.kind]))
    return found


def _person_key(ref) -> tuple[str, str]:
    return ("person", ref.person) if ref.person else ("organisation", ref.organisation)


def _person_table(agenda: Agenda, index: Index, base_url: str) -> dict[tuple[str, str], Person]:
    """Every person and organisation that can appear, with stable integer ids."""
    meeting = agenda.meeting
    table = {}
    for number, person in enumerate(agenda.people, start=1):
        url = urls.public_url(base_url, urls.person_path(person)) if base_url else ""
        avatar = (urls.public_url(base_url, published_path(person.photo))
                  if base_url and person.photo and person.photo.digest else "")
        table[("person", person.id)] = Person(number, guid(meeting, "person", person.id),
                                              person.name, url, person.bio, avatar)
    for number, org in enumerate(agenda.organisations, start=len(agenda.people) + 1):
        table[("organisation", org.id)] = Person(
            number, guid(meeting, "person", f"organisation:{org.id}"), org.name, "")
    return table


def _day_window(agenda: Agenda, day: Day) -> tuple[datetime, datetime]:
    if not day.items:
        return (agenda.local_datetime(day, datetime.min.time()),
                agenda.local_datetime(day, datetime.max.time().replace(microsecond=0)))
    return (agenda.local_datetime(day, day.starts_at), agenda.local_datetime(day, day.ends_at))


def _timeslot(agenda: Agenda) -> str:
    """The largest slot every start and end falls on, e.g. 00:10."""
    step = 60
    for _day, item in agenda.items():
        for moment in (item.start, item.end):
            step = gcd(step, moment.hour * 60 + moment.minute) or step
    return f"00:{step:02d}" if step < 60 else "01:00"

