"""A frab / c3voc / pretalx schedule (schedule.json or schedule.xml) as a Draft.

Both files describe days, rooms and events; an event has a start, a duration, a
title, a type, a track and persons by name. Events become items (the type names
the kind when it is one of ours), persons become people entries, rooms are
declared in meeting.yaml, tracks become groups named "Track". A schedule with a
single room (often just the venue) gives no `room:`; its events that overlap are
marked `parallel:`, which is how such a schedule shows sessions side by side.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ...content.model import ITEM_KINDS
from .draft import Draft, DraftItem, make_id

# An event's type names its kind when it is one of ours (agenda's own export writes
# the kind's label: "break-out groups", "item").
KINDS = {**{kind: kind for kind in ITEM_KINDS}, "break-out groups": "breakout", "item": "other"}
NUMBERED = re.compile(r"^Session (\S+): (.+)$", re.DOTALL)  # as agenda's own export titles them
CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")
TRACKS = ("Track", "Tracks", "tracks")


@dataclass
class Event:
    origin: str
    day: str
    room: str
    start: str
    duration: str
    title: str
    date: str = ""
    slug: str = ""
    subtitle: str = ""
    type: str = ""
    track: str = ""
    abstract: str = ""
    description: str = ""
    persons: list[str] = field(default_factory=list)


def read_json(path: Path) -> Draft:
    draft = Draft(path.name)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        draft.problem(path.name, f"is not a readable JSON file ({error})")
        return draft
    conference = (data.get("schedule") or {}).get("conference") if isinstance(data, dict) else None
    if not isinstance(conference, dict):
        draft.problem(path.name, "is not a frab/c3voc schedule.json: it has no "
                                 "schedule.conference")
        return draft
    _meeting(draft, conference.get)
    events = []
    for day in conference.get("days") or []:
        for room, room_events in (day.get("rooms") or {}).items():
            for event in room_events:
                events.append(_json_event(path.name, day.get("date", ""), room, event))
    _add(draft, events, str(conference.get("acronym") or ""))
    return draft


def _json_event(source: str, day: str, room: str, event: dict) -> Event:
    text = lambda key: str(event.get(key) or "").strip()  # noqa: E731 - a small accessor
    persons = [str(p.get("public_name") or p.get("full_public_name") or p.get("name") or "")
               for p in event.get("persons") or [] if isinstance(p, dict)]
    return Event(_origin(source, text("id") or text("guid"), text("title")), day,
                 text("room") or room, text("start"), text("duration"), text("title"),
                 text("date"), text("slug"), text("subtitle"), text("type"), text("track"),
                 text("abstract"), text("description"), [p.strip() for p in persons if p.strip()])


def read_xml(path: Path) -> Draft:
    draft = Draft(path.name)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        draft.problem(path.name, "is not UTF-8 text")
        return draft
    # Entities can expand a small file into a huge one; frab files never declare any.
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        draft.problem(path.name, "declares a DOCTYPE or entities, which a frab schedule.xml "
                                 "does not need; remove them")
        return draft
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        draft.problem(f"{path.name}:{error.position[0]}", f"XML syntax error: {error}")
        return draft
    conference = root.find("conference")
    if root.tag != "schedule" or conference is None:
        draft.problem(path.name, "is not a frab schedule.xml: it has no <schedule> with a "
                                 "<conference>")
        return draft
    _meeting(draft, lambda key: conference.findtext(key))
    events = [_xml_event(path.name, day.get("date", ""), room.get("name", ""), event)
              for day in root.iter("day") for room in day.iter("room")
              for event in room.iter("event")]
    _add(draft, events, conference.findtext("acronym") or "")
    return draft


def _xml_event(source: str, day: str, room: str, event) -> Event:
    text = lambda key: (event.findtext(key) or "").strip()  # noqa: E731 - a small accessor
    persons = [(person.text or "").strip() for person in event.iter("person")]
    return Event(_origin(source, event.get("id") or event.get("guid") or "", text("title")),
                 day, text("room") or room, text("start"), text("duration"), text("title"),
                 text("date"), text("slug"), text("subtitle"), text("type"), text("track"),
                 text("abstract"), text("description"), [p for p in persons if p])


def _origin(source: str, event_id: str, title: str) -> str:
    short = title if len(title) <= 40 else title[:39] + "…"
    return f"{source}: event {event_id} '{short}'" if event_id else f"{source}: event '{short}'"


def _meeting(draft: Draft, get) -> None:
    text = lambda key: str(get(key) or "").strip()  # noqa: E731 - a small accessor
    draft.meeting.update(id=make_id(text("acronym").replace("_", "-"), "meeting"),
                         title=text("title"), timezone=text("time_zone_name"), groups=TRACKS)
    if text("description") and "\n" not in text("description"):
        draft.meeting["subtitle"] = text("description")  # a one-line description


def _add(draft: Draft, events: list[Event], acronym: str) -> None:
    one_room = len({event.room for event in events}) <= 1
    taken: set[str] = set()
    for event in events:
        item = _item(draft, event, acronym, one_room, taken)
        if item is not None:
            draft.items.append(item)
    if one_room:
        _mark_parallel(draft.items)


def _item(draft: Draft, event: Event, acronym: str, one_room: bool,
          taken: set[str]) -> DraftItem | None:
    when = _day(event)
    start, length = CLOCK.match(event.start), CLOCK.match(event.duration)
    if when is None or start is None or length is None:
        draft.problem(event.origin, f"needs a date, a start (HH:MM) and a duration (HH:MM); "
                                    f"it has date '{event.date or event.day}', start "
                                    f"'{event.start}', duration '{event.duration}'")
        return None
    begin = int(start.group(1)) * 60 + int(start.group(2))
    end = begin + int(length.group(1)) * 60 + int(length.group(2))
    if end >= 24 * 60:
        draft.problem(event.origin, f"runs past midnight ({event.start} for {event.duration}); "
                                    "an item ends on the day it starts: split it in two")
        return None
    fields: dict = {}
    item_id = make_id(event.slug.removeprefix(f"{acronym}-"))
    if item_id and item_id not in taken:
        taken.add(item_id)
        fields["id"] = item_id
    numbered = NUMBERED.match(event.title)
    if numbered:
        fields["number"] = numbered.group(1)
    fields.update(kind=KINDS.get(event.type.lower(), "session"), start=_hm(begin), end=_hm(end),
                  title=numbered.group(2) if numbered else event.title)
    if event.subtitle:
        fields["subtitle"] = event.subtitle
    description = "\n\n".join(part for part in (
        event.abstract if event.abstract not in event.description else "", event.description)
        if part)
    if description:
        fields["description"] = description
    if event.persons:
        fields["speakers"] = [draft.person(name)["person"] for name in event.persons]
    if event.track:
        fields["groups"] = [draft.term("groups", event.track)]
    if event.room and not one_room:
        fields["room"] = draft.room(event.room)
    return DraftItem(event.origin, when, fields)


def _day(event: Event) -> date | None:
    for text in (event.date, event.day):
        try:
            return datetime.fromisoformat(text).date() if "T" in text else \
                date.fromisoformat(text)
        except ValueError:
            continue
    return None


def _hm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _mark_parallel(items: list[DraftItem]) -> None:
    """In a one-room schedule, items that overlap run side by side: give each group of
    them the same `parallel:` value (its first start)."""
    order = sorted(items, key=lambda i: (i.date, i.fields["start"], i.fields["end"]))
    group: list[DraftItem] = []
    for item in order + [None]:
        if item is not None and group and item.date == group[0].date and \
                item.fields["start"] < max(g.fields["end"] for g in group):
            group.append(item)
            continue
        if len(group) > 1:
            for member in group:
                member.fields["parallel"] = group[0].fields["start"].replace(":", "")
        group = [item] if item is not None else []
