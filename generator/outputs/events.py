"""What one calendar event shows (EventData), apart from its revision.

Split from calendars.py because publication records keep a digest of these values
(site/snapshot.py): an event's SEQUENCE and LAST-MODIFIED rise exactly when what
it shows changed between records (site/history.py). The revision fields (UID,
DTSTAMP, LAST-MODIFIED, SEQUENCE) are filled in by calendars.py.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from ..content.model import Agenda, Day, Item, Meeting
from ..content.relations import Index
from ..site.describe import description, location, public_item_url
from ..site.participation import participation
from ..i18n import _
from ..site import present
from ..site.present import item_title
from ..site.status import event_window, is_dropped, status_label, status_sentence

# The digest is taken with this base URL, so that a new page address counts as a
# change and the base URL a site is built with does not.
DIGEST_BASE_URL = "https://agenda.invalid/"


@dataclass(frozen=True)
class EventData:
    """Every value one VEVENT shows, as plain values (hashable: serialised once)."""

    uid: str
    zone: str                # the IANA zone of start and end: aware datetimes of two
    stamp: datetime | None   # zones compare equal at the same instant
    last_modified: datetime | None
    sequence: int
    start: datetime
    end: datetime
    summary: str
    description: str
    location: str
    url: str
    status: str
    category: str
    transparent: bool
    conference: str = ""     # the join link (RFC 7986 CONFERENCE), "" without one
    conference_label: str = ""


def shown_event(agenda: Agenda, index: Index, base_url: str, day: Day, item: Item) -> EventData:
    """The event's shown values; uid, stamp, last_modified and sequence are left empty."""
    meeting = agenda.meeting
    start, end = event_window(agenda, day, item)
    url = public_item_url(base_url, item, index)
    summary = item_title(item)
    if is_dropped(item, index):
        summary = _("{status}: {title}").format(status=status_label(item), title=summary)
    text = "\n\n".join(part for part in (status_sentence(item, index),
                                         description(item, index, url)) if part)
    joining = participation(meeting, item)
    # Without a public page, the event's one link is where to join.
    return EventData("", meeting.timezone, None, None, 0, start, end, summary, text,
                     location(meeting, item, with_link=True), url or joining.url,
                     status(meeting, item, index), present.kind_label(item.kind), not item.has_page,
                     joining.url, joining.platform or _("Join online"))


def event_digest(agenda: Agenda, index: Index, day: Day, item: Item) -> str:
    """A short digest of what the item's event shows (records keep it)."""
    data = shown_event(agenda, index, DIGEST_BASE_URL, day, item)
    values = [data.zone, data.start.isoformat(), data.end.isoformat(), data.summary,
              data.description, data.location, data.url, data.status, data.category,
              data.transparent, data.conference, data.conference_label]
    return hashlib.sha1(json.dumps(values, ensure_ascii=False).encode()).hexdigest()[:12]


def status(meeting: Meeting, item: Item, index: Index) -> str:
    """CANCELLED with the meeting or when the item is dropped (calendars remove it);
    TENTATIVE while the item or the agenda is not final."""
    if meeting.status == "cancelled" or is_dropped(item, index):
        return "CANCELLED"
    if item.tbc or meeting.status in ("draft", "tentative"):
        return "TENTATIVE"
    return "CONFIRMED"
