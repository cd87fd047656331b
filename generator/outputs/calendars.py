"""iCalendar (RFC 5545) files: the whole meeting, each day and each session.

Built with the `icalendar` library, which escapes text and folds lines. Times
carry TZID = the meeting's IANA zone with a matching VTIMEZONE; UIDs are
`<item-id>@<meeting-id>`, so importing a file again updates its events instead
of duplicating them. Nothing depends on the build time, so rebuilding an
unchanged agenda gives byte-identical files.

Breaks, meals and registration appear in the whole-meeting and day files as
free time (TRANSP:TRANSPARENT); per-session files hold just that session.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import partial
from zoneinfo import ZoneInfo

import icalendar
from icalendar.parser import Contentline, Parameters
import jinja2

from ..site.describe import (description, kind_label, location, public_item_url, sequence, stamp,
                       window)
from ..site.present import item_title
from ..content.model import Agenda, Day, Item, Meeting
from ..site.plan import Generated, whole_days
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


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: one Generated output per calendar file."""
    meeting = agenda.meeting
    name = meeting.short_title or meeting.title
    blocks = _Blocks(agenda, index, base_url)
    # `key`: what each file shows besides the meeting and people, so the dev server's
    # rebuilds make again only calendars whose items changed (incremental.py).
    files = [Generated(calendar_path(meeting), meeting.source,
                       partial(blocks.calendar, name, list(agenda.items())),
                       key=whole_days(agenda.days))]
    for day in agenda.days:
        files.append(Generated(calendar_path(meeting, day), day.source, partial(
            blocks.calendar, f"{name}: {day.name}", [(day, item) for item in day.items]),
            key=whole_days([day])))
    for day, item in agenda.items():
        if item.has_page:
            files.append(Generated(calendar_path(meeting, item), item.source, partial(
                blocks.calendar, f"{name}: {item_title(item)}", [(day, item)]),
                key=(day.date, item)))
    return files


class _Blocks:
    """Calendar files assembled from components serialised once per build.

    Each event appears in three files (the meeting's, its day's, its own); the
    icalendar library turns every component into its own folded lines, and a
    calendar's bytes are its header lines, its components' bytes in order and
    END:VCALENDAR, so each VEVENT and VTIMEZONE is serialised once and reused,
    and so are the header lines all files share (all but the calendar's name).
    """

    def __init__(self, agenda: Agenda, index: Index, base_url: str) -> None:
        self.agenda, self.index, self.base_url = agenda, index, base_url
        self._events: dict[str, bytes] = {}
        self._zones: dict[tuple[date, date], bytes] = {}
        self._head = _header_parts(agenda.meeting, base_url)

    def calendar(self, name: str, entries: list[tuple[Day, Item]]) -> bytes:
        before, after = self._head
        parts = [before, _name_lines(name), after]
        if entries:
            parts.append(self._zone(entries[0][0].date, entries[-1][0].date))
        parts.extend(self._event(day, item) for day, item in entries)
        parts.append(_END)
        return b"".join(parts)

    def _zone(self, first: date, last: date) -> bytes:
        block = self._zones.get((first, last))
        if block is None:
            block = zone_component(self.agenda.meeting.timezone, first, last).to_ical()
            self._zones[first, last] = block
        return block

    def _event(self, day: Day, item: Item) -> bytes:
        key = f"{day.date}/{item.id}"
        block = self._events.get(key)
        if block is None:
            block = _event(self.agenda, self.index, self.base_url, day, item).to_ical()
            self._events[key] = block
        return block


_END = b"END:VCALENDAR\r\n"


def _header_parts(meeting: Meeting, base_url: str) -> tuple[bytes, bytes]:
    """BEGIN:VCALENDAR and the calendar properties every file of the meeting has,
    as the lines before and after its name lines."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    before = _without_end(calendar.to_ical())
    if meeting.subtitle or meeting.title:
        before += _text_lines(("X-WR-CALDESC",), meeting.subtitle or meeting.title)
    calendar = icalendar.Calendar()
    calendar.add("x-wr-timezone", meeting.timezone)
    if base_url:
        calendar.add("url", public_url(base_url, HOME))
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
    assert whole.endswith(_END), "icalendar ends every calendar with END:VCALENDAR"
    return whole[:-len(_END)]


def _properties_only(calendar: icalendar.Calendar) -> bytes:
    """A calendar's folded property lines, without its BEGIN and END lines."""
    lines = _without_end(calendar.to_ical())
    assert lines.startswith(_BEGIN), "icalendar starts every calendar with BEGIN:VCALENDAR"
    return lines[len(_BEGIN):]


def _event(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item):
    meeting = agenda.meeting
    start, end = window(agenda, day, item)
    url = public_item_url(base_url, item, index)
    event = icalendar.Event()
    event.add("uid", f"{item.id}@{meeting.id}")
    event.add("dtstamp", stamp(meeting))
    if meeting.updated:
        event.add("last-modified", stamp(meeting))
    event.add("sequence", sequence(meeting))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", item_title(item))
    text = description(item, index, url)
    if text:
        event.add("description", text)
    place = location(meeting, item)
    if place:
        event.add("location", place)
    if url:
        event.add("url", url)
    event.add("status", status(meeting, item))
    event.add("categories", [kind_label(item)])
    event.add("transp", "OPAQUE" if item.has_page else "TRANSPARENT")
    return event


def status(meeting: Meeting, item: Item) -> str:
    """CANCELLED with the meeting; TENTATIVE while the item or the agenda is not final."""
    if meeting.status == "cancelled":
        return "CANCELLED"
    if item.tbc or meeting.status in ("draft", "tentative"):
        return "TENTATIVE"
    return "CONFIRMED"


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


@jinja2.pass_context
def _calendar_link(context, target=None) -> str:
    return calendar_path(context["meeting"], target)


def helpers() -> dict:
    """Template globals: calendar_path(day|item|None) -> output path of its .ics."""
    return {"calendar_path": _calendar_link}
