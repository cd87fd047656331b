"""iCalendar (RFC 5545) files: the whole meeting, each day and each session.

Built with the `icalendar` library, which escapes text and folds lines. Times
carry TZID = the meeting's IANA zone with a matching VTIMEZONE; UIDs are
`<item-id>@<meeting-id>` (the id an item was first published under), so importing
a file again updates its events instead of duplicating them. An event's shown
values come from events.py; its DTSTAMP, LAST-MODIFIED and SEQUENCE from the
publication records (site/history.py): they move exactly when what the event
shows changed. Nothing depends on the build time, so rebuilding an unchanged
agenda gives byte-identical files.

Breaks, meals and registration appear in the whole-meeting and day files as
free time (TRANSP:TRANSPARENT); per-session files hold just that session.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import partial
from zoneinfo import ZoneInfo

import icalendar
from icalendar.parser import Contentline, Parameters

from ..site.describe import sequence, stamp
from ..site.history import history_of
from ..site.present import item_title
from ..content.model import Agenda, Day, Item, Meeting
from .events import EventData, shown_event
from ..site.planned import Generated
from ..content.relations import Index
from ..site.urls import public_url, HOME

PRODID = "-//agenda//agenda site generator//EN"


def calendar_path(meeting: Meeting, target=None) -> str:
    """The .ics file of the whole meeting (target None), a day or an item."""
    if isinstance(target, Day):
        day = target.date.isoformat()
        return f"days/{day}/{meeting.id}-{day}.ics"
    if isinstance(target, Item):
        return f"sessions/{target.id}/{meeting.id}-{target.id}.ics"
    return f"{meeting.id}.ics"


@dataclass(frozen=True)
class CalendarView:
    """A calendar file's view: its header values, zone span and events."""

    name: str
    description: str         # X-WR-CALDESC
    timezone: str
    home: str                # the site's public address, or ""
    first: date | None       # the zone span to describe; None without events
    last: date | None
    events: tuple[EventData, ...]


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: one Generated output per calendar file."""
    meeting = agenda.meeting
    name = meeting.short_title or meeting.title
    events = _Events(agenda, index, base_url)
    files = [Generated(calendar_path(meeting), meeting.source,
                       partial(events.view, name, list(agenda.items())), calendar_bytes,
                       from_schedule=True)]
    for day in agenda.days:
        files.append(Generated(calendar_path(meeting, day), day.source, partial(
            events.view, f"{name}: {day.name}", [(day, item) for item in day.items]),
            calendar_bytes, from_schedule=True))
    for day, item in agenda.items():
        if item.has_page:
            files.append(Generated(calendar_path(meeting, item), item.source, partial(
                events.view, f"{name}: {item_title(item)}", [(day, item)]), calendar_bytes,
                from_schedule=True))
    return files


class _Events:
    """Each item's EventData, made once per build: an event is in three files."""

    def __init__(self, agenda: Agenda, index: Index, base_url: str) -> None:
        self.agenda, self.index, self.base_url = agenda, index, base_url
        self._made: dict[str, EventData] = {}

    def view(self, name: str, entries: list[tuple[Day, Item]]) -> CalendarView:
        meeting = self.agenda.meeting
        return CalendarView(
            name, meeting.subtitle or meeting.title, meeting.timezone,
            public_url(self.base_url, HOME) if self.base_url else "",
            entries[0][0].date if entries else None, entries[-1][0].date if entries else None,
            tuple(self._event(day, item) for day, item in entries))

    def _event(self, day: Day, item: Item) -> EventData:
        key = f"{day.date}/{item.id}"
        data = self._made.get(key)
        if data is None:
            data = event_data(self.agenda, self.index, self.base_url, day, item)
            self._made[key] = data
        return data


def calendar_bytes(view: CalendarView) -> bytes:
    """The file: header lines, a VTIMEZONE, the events, END:VCALENDAR.

    The icalendar library turns every component into its own folded lines, so each
    VEVENT, VTIMEZONE and the shared header lines are serialised once (cached by
    their values, which is exact) and joined."""
    parts = [calendar_head(view.name, view.description, view.timezone, view.home)]
    if view.events:
        parts.append(zone_block(view.timezone, view.first, view.last))
    parts.extend(map(event_block, view.events))
    parts.append(END)
    return b"".join(parts)


def calendar_head(name: str, description: str, zone_name: str, home: str) -> bytes:
    """BEGIN:VCALENDAR and the calendar's properties, as every file of the meeting has them."""
    before, after = _header_parts(description, zone_name, home)
    return before + _name_lines(name) + after


@functools.lru_cache(maxsize=64)
def zone_block(zone_name: str, first: date, last: date) -> bytes:
    return zone_component(zone_name, first, last).to_ical()


@functools.lru_cache(maxsize=1 << 15)
def event_block(data: EventData) -> bytes:
    return _event(data).to_ical()


END = b"END:VCALENDAR\r\n"


@functools.lru_cache(maxsize=16)
def _header_parts(description: str, zone_name: str, home: str) -> tuple[bytes, bytes]:
    """BEGIN:VCALENDAR and the calendar properties every file of the meeting has,
    as the lines before and after its name lines."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    before = _without_end(calendar.to_ical())
    if description:
        before += _text_lines(("X-WR-CALDESC",), description)
    calendar = icalendar.Calendar()
    calendar.add("x-wr-timezone", zone_name)
    if home:
        calendar.add("url", home)
    calendar.add("refresh-interval", icalendar.vDuration(timedelta(days=1)),
                 parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    return before, _properties_only(calendar)


def _name_lines(name: str) -> bytes:
    # NAME is RFC 7986; X-WR-* are what Apple, Google and Outlook read for subscriptions.
    return _text_lines(("NAME", "X-WR-CALNAME"), name)


def _text_lines(properties: tuple[str, ...], text: str) -> bytes:
    """Properties with a TEXT value, escaped and folded by icalendar's content-line
    code. icalendar types NAME and X-WR-* as unknown and would write them raw
    (commas unescaped, a line break breaking the file); this is also cheaper than
    a Calendar object per file."""
    value = icalendar.vText(text)
    return b"".join(Contentline.from_parts(prop, Parameters(), value).to_ical() + b"\r\n"
                    for prop in properties)


_BEGIN = b"BEGIN:VCALENDAR\r\n"


def _without_end(whole: bytes) -> bytes:
    assert whole.endswith(END), "icalendar ends every calendar with END:VCALENDAR"
    return whole[:-len(END)]


def _properties_only(calendar: icalendar.Calendar) -> bytes:
    """A calendar's folded property lines, without its BEGIN and END lines."""
    lines = _without_end(calendar.to_ical())
    assert lines.startswith(_BEGIN), "icalendar starts every calendar with BEGIN:VCALENDAR"
    return lines[len(_BEGIN):]


def event_data(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item) -> EventData:
    """The event's shown values (events.py) and its revision: from the publication
    records when there are any (history.py), else from `updated:`."""
    meeting = agenda.meeting
    data = shown_event(agenda, index, base_url, day, item)
    revision = history_of(agenda, index).revisions.get(item.id)
    if revision is None:
        return dataclasses.replace(
            data, uid=f"{item.id}@{meeting.id}", stamp=stamp(meeting),
            last_modified=stamp(meeting) if meeting.updated else None,
            sequence=sequence(meeting))
    modified = datetime.combine(revision.modified, time(0), tzinfo=timezone.utc)
    return dataclasses.replace(data, uid=f"{revision.uid_id}@{meeting.id}", stamp=modified,
                               last_modified=modified, sequence=revision.sequence)


def _event(data: EventData) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", data.uid)
    event.add("dtstamp", data.stamp)
    if data.last_modified:
        event.add("last-modified", data.last_modified)
    event.add("sequence", data.sequence)
    event.add("dtstart", data.start)
    event.add("dtend", data.end)
    event.add("summary", data.summary)
    if data.description:
        event.add("description", data.description)
    if data.location:
        event.add("location", data.location)
    if data.url:
        event.add("url", data.url)
    if data.conference:
        event.add("conference", icalendar.vUri(data.conference),
                  parameters={"VALUE": "URI", "FEATURE": ["AUDIO", "VIDEO"],
                              "LABEL": data.conference_label})
    event.add("status", data.status)
    event.add("categories", [data.category])
    event.add("transp", "TRANSPARENT" if data.transparent else "OPAQUE")
    return event


def zone_component(zone_name: str, first: date, last: date) -> icalendar.Timezone:
    """A VTIMEZONE with every offset change from the day before `first` to after `last`.

    Written here rather than with icalendar's Timezone.from_tzinfo, whose search
    steps 64 days at a time and misses short excursions such as Morocco's
    Ramadan hour (icalendar 7.3: Africa/Casablanca 10 March-14 April 2024 comes
    out as +01 throughout). Scanning hour by hour over a few days is cheap.
    """
    zone = ZoneInfo(zone_name)
    moment = datetime.combine(first - timedelta(days=1), datetime.min.time(), zone)
    moment = moment.astimezone(timezone.utc)
    until = datetime.combine(last + timedelta(days=2), datetime.min.time(), zone)
    component = icalendar.Timezone()
    component.add("tzid", zone_name)
    component.add_component(_observance(moment.astimezone(zone), moment.astimezone(zone)))
    step = timedelta(hours=1)
    while moment < until:
        after = moment + step
        if after.astimezone(zone).utcoffset() != moment.astimezone(zone).utcoffset():
            change = _first_instant_of(zone, moment, after)
            component.add_component(_observance(change - timedelta(seconds=1), change))
        moment = after
    return component


def _first_instant_of(zone: ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The first UTC second with `after`'s offset (offsets change once between them)."""
    while after - before > timedelta(seconds=1):
        middle = before + (after - before) / 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(zone).utcoffset() == after.astimezone(zone).utcoffset():
            after = middle
        else:
            before = middle
    return after.astimezone(zone)


def _observance(previous: datetime, onset: datetime):
    """The observance starting at `onset`; DTSTART is wall time in the previous offset."""
    zone = onset.tzinfo
    previous = previous.astimezone(zone)
    is_daylight = bool(onset.dst())
    part = icalendar.TimezoneDaylight() if is_daylight else icalendar.TimezoneStandard()
    part.add("dtstart", (onset.astimezone(timezone.utc) + previous.utcoffset()).replace(
        tzinfo=None))
    part.add("tzoffsetfrom", previous.utcoffset())
    part.add("tzoffsetto", onset.utcoffset())
    part.add("tzname", onset.tzname())
    return part
