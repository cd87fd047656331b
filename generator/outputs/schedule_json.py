"""schedule.json in the c3voc/frab format that schedule apps read (Giggity,
ConfClerk, EventFahrplan). Validated in tests against the format's JSON schema.

Only items with a page of their own are events; breaks and meals are left out,
as in the calendars of single sessions. Without a base URL there is no public
address, so event `url`s are `urn:uuid:` names (valid, not clickable): build
with `--base-url` for links that apps can open.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from math import gcd

from .. import __version__
from ..site import urls
from ..site.describe import (description, distinct_refs, guid, json_bytes, kind_label,
                       public_item_url, ref_name, window)
from ..site.history import history_of
from ..site.present import item_title
from ..site.status import STATUS_LABELS, status_sentence
from ..content.model import Agenda, Day, Item
from ..site.planned import Generated
from ..content.relations import Index

PATH = "schedule.json"
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
FALLBACK_ROOM = "Main"


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: schedule.json at the root of the site."""
    return [Generated(PATH, agenda.meeting.source,
                      lambda: schedule(agenda, index, base_url), json_bytes,
                      from_schedule=True)]


def acronym(meeting_id: str) -> str:
    """The meeting id in the schema's acronym alphabet: egims-2022 -> egims_2022."""
    name = re.sub(r"[^a-z0-9_]", "_", meeting_id.lower())
    return name.ljust(4, "_")


def schedule(agenda: Agenda, index: Index, base_url: str) -> dict:
    meeting = agenda.meeting
    # The format's deprecated integer id: the item's 1-based place in the schedule.
    positions = {item.id: n for n, (_, item) in enumerate(agenda.items(), start=1)}
    days = [_day(agenda, index, base_url, positions, number, day)
            for number, day in enumerate(agenda.days, start=1)]
    conference = {
        "acronym": acronym(meeting.id),
        "title": meeting.title,
        "start": meeting.start.isoformat(),
        "end": meeting.end.isoformat(),
        "daysCount": len(agenda.days),
        "timeslot_duration": _timeslot(agenda),
        "time_zone_name": meeting.timezone,
        "rooms": [{"name": name, "guid": guid(meeting, "room", name)}
                  for name in _room_names(agenda)],
        "tracks": [{"name": name, "slug": _slug(name)} for name in _track_names(agenda)],
        "days": days,
    }
    if meeting.subtitle:
        conference["description"] = meeting.subtitle
    if base_url:
        conference["url"] = urls.public_url(base_url, urls.HOME)
    # The version changes exactly when the schedule does, so apps know to refresh.
    version = hashlib.sha1(json.dumps(conference, sort_keys=True).encode()).hexdigest()[:12]
    data = {"$schema": SCHEMA_URL,
            "generator": {"name": "agenda", "version": __version__},
            "schedule": {"version": version, "conference": conference}}
    if base_url:
        data["schedule"]["base_url"] = base_url
    return data


def _day(agenda: Agenda, index: Index, base_url: str, positions: dict[str, int],
         number: int, day: Day) -> dict:
    rooms: dict[str, list] = {}
    for item in day.items:
        if item.has_page:
            event = _event(agenda, index, base_url, day, item)
            event["id"] = positions[item.id]
            rooms.setdefault(event["room"], []).append(event)
    rooms = {name: rooms[name] for name in _in_declared_order(agenda, rooms)}
    starts = [window(agenda, day, item) for item in day.items]
    return {"index": number, "date": day.date.isoformat(),
            "day_start": _iso(min(start for start, _ in starts)) if starts else
            _iso(agenda.local_datetime(day, datetime.min.time())),
            "day_end": _iso(max(end for _, end in starts)) if starts else
            _iso(agenda.local_datetime(day, datetime.max.time().replace(microsecond=0))),
            "rooms": rooms}


def _event(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item) -> dict:
    meeting = agenda.meeting
    start, end = window(agenda, day, item)
    # A renamed item keeps the guid of the id it was first published under.
    revision = history_of(agenda, index).revisions.get(item.id)
    event_guid = guid(meeting, "item", revision.uid_id if revision else item.id)
    # The format has no status: a cancelled, postponed or moved event says so in its
    # title and description, which is what apps show.
    title = item_title(item)
    if item.status:
        title = f"{STATUS_LABELS[item.status]}: {title}"
    text = "\n\n".join(part for part in (status_sentence(item, index), description(item, index))
                        if part)
    url = public_item_url(base_url, item, index)
    minutes = int(agenda.elapsed(day, item).total_seconds()) // 60
    return {
        "guid": event_guid,
        "date": _iso(start),
        "start": start.strftime("%H:%M"),
        "end": _iso(end),
        "duration": f"{minutes // 60:02d}:{minutes % 60:02d}",
        "room": _event_room(agenda, item),
        "slug": _slug(f"{acronym(meeting.id)}-{item.id}"),
        "url": url or f"urn:uuid:{event_guid}",
        "title": title,
        "subtitle": item.subtitle or None,
        "track": _track(agenda, item),
        "type": kind_label(item).lower(),
        "language": meeting.language,
        "abstract": item.main_question or None,
        "description": text or None,
        "persons": _persons(agenda, index, item, base_url),
        "links": [],
    }


def _persons(agenda: Agenda, index: Index, item: Item, base_url: str) -> list[dict]:
    """Everyone with a role in the item, once each, in the order of the page."""
    persons = []
    for ref in distinct_refs(item):
        key = ref.person or f"organisation:{ref.organisation}"
        person = {"name": ref_name(ref, index), "guid": guid(agenda.meeting, "person", key)}
        if base_url and ref.person in index.people:
            person["url"] = urls.public_url(base_url, urls.person_path(index.people[ref.person]))
        persons.append(person)
    return persons


def _event_room(agenda: Agenda, item: Item) -> str:
    if item.room:
        return agenda.meeting.room_name(item.room)
    venue = agenda.meeting.venue
    return venue.name or venue.city or FALLBACK_ROOM


def _room_names(agenda: Agenda) -> list[str]:
    names = {_event_room(agenda, item): None for _, item in agenda.items() if item.has_page}
    return _in_declared_order(agenda, names)


def _in_declared_order(agenda: Agenda, names) -> list[str]:
    """Room names in the order of meeting.yaml's `rooms:`, so apps keep their columns
    stable from day to day; names of no declared room (the venue, for items without
    a room) follow, in the order given."""
    place: dict[str, int] = {}
    for number, room in enumerate(agenda.meeting.rooms):
        place.setdefault(room.name, number)
    return sorted(names, key=lambda name: place.get(name, len(place)))


def _track(agenda: Agenda, item: Item) -> str | None:
    """The item's first group, else its first theme (what apps colour by)."""
    meeting = agenda.meeting
    for taxonomy, ids in ((meeting.groups, item.groups), (meeting.themes, item.themes)):
        term = taxonomy.get(ids[0]) if ids else None
        if term:
            return term.short or term.title
    return None


def _track_names(agenda: Agenda) -> list[str]:
    names = {_track(agenda, item): None for _, item in agenda.items() if item.has_page}
    return [name for name in names if name]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_")
    return slug if len(slug) > 1 else f"{slug}0"


def _timeslot(agenda: Agenda) -> str:
    """The largest slot every start and end falls on, e.g. 00:10."""
    step = 60
    for _, item in agenda.items():
        for moment in (item.start, item.end):
            step = gcd(step, moment.hour * 60 + moment.minute) or step
    return f"00:{step:02d}" if step < 60 else "01:00"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
