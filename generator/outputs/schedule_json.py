"""schedule.json in the c3voc JSON format (the JSON form of frab's schedule).
Validated in tests against the format's JSON schema. What it says is shared with
schedule.xml (frab.py): rooms, tracks, abstracts, persons and links.

Without a base URL there is no public address, so event `url`s are `urn:uuid:`
names (valid, not clickable): build with `--base-url` for links apps can open.
"""
from __future__ import annotations

from datetime import datetime

from .. import __version__
from ..content.model import Agenda
from ..content.relations import Index
from ..site import urls
from ..site.describe import guid, json_bytes
from ..site.planned import Generated
from . import frab

PATH = "schedule.json"
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: schedule.json at the root of the site."""
    return [Generated(PATH, agenda.meeting.source,  # not from_schedule: it carries note text
                      lambda: schedule(agenda, index, base_url), json_bytes)]


def schedule(agenda: Agenda, index: Index, base_url: str) -> dict:
    meeting = agenda.meeting
    model = frab.schedule(agenda, index, base_url)
    conference = {
        "acronym": model.acronym,
        "title": meeting.title,
        "start": meeting.start.isoformat(),
        "end": meeting.end.isoformat(),
        "daysCount": len(agenda.days),
        "timeslot_duration": model.timeslot,
        "time_zone_name": meeting.timezone,
        "rooms": [{"name": name, "guid": guid(meeting, "room", name)} for name in model.rooms],
        "tracks": [{"name": name, "slug": frab.slug(name)} for name in model.tracks],
        "colors": {"primary": meeting.branding.primary},
        "days": [_day(day) for day in model.days],
    }
    if meeting.subtitle:
        conference["description"] = meeting.subtitle
    if base_url:
        conference["url"] = urls.public_url(base_url, urls.HOME)
    data = {"$schema": SCHEMA_URL,
            "generator": {"name": "agenda", "version": __version__},
            "schedule": {"version": model.version, "conference": conference}}
    if base_url:
        data["schedule"]["base_url"] = base_url
    return data


def _day(day: frab.ScheduleDay) -> dict:
    return {"index": day.index, "date": day.date.isoformat(),
            "day_start": _iso(day.start), "day_end": _iso(day.end),
            "rooms": {name: [_event(event) for event in events] for name, events in day.rooms}}


def _event(event: frab.Event) -> dict:
    return {
        "guid": event.guid,
        "id": event.id,
        "date": _iso(event.start),
        "start": event.start.strftime("%H:%M"),
        "end": _iso(event.end),
        "duration": event.duration,
        "room": event.room,
        "slug": event.slug,
        "url": event.url or f"urn:uuid:{event.guid}",
        "title": event.title,
        "subtitle": event.subtitle or None,
        "track": event.track or None,
        "type": event.type,
        "language": event.language,
        "abstract": event.abstract or None,
        "description": event.description or None,
        "persons": [_person(person) for person in event.persons],
        "links": [{"type": link.type, "url": link.url, "title": link.title}
                  for link in event.links],
    }


def _person(person: frab.Person) -> dict:
    data = {"name": person.name, "guid": person.guid}
    for key in ("url", "biography", "avatar"):
        if getattr(person, key):
            data[key] = getattr(person, key)
    return data


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
