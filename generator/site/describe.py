"""Plain-text facts about items, shared by the calendar, JSON and JSON-LD outputs.

Pages show the same facts with markup (templates); these outputs need them as
text or as plain values, computed the same way everywhere.
"""
from __future__ import annotations

import json
import uuid
from datetime import date, datetime, time, timezone

from ..content.model import Agenda, Day, Item, Meeting, PersonRef
from .. import i18n
from ..i18n import _
from .present import KIND_LABELS, role_label
from ..content.relations import Index
from . import urls
from .participation import join_lines, participation
from .views.parts import person_line


def json_bytes(data: dict) -> bytes:
    """A JSON output file: UTF-8, readable indentation, a final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def distinct_refs(item: Item) -> list[PersonRef]:
    """Everyone with a role in the item, once each, in the order of the page."""
    refs, seen = [], set()
    for _role, role_refs in item.roles():
        for ref in role_refs:
            key = (ref.person, "" if ref.person else ref.organisation)
            if key not in seen:
                seen.add(key)
                refs.append(ref)
    return refs


def window(agenda: Agenda, day: Day, item: Item) -> tuple[datetime, datetime]:
    """An item's aware start and end in the meeting's zone."""
    return agenda.local_datetime(day, item.start), agenda.local_datetime(day, item.end)


def stamp(meeting: Meeting) -> datetime:
    """When the agenda last changed, in UTC: `updated`, else the first day.

    Never the build time: outputs must be identical from one build to the next.
    """
    when = meeting.updated or meeting.start
    return datetime.combine(when, time(0), tzinfo=timezone.utc)


def sequence(meeting: Meeting) -> int:
    """A revision number that grows each time organisers move `updated` forward."""
    return (meeting.updated - date(1970, 1, 1)).days if meeting.updated else 0


def guid(meeting: Meeting, kind: str, key: str) -> str:
    """A stable UUID for an item or person of this meeting (same input, same UUID)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"agenda:{meeting.id}/{kind}/{key}"))


def ref_name(ref: PersonRef, index: Index) -> str:
    """The person's name, or the organisation's when no person is named."""
    person = index.people.get(ref.person)
    if person:
        return person.name
    org = index.organisations.get(ref.organisation)
    return org.name if org else ref.person or ref.organisation


def ref_text(ref: PersonRef, index: Index) -> str:
    """e.g. 'María Isabel Cobos, UNSD (TF4), to be confirmed': the page's person line
    (views.parts.person_line) as text, an organisation speaking alone in full."""
    line = person_line(ref, index)
    text = ", ".join(part for part in (line.name or ref_name(ref, index),
                                       line.organisation if line.name else "", line.country)
                     if part)
    if ref.role:
        text += f" ({ref.role})"
    return text + (", to be confirmed" if ref.tbc else "")


def people_lines(item: Item, index: Index) -> list[str]:
    """One line per role: 'Chair: Francesca Grum, UNSD'."""
    return [f"{role_label(role, len(refs))}: " + "; ".join(ref_text(r, index) for r in refs)
            for role, refs in item.roles() if refs]


def description(item: Item, index: Index, page_url: str = "") -> str:
    """Everything a calendar entry or schedule app should say about an item."""
    # How to join comes first: it is what a participant opens the event for.
    joining = join_lines(participation(index.agenda.meeting, item))
    blocks = ["\n".join(joining), item.subtitle, item.description.strip()]
    blocks.append("\n".join(people_lines(item, index)))
    if item.main_question:
        blocks.append(f"Guiding questions:\n1. Main question: {item.main_question}")
    if item.questions:
        # Numbered as on the page: other questions follow the main one as 2, 3...
        first = 2 if item.main_question else 1
        heading = "Other questions:" if item.main_question else "Guiding questions:"
        blocks.append("\n".join([heading] + [f"{n}. {q}" for n, q in
                                             enumerate(item.questions, start=first)]))
    if item.audience != "all" and not joining:
        blocks.append(f"For {item.audience} participants only.")
    if item.tbc:
        blocks.append("To be confirmed.")
    if page_url:
        blocks.append(f"Details: {page_url}")
    return "\n\n".join(block for block in blocks if block)


def venue_text(meeting: Meeting) -> str:
    venue = meeting.venue
    return i18n.parts((venue.name, venue.address, venue.city, venue.country))


def meets_in_person(meeting: Meeting, item: Item) -> bool:
    return item.audience != "online" and bool(venue_text(meeting) or item.room)


def meets_online(meeting: Meeting, item: Item) -> bool:
    return participation(meeting, item).online


def location(meeting: Meeting, item: Item, with_link: bool = False) -> str:
    """e.g. 'Plenary hall, Hotel Example, Rabat, Morocco, and online' or 'Online';
    `with_link`: the join link follows (calendar apps make it clickable)."""
    place = ""
    if meets_in_person(meeting, item):
        place = i18n.parts((meeting.room_name(item.room), venue_text(meeting)))
    joining = participation(meeting, item)
    if joining.online:
        online = online_place(place, joining.platform)
        if with_link and joining.url:
            online += f": {joining.url}"
        return online
    return place


def online_place(place: str, platform: str = "") -> str:
    """'Rabat, Morocco, and online (Zoom)', 'Online': a place, and that one can join online."""
    if place:
        message = _("{place}, and online ({platform})") if platform else _("{place}, and online")
    else:
        message = _("Online ({platform})") if platform else _("Online")
    return message.format(place=place, platform=platform)


def kind_label(item: Item) -> str:
    return KIND_LABELS[item.kind]


def page_path(item: Item, index: Index) -> str:
    """The page that shows an item: its own, or its day's (breaks have none)."""
    if item.has_page:
        return urls.item_path(item)
    return urls.day_path(index.items[item.id][0])


def public_item_url(base_url: str, item: Item, index: Index) -> str:
    """The item's public address, or '' when no base URL is configured."""
    if not base_url:
        return ""
    url = urls.public_url(base_url, page_path(item, index))
    return url if item.has_page else f"{url}#{item.id}"

