"""How each item can be attended: in person, online, or both, and the join link.

Join information is given at three levels, `online:` of the meeting, of a room
and of an item; each field (url, platform, note, opens_before) comes from the
most specific level that sets it. One rule, used by pages, calendars, JSON and
JSON-LD alike:

- an in-person-only item (`audience: in-person`) never has a join link; in a
  meeting anyone joins online it says "not streamed";
- an online-only item (`audience: online`) says so, with its link if any;
- any other item is hybrid when some level has `online:` and people meet in
  person (a venue or a room), online when they do not;
- breaks and meals have nothing to join unless they set their own `online:`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from ..content.model import Item, Meeting, Online
from ..i18n import N_, _, ngettext

HYBRID, ONLINE, IN_PERSON = "hybrid", "online", "in-person"
NOTHING_TO_JOIN = frozenset({"break", "meal"})
MODE_LABELS = {HYBRID: N_("In person and online"), ONLINE: N_("Online only"),
               IN_PERSON: N_("In person only, not streamed")}


@dataclass(frozen=True)
class Participation:
    mode: str                 # HYBRID, ONLINE, IN_PERSON, or "" when there is nothing to say
    url: str = ""             # the join link ("" for in-person items and unknown links)
    platform: str = ""
    note: str = ""
    opens_before: int | None = None

    @property
    def online(self) -> bool:
        return self.mode in (HYBRID, ONLINE)

    @property
    def label(self) -> str:
        return _(MODE_LABELS[self.mode]) if self.mode in MODE_LABELS else ""


def participation(meeting: Meeting, item: Item) -> Participation:
    levels = _levels(meeting, item)
    if item.audience == "in-person":
        return Participation(IN_PERSON if _anyone_joins_online(meeting, item) else "")
    if not levels or (item.kind in NOTHING_TO_JOIN and item.online is None):
        return Participation(ONLINE if item.audience == "online" else "")
    in_person = item.audience != "online" and bool(item.room or _has_venue(meeting))
    return Participation(
        HYBRID if in_person else ONLINE,
        _first(level.url for level in levels), _first(level.platform for level in levels),
        _first(level.note for level in levels),
        next((level.opens_before for level in levels if level.opens_before is not None), None))


def _levels(meeting: Meeting, item: Item) -> tuple[Online, ...]:
    room = meeting.room(item.room) if item.room else None
    return tuple(level for level in (item.online, room.online if room else None, meeting.online)
                 if level is not None)


def _first(values) -> str:
    return next((value for value in values if value), "")


def _has_venue(meeting: Meeting) -> bool:
    venue = meeting.venue
    return any((venue.name, venue.address, venue.city, venue.country))


def _anyone_joins_online(meeting: Meeting, item: Item) -> bool:
    """Whether 'not streamed' tells the reader something: some level offers `online:`."""
    return (meeting.online is not None or any(room.online for room in meeting.rooms)
            or item.online is not None)


def opens_text(minutes: int | None) -> str:
    """e.g. 'The link opens 15 minutes before the start.'"""
    if minutes is None:
        return ""
    if minutes == 0:
        return _("The link opens at the start.")
    return ngettext("The link opens {count} minute before the start.",
                    "The link opens {count} minutes before the start.", minutes).format(count=minutes)


def join_label(p: Participation) -> str:
    """The words of a join link: 'Join online (Zoom)'."""
    return _("Join online") + (f" ({p.platform})" if p.platform else "")


def join_lines(p: Participation) -> list[str]:
    """What a calendar event or a schedule app says about joining, as text lines:
    'In person and online (Zoom).', 'Join: https://...', the note, when the link opens."""
    if not p.mode:
        return []
    lines = [p.label + (f" ({p.platform})" if p.platform and p.online else "") + "."]
    if p.url:
        lines.append(f"Join: {p.url}")
    return lines + [text for text in (p.note, opens_text(p.opens_before)) if text]


@lru_cache(maxsize=4096)
def absolute_url(base_url: str, url: str) -> str:
    """A link as an absolute address: as written when it has a scheme, else read as a
    path from the site root (with a base URL); "" when it cannot be made absolute."""
    if urlsplit(url).scheme:
        return url
    return urljoin(base_url, url.lstrip("/")) if base_url else ""


def is_site_path(url: str) -> bool:
    """A link written as a path from the site root (no scheme, no host)."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc
