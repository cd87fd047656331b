"""The data the pages' scripts read: `data/events.js` (every item's times, labels,
join link and calendar event, for "Now / Next" and "My agenda") and
`data/search.js` (each item's searchable text, for the programme page).

They are JavaScript files that assign one global each (`window.agendaEvents`,
`window.agendaSearch`), not JSON: a page opened from disk may not fetch() a
file, but it may load a script, and a file (not an inline script) keeps pages
within a `script-src 'self'` Content-Security-Policy.

The calendar part of events.js is the static calendars' own bytes: the header
lines, the VTIMEZONE and each item's VEVENT exactly as `calendars.py` writes
them, so a calendar the browser assembles from a reader's selection has the same
UIDs (and everything else) as the files on the site.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from ..content.model import Agenda, Day, Item
from ..content.relations import Index
from ..site import present, urls
from ..site.describe import page_path, ref_name, ref_text
from ..site.participation import join_label, opens_text, participation
from ..site.planned import Generated
from .calendars import END, calendar_head, event_block, event_data, zone_block

EVENTS_PATH = "data/events.js"
SEARCH_PATH = "data/search.js"
MY_AGENDA_CALENDAR = "{name}: my agenda"


@dataclass(frozen=True)
class EventsView:
    """Everything data/events.js holds: the meeting, its days and every item."""

    meeting: tuple[tuple[str, object], ...]
    days: tuple[tuple[tuple[str, object], ...], ...]
    items: tuple[tuple[tuple[str, object], ...], ...]


@dataclass(frozen=True)
class SearchView:
    """Each item's id and its searchable text (lower case, without accents)."""

    texts: tuple[tuple[str, str], ...]


def outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: both data files."""
    source = agenda.meeting.source
    return [Generated(EVENTS_PATH, source, lambda: events_view(agenda, index, base_url),
                      lambda view: _script("agendaEvents", _data(view)), from_schedule=True),
            Generated(SEARCH_PATH, source, lambda: search_view(agenda, index),
                      lambda view: _script("agendaSearch", dict(view.texts)))]


def events_view(agenda: Agenda, index: Index, base_url: str) -> EventsView:
    meeting = agenda.meeting
    name = meeting.short_title or meeting.title
    header = calendar_head(MY_AGENDA_CALENDAR.format(name=name), meeting.subtitle or meeting.title,
                           meeting.timezone,
                           urls.public_url(base_url, urls.HOME) if base_url else "")
    zone = zone_block(meeting.timezone, agenda.days[0].date, agenda.days[-1].date) \
        if agenda.days else b""
    meeting_data = (("id", meeting.id), ("title", meeting.title), ("name", name),
                    ("timezone", meeting.timezone), ("start", meeting.start.isoformat()),
                    ("end", meeting.end.isoformat()),
                    ("ics_head", header.decode()), ("ics_zone", zone.decode()),
                    ("ics_end", END.decode()),
                    ("calendar_file", f"{meeting.id}-my-agenda.ics"))
    days = tuple(_day(day) for day in agenda.days)
    items = tuple(_item(agenda, index, base_url, day, item) for day, item in agenda.items())
    return EventsView(meeting_data, days, items)


def _day(day: Day) -> tuple[tuple[str, object], ...]:
    return (("date", day.date.isoformat()), ("name", day.name), ("path", urls.day_path(day)),
            ("short_date", present.short_date(day.date)),
            ("long_date", present.long_date(day.date)))


def _item(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item):
    meeting = agenda.meeting
    event = event_data(agenda, index, base_url, day, item)
    joining = participation(meeting, item)
    path = page_path(item, index)
    return (
        ("id", item.id), ("day", day.date.isoformat()), ("label", present.item_title(item)),
        ("kind", item.kind), ("kind_label", present.kind_label(item.kind)),
        ("has_page", item.has_page),
        ("path", path if item.has_page else f"{path}#{item.id}"),
        ("start", present.iso(event.start)), ("end", present.iso(event.end)),
        ("start_text", present.hm(item.start)), ("end_text", present.hm(item.end)),
        ("room", meeting.room_name(item.room) if item.room else ""),
        ("audience", present.AUDIENCE_LABELS[item.audience]),
        ("joining", joining.mode), ("joining_label", joining.label),
        ("join_url", joining.url), ("join_text", join_label(joining)),
        ("join_note", joining.note), ("join_opens", opens_text(joining.opens_before)),
        ("opens_before", joining.opens_before or 0),
        ("ics", event_block(event).decode()),
    )


def search_view(agenda: Agenda, index: Index) -> SearchView:
    return SearchView(tuple((item.id, searchable(_item_text(agenda, index, item)))
                            for _, item in agenda.items()))


def _item_text(agenda: Agenda, index: Index, item: Item) -> str:
    """Titles, descriptions, questions, people and their organisations, and notes."""
    meeting = agenda.meeting
    parts = [present.item_title(item), item.subtitle, item.description, item.main_question,
             *item.questions, meeting.room_name(item.room) if item.room else ""]
    for _, refs in item.roles():
        for ref in refs:
            parts += [ref_text(ref, index), ref_name(ref, index)]
            org = index.organisations.get(ref.organisation or getattr(
                index.people.get(ref.person), "organisation", ""))
            if org:
                parts += [org.name, org.short]
    for taxonomy, ids in ((meeting.themes, item.themes), (meeting.groups, item.groups)):
        parts += [present.term_label(taxonomy, term) for term in map(taxonomy.get, ids) if term]
    note = index.note_of_item.get(item.id)
    if note:
        parts.append(note.body)
    parts += [material.title for material in item.materials]
    return " ".join(part for part in parts if part)


_ACCENTS = re.compile("[\u0300-\u036f]")
_MARKUP = re.compile(r"[*_`#>\[\]()|]+|\s+")


def searchable(text: str) -> str:
    """Text as the search compares it: lower case, accents and Markdown marks dropped,
    one space between words. programme.js folds the query with the very same steps."""
    plain = _ACCENTS.sub("", unicodedata.normalize("NFD", text.lower()))
    return _MARKUP.sub(" ", plain).strip()


def _data(view: EventsView) -> dict:
    return {"meeting": dict(view.meeting), "days": [dict(day) for day in view.days],
            "items": [dict(item) for item in view.items]}


def _script(name: str, data: dict) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # JSON is JavaScript, but for two line separators older engines reject in strings.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name} = {text};\n".encode("utf-8")
