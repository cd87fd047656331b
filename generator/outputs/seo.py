"""Link previews and search engines: schema.org JSON-LD and printable QR codes.

JSON-LD is built here as a dict and written by templates through `json_ld`,
which escapes `<`, `>` and `&` so text can never close the script element.
QR codes are SVG files made at build time (segno), only when a base URL is
configured: without one a page has no public address to point at.
"""
from __future__ import annotations

import io
import json
import posixpath
from functools import partial

import segno
from markupsafe import Markup

from ..site import urls
from ..site.describe import (distinct_refs, meets_in_person, meets_online, public_item_url,
                       ref_name, venue_text, window)
from ..site.participation import participation
from ..site.present import item_title
from ..site.status import event_window
from ..content.model import Agenda, Day, Item
from ..site.planned import Generated
from ..content.relations import Index
from . import previews

QR_FILE = "qr-code.svg"
QR_SCALE = 4
SCHEMA = "https://schema.org/"
ITEM_EVENT_STATUS = {"cancelled": "EventCancelled", "postponed": "EventPostponed",
                     "moved": "EventRescheduled"}


def json_ld(data: dict) -> Markup:
    """JSON safe inside <script type="application/ld+json"> (no `</`, no `<!--`).

    Compact: read by machines, and unindented JSON is encoded by the C encoder,
    several times faster on every session page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def event_jsonld(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item) -> dict:
    """A schema.org Event for a session page (what search engines show as an event)."""
    meeting = agenda.meeting
    start, end = event_window(agenda, day, item)  # a move to a new time: the new one
    in_person, online = meets_in_person(meeting, item), meets_online(meeting, item)
    mode = ("Mixed" if in_person and online else "Online" if online else "Offline")
    event = {
        "@context": "https://schema.org", "@type": "Event",
        "name": item_title(item),
        "startDate": start.isoformat(timespec="minutes"),
        "endDate": end.isoformat(timespec="minutes"),
        # schema.org has no "tentative" status: tentative items stay EventScheduled,
        # and the page itself says "to be confirmed".
        "eventStatus": SCHEMA + ("EventCancelled" if meeting.status == "cancelled"
                                 else ITEM_EVENT_STATUS.get(item.status, "EventScheduled")),
        "eventAttendanceMode": f"{SCHEMA}{mode}EventAttendanceMode",
        "location": _locations(agenda, base_url, item, in_person, online),
        "organizer": [_organisation(index, org_id) for org_id in meeting.organisers
                      if org_id in index.organisations],
        "performer": _performers(index, item),
        "inLanguage": meeting.language,
        "superEvent": _meeting_event(agenda, base_url),
    }
    description = item.subtitle or item.main_question or item.description.strip()
    if description:
        event["description"] = description
    url = public_item_url(base_url, item, index)
    if url:
        event["url"] = url
    slot = window(agenda, day, item)[0]
    if start != slot:
        event["previousStartDate"] = slot.isoformat(timespec="minutes")
    return event


def meeting_jsonld(agenda: Agenda, index: Index, base_url: str) -> dict:
    """A schema.org Event for the whole meeting (the home page), its sessions as
    `subEvent`s. Times are the first item's start and the last one's end."""
    meeting = agenda.meeting
    event = {"@context": "https://schema.org"} | _meeting_event(agenda, base_url)
    timed = [day for day in agenda.days if day.items]
    if timed:  # else the dates alone, from _meeting_event
        first, last = timed[0], timed[-1]
        event["startDate"] = agenda.local_datetime(first, first.starts_at).isoformat(
            timespec="minutes")
        event["endDate"] = agenda.local_datetime(last, last.ends_at).isoformat(timespec="minutes")
    in_person, online = bool(venue_text(meeting)), meeting.online is not None
    mode = "Mixed" if in_person and online else "Online" if online else "Offline"
    event.update({
        "eventStatus": SCHEMA + ("EventCancelled" if meeting.status == "cancelled"
                                 else "EventScheduled"),
        "eventAttendanceMode": f"{SCHEMA}{mode}EventAttendanceMode",
        "location": _meeting_locations(agenda, base_url, in_person, online),
        "organizer": [_organisation(index, org_id) for org_id in meeting.organisers
                      if org_id in index.organisations],
        "inLanguage": meeting.language,
        "description": previews.description(agenda, index),
        "subEvent": [_sub_event(agenda, index, base_url, day, item)
                     for day, item in agenda.items() if item.has_page],
    })
    if base_url:
        event["image"] = urls.public_url(base_url, previews.image_path())
    return event


def _sub_event(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item) -> dict:
    """A session inside the meeting's Event: what its own page says, less what the
    meeting already says (context, organiser, the meeting as superEvent)."""
    event = event_jsonld(agenda, index, base_url, day, item)
    for key in ("@context", "superEvent", "organizer", "inLanguage"):
        event.pop(key, None)
    return event


def _meeting_locations(agenda: Agenda, base_url: str, in_person: bool,
                       online: bool) -> list[dict]:
    meeting = agenda.meeting
    places = []
    if in_person:
        places.append({"@type": "Place", "name": meeting.venue.name or venue_text(meeting),
                       "address": _address(meeting)})
    if online:
        virtual = {"@type": "VirtualLocation",
                   "name": meeting.online.platform or meeting.online.note or "Online"}
        link = meeting.online.url or (urls.public_url(base_url, urls.HOME) if base_url else "")
        if link:
            virtual["url"] = link
        places.append(virtual)
    return places


def _address(meeting) -> dict:
    venue = meeting.venue
    address = {"@type": "PostalAddress"}
    address.update({key: value for key, value in (
        ("streetAddress", venue.address), ("addressLocality", venue.city),
        ("addressCountry", venue.country)) if value})
    return address


def _meeting_event(agenda: Agenda, base_url: str) -> dict:
    meeting = agenda.meeting
    event = {"@type": "Event", "name": meeting.title,
             "startDate": meeting.start.isoformat(), "endDate": meeting.end.isoformat()}
    if base_url:
        event["url"] = urls.public_url(base_url, urls.HOME)
    return event


def _locations(agenda: Agenda, base_url: str, item: Item, in_person: bool,
               online: bool) -> list[dict]:
    meeting = agenda.meeting
    places = []
    if in_person:
        venue = meeting.venue
        name = ", ".join(p for p in (meeting.room_name(item.room), venue.name or venue.city) if p)
        places.append({"@type": "Place", "name": name or venue_text(meeting),
                       "address": _address(meeting)})
    if online:
        joining = participation(meeting, item)
        virtual = {"@type": "VirtualLocation", "name": joining.platform or "Online"}
        if joining.url:  # where to join, never the page itself
            virtual["url"] = joining.url
        places.append(virtual)
    return places


def _organisation(index: Index, org_id: str) -> dict:
    org = index.organisations[org_id]
    data = {"@type": "Organization", "name": org.name}
    if org.url:
        data["url"] = org.url
    return data


def _performers(index: Index, item: Item) -> list[dict]:
    """Everyone with a role, once each: people with their organisation, or organisations.
    Those still to be confirmed are left out: search engines show performers as facts."""
    performers = []
    for ref in distinct_refs(item):
        if ref.tbc:
            continue
        person = index.people.get(ref.person)
        if person is None:
            performers.append({"@type": "Organization", "name": ref_name(ref, index)})
            continue
        data = {"@type": "Person", "name": person.name}
        org_id = ref.organisation or person.organisation
        if org_id in index.organisations:
            data["affiliation"] = _organisation(index, org_id)
        performers.append(data)
    return performers


def qr_path_of(page: str) -> str:
    """Where the QR code of a page (the home page, a day page) is written: beside it."""
    folder = posixpath.dirname(page)
    return f"{folder}/{QR_FILE}" if folder else QR_FILE


def qr_outputs(agenda: Agenda, index: Index, base_url: str) -> list[Generated]:
    """The `plan_site` extra: a QR code SVG for the home page and each day page."""
    if not base_url:
        return []
    targets = [(urls.HOME, agenda.meeting.source)]
    targets += [(urls.day_path(day), day.source) for day in agenda.days]
    return [Generated(qr_path_of(page), origin,
                      partial(urls.public_url, base_url, page), _qr_svg, from_schedule=True)
            for page, origin in targets]


def _qr(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def qr_size(url: str) -> tuple[int, int]:
    """The pixel width and height of the QR code of `url`."""
    return _qr(url).symbol_size(scale=QR_SCALE)


def _qr_svg(url: str) -> bytes:
    buffer = io.BytesIO()
    _qr(url).save(buffer, kind="svg", scale=QR_SCALE, border=4, light="#fff",
                  title=f"QR code: {url}", xmldecl=True)
    return buffer.getvalue()
