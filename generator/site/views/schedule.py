"""Views of the schedule pages: the overview, a day and a session."""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from ...content.model import Day, Item, Note
from ...outputs.calendars import calendar_path
from ...outputs import previews, seo
from ...i18n import _
from .. import describe, present, timeline, urls
from .frame import DateText, Frame, Meta, date_text, last_updated, make_meta
from .changes import ChangeEntry, latest_changes
from ...outputs.companion_data import EVENTS_PATH
from .parts import (DayHeading, ItemCard, Link, MarkdownText, MaterialLink, Parts, RoleGroup,
                    TermGroup, Times, material_links)

SCHEDULE_JSON = "schedule.json"
SCHEDULE_XML = "schedule.xml"
AGENDA_JSON = "agenda.json"


@dataclass(frozen=True)
class QrCode:
    path: str
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class DayCard:
    """A day on the overview: its heading, hours and sessions with pages."""

    day: DayHeading
    span: Times | None       # first start to last end; None for a day without items
    objective: MarkdownText  # Markdown
    sessions: tuple[ItemCard, ...]


@dataclass(frozen=True)
class HomeView:
    meta: Meta
    frame: Frame
    structured_data: Markup  # schema.org JSON-LD: the meeting and its sessions
    subtitle: str
    start: DateText
    end: DateText | None     # None for a one-day meeting
    venue: str
    venue_url: str
    online: str              # platform and note
    online_url: str
    has_online: bool
    status: str              # "Tentative"
    updated: DateText | None
    organisers: tuple[Link, ...]
    about: MarkdownText      # Markdown
    days: tuple[DayCard, ...]
    calendar: str
    webcal: str              # webcal:// address, only with an https base URL
    schedule_json: str
    schedule_xml: str
    agenda_json: str
    qr: QrCode | None
    browse: tuple[tuple[Link, int], ...]
    events_data: str = EVENTS_PATH   # data/events.js, read by the Now / Next panel
    programme: str = urls.PROGRAMME
    latest_changes: tuple[ChangeEntry, ...] = ()  # the three latest, newest first
    changes: str = ""        # the "What changed" page, "" before the first publication


@dataclass(frozen=True)
class Lane:
    room: str
    items: tuple[ItemCard, ...]


@dataclass(frozen=True)
class Row:
    parallel: bool
    label: str               # "2 items at the same time"; "" for a single item
    lanes: tuple[Lane, ...]


@dataclass(frozen=True)
class DayView:
    meta: Meta
    frame: Frame
    day: DayHeading
    calendar: str
    objective: MarkdownText  # Markdown
    rows: tuple[Row, ...]
    qr: QrCode | None
    previous: Link | None
    next: Link | None


@dataclass(frozen=True)
class SessionView:
    meta: Meta
    frame: Frame
    item: ItemCard
    crumb: str               # "Session 3", or the title of an unnumbered item
    structured_data: Markup  # schema.org JSON-LD
    day_link: str            # the item's place on its day page
    duration: str
    calendar: str
    where: str
    terms: tuple[TermGroup, ...]
    continues: Link | None
    continued_by: tuple[Link, ...]
    description: MarkdownText  # Markdown
    main_question: str
    questions: tuple[str, ...]
    roles: tuple[RoleGroup, ...]
    note: MarkdownText       # Markdown
    concurrent: tuple[ItemCard, ...]
    previous: Link | None
    next: Link | None
    materials: tuple[MaterialLink, ...] = ()


def home_view(parts: Parts, frame: Frame, base_url: str) -> HomeView:
    agenda, index, meeting = parts.agenda, parts.index, parts.meeting
    venue = meeting.venue
    online = meeting.online
    calendar = calendar_path(meeting)
    public_calendar = urls.public_url(base_url, calendar)
    browse = [(Link(urls.taxonomy_path(t), t.plural), len(t.terms))
              for t in (meeting.themes, meeting.groups) if t.terms]
    browse += [(Link(urls.PEOPLE, _("People")), len(agenda.people)),
               (Link(urls.ORGANISATIONS, _("Organisations")), len(agenda.organisations))]
    return HomeView(
        make_meta(frame, urls.HOME, meeting.title,
                  preview=previews.link_preview(agenda, index, base_url)),
        frame, seo.json_ld(seo.meeting_jsonld(agenda, index, base_url)), meeting.subtitle,
        date_text(meeting.start), date_text(meeting.end) if meeting.end != meeting.start else None,
        describe.venue_text(meeting) if venue.city or venue.name else "", venue.url,
        ". ".join(p for p in (online.platform, online.note) if p) if online else "",
        online.url if online else "", online is not None,
        status_word(meeting.status), date_text(last_updated(agenda)),
        tuple(Link(urls.organisation_path(index.organisations[o]), index.organisations[o].name)
              for o in meeting.organisers),
        parts.markdown(meeting.about), tuple(_day_card(parts, day) for day in agenda.days), calendar,
        f"webcal://{public_calendar[8:]}" if base_url.startswith("https://") else "",
        SCHEDULE_JSON, SCHEDULE_XML, AGENDA_JSON, qr_code(base_url, urls.HOME), tuple(browse),
        latest_changes=latest_changes(parts),
        changes=urls.CHANGES if agenda.publications else "")


def _day_card(parts: Parts, day: Day) -> DayCard:
    span = parts.span(day, day.starts_at, day.ends_at) if day.items else None
    return DayCard(parts.day(day), span, parts.markdown(day.objective),
                   tuple(parts.card(item) for item in day.items if item.has_page))


def day_view(parts: Parts, frame: Frame, day: Day, previous: Day | None,
             following: Day | None) -> DayView:
    meeting = parts.meeting
    heading = parts.day(day)
    return DayView(
        make_meta(frame, heading.path, f"{day.name}: {heading.long_date}",
                  preview=previews.link_preview(parts.agenda, parts.index, frame.base_url, day)),
        frame, heading, calendar_path(meeting, day), parts.markdown(day.objective),
        parts.rows(day, partial(_rows, parts)),
        qr_code(frame.base_url, heading.path), _day_link(parts, previous),
        _day_link(parts, following))


def _rows(parts: Parts, day: Day) -> tuple[Row, ...]:
    meeting = parts.meeting
    rows = []
    for row in timeline.timeline(day.items, tuple(room.id for room in meeting.rooms)):
        lanes = tuple(Lane(meeting.room_name(lane.room) if lane.room else "",
                           tuple(parts.card(item) for item in lane.items))
                      for lane in row.lanes)
        rows.append(Row(row.parallel, present.parallel_label(row.size, len(row.lanes))
                        if row.parallel else "", lanes))
    return tuple(rows)


def _day_link(parts: Parts, day: Day | None) -> Link | None:
    if day is None:
        return None
    heading = parts.day(day)
    return Link(heading.path, f"{heading.name}: {heading.short_date}")


def session_view(parts: Parts, frame: Frame, day: Day, item: Item, note: Note | None,
                 previous: Item | None, following: Item | None) -> SessionView:
    agenda, index, meeting = parts.agenda, parts.index, parts.meeting
    card = parts.card(item)
    heading = card.day
    continues = index.items.get(item.continues)
    where = describe.location(meeting, item)
    if where and item.audience != "all":
        where += f" ({present.audience_label(item.audience).lower()})"
    description = (f"{card.label} – {heading.long_date}, {card.times.start}–{card.times.end} "
                   f"({heading.zone_label})")
    return SessionView(
        make_meta(frame, urls.item_path(item), card.label, description), frame, card,
        _("Session {number}").format(number=item.number) if item.number else item.title,
        seo.json_ld(seo.event_jsonld(agenda, index, frame.base_url, day, item)),
        f"{heading.path}#{item.id}", present.duration(agenda.elapsed(day, item)),
        calendar_path(meeting, item), where, card.terms,
        _item_link(parts, continues[1]) if continues else None,
        tuple(_item_link(parts, other) for other in index.continuations.get(item.id, [])),
        parts.markdown(item.description), item.main_question, item.questions, card.roles,
        parts.markdown(note.body if note else ""),
        tuple(parts.card(other) for other in index.concurrent.get(item.id, ())),
        _item_link(parts, previous), _item_link(parts, following), material_links(item))


def _item_link(parts: Parts, item: Item | None) -> Link | None:
    if item is None:
        return None
    card = parts.card(item)
    return Link(card.path, card.label)


def qr_code(base_url: str, page: str) -> QrCode | None:
    """The QR code a page shows of its own public address; only with a base URL."""
    if not base_url:
        return None
    url = urls.public_url(base_url, page)
    width, height = seo.qr_size(url)
    return QrCode(seo.qr_path_of(page), url, width, height)


def status_word(status: str) -> str:
    """The agenda's status on the home page: 'Tentative'."""
    return {"draft": _("Draft"), "tentative": _("Tentative"), "final": _("Final"),
            "cancelled": _("Cancelled")}.get(
        status, status.capitalize())
