"""The parts many views share: an item as a card, a person reference as a line,
times, badges and term links, all already text and output paths.

`Parts` makes each part once per build (one card per item, one line per
reference), so the day page, a theme page and a person page show an item from
the very same object, and its fingerprint is computed once.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import time

from ...content.internal_links import Targets, internal_links
from ...content.media import published_path
from ...content.model import Agenda, Day, Item, Material, Person, PersonRef
from ...content.relations import Index
from ...i18n import _
from .. import present, status, urls
from ..changes import ItemChange
from ..history import history_of
from ..participation import is_site_path, join_label, opens_text, participation


@dataclass(frozen=True)
class MarkdownText:
    """A Markdown text, with the output path of each `@` address it links to."""

    text: str
    links: tuple[tuple[str, str], ...] = ()   # ("session-5", "sessions/session-5/index.html")

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True)
class Times:
    """An item's start and end on its day: shown text and ISO datetimes."""

    start: str       # 09:30
    end: str
    start_iso: str   # 2022-06-20T09:30+01:00
    end_iso: str


@dataclass(frozen=True)
class Badge:
    text: str
    css: str = ""    # an extra class, e.g. badge-audience


@dataclass(frozen=True)
class PersonLine:
    """A person (or an organisation speaking as such) in one role of one item."""

    name: str               # "" when an organisation speaks
    path: str
    organisation: str       # the organisation's short label
    organisation_path: str
    country: str            # shown when there is no organisation
    role: str               # the role in their own words, e.g. "TF4"
    tbc: bool


@dataclass(frozen=True)
class RoleGroup:
    label: str              # "Chair", "Speakers"
    people: tuple[PersonLine, ...]


@dataclass(frozen=True)
class Link:
    path: str
    text: str


@dataclass(frozen=True)
class TermGroup:
    """An item's themes or groups: 'Policy areas' and links to each."""

    heading: str
    tags: tuple[Link, ...]      # short text, for lists ("3", "Web platform")
    labels: tuple[Link, ...]    # full text, for the item's own page


@dataclass(frozen=True)
class DayHeading:
    """What a page says of the day an item is on (not the day's items)."""

    path: str
    name: str
    iso: str
    short_date: str
    long_date: str
    zone_label: str


@dataclass(frozen=True)
class MaterialLink:
    """A document or recording of an item, e.g. 'Slides: Indicators (PDF)'."""

    title: str
    kind: str               # slides, paper, report, recording, minutes, data, other
    kind_label: str         # "Slides"
    language: str           # "fr", as written; "" when not given
    url: str                # an address with a scheme ("" when `path` is set)
    path: str               # a path from the site root, linked relatively with url()


@dataclass(frozen=True)
class PhotoView:
    path: str               # the published copy, photos/NAME.DIGEST.EXT
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class Joining:
    """How an item is attended (participation.py): shown on its row and page."""

    mode: str               # "hybrid", "online", "in-person", or "" (nothing to say)
    label: str              # "In person and online", "In person only, not streamed"
    url: str                # the join link, "" when none is known
    link_text: str          # "Join online (Zoom)"
    note: str               # "Passcode sent by e-mail"
    opens: str              # "The link opens 15 minutes before the start."
    opens_before: int       # minutes (0 when not given), for the now/next script


@dataclass(frozen=True)
class ItemCard:
    """An item as every list and timeline shows it."""

    id: str
    kind: str
    kind_label: str
    has_page: bool
    path: str               # its page, or its place on the day page
    label: str              # "Session 3: Title"
    title: str
    subtitle: str
    times: Times
    badges: tuple[Badge, ...]
    audience: str           # "In-person participants only"; "" for everyone
    room: str
    terms: tuple[TermGroup, ...]
    roles: tuple[RoleGroup, ...]
    day: DayHeading
    joining: Joining
    struck: bool = False    # cancelled, postponed or moved: shown struck through
    status_note: str = ""   # why (the organiser's words), or ""
    moved_to: Link | None = None  # where it went: an item (with its path) or a time (no path)
    changes: tuple[str, ...] = ()  # what changed since changes_since, in words (not status, new)


@dataclass(frozen=True)
class Appearance:
    """One person's or organisation's part in one item."""

    role: str               # "Chair"
    who: PersonLine
    item: ItemCard


class Parts:
    """Makes shared parts once per build, and gives view builders the schedule.

    It holds the agenda and index without their notes: a view reads a note only
    through its plan arguments (plan.py), so a view is a function of its arguments,
    the schedule and the frame, and views.ViewCache can keep it exactly."""

    def __init__(self, agenda: Agenda, index: Index) -> None:
        self.agenda = dataclasses.replace(agenda, notes=())
        self.index = dataclasses.replace(index, agenda=self.agenda, notes={}, note_of_item={})
        self.meeting = agenda.meeting
        self.history = history_of(agenda, index)
        self._cards: dict[str, ItemCard] = {}
        self._days: dict[object, DayHeading] = {}
        self._lines: dict[PersonRef, PersonLine] = {}
        self._appearances: dict[int, tuple[object, Appearance]] = {}
        self._rows: dict[int, tuple[Day, tuple]] = {}
        self._link_targets: Targets | None = None

    def day(self, day: Day) -> DayHeading:
        heading = self._days.get(day.date)
        if heading is None:
            heading = DayHeading(urls.day_path(day), day.name, day.date.isoformat(),
                                 present.short_date(day.date), present.long_date(day.date),
                                 present.zone_label(self.meeting, day.date))
            self._days[day.date] = heading
        return heading

    def markdown(self, text: str) -> MarkdownText:
        """A Markdown field for a view, its `@` links resolved to output paths."""
        if "@" not in text:
            return MarkdownText(text)
        links = {}
        for _line, path, _text in internal_links(text):
            target = self._targets().find(path)
            if target is not None:
                links[path] = (self.item_path(target) if isinstance(target, Item)
                               else urls.path_of(target))
        return MarkdownText(text, tuple(sorted(links.items())))

    def _targets(self) -> Targets:
        if self._link_targets is None:
            self._link_targets = Targets(self.agenda, self.index)
        return self._link_targets

    def card(self, item: Item) -> ItemCard:
        card = self._cards.get(item.id)
        if card is None:
            day = self.index.items[item.id][0]
            mark = self.history.mark(item.id)
            card = ItemCard(
                item.id, item.kind, present.kind_label(item.kind), item.has_page,
                self.item_path(item), present.item_title(item), item.title, item.subtitle,
                self.times(day, item), item_badges(item, mark),
                present.audience_label(item.audience),
                self.meeting.room_name(item.room) if item.room else "",
                self.terms(item), self.roles(item), self.day(day),
                joining_of(self.meeting, item), item.called_off, item.reason,
                self.moved_to(item), mark.details if mark and mark.kind != "new" else ())
            self._cards[item.id] = card
        return card

    def moved_to(self, item: Item) -> Link | None:
        """Where a moved item went: the item (linked) or its new time."""
        if item.status != "moved":
            return None
        target = status.moved_target(item, self.index)
        if target is not None:
            return Link(self.item_path(target), present.item_title(target))
        return Link("", status.moved_text(item, self.index))

    def item_path(self, item: Item) -> str:
        if item.has_page:
            return urls.item_path(item)
        return f"{urls.day_path(self.index.items[item.id][0])}#{item.id}"

    def times(self, day: Day, item: Item) -> Times:
        return self.span(day, item.start, item.end)

    def span(self, day: Day, start: time, end: time) -> Times:
        return Times(present.hm(start), present.hm(end),
                     present.iso(self.agenda.local_datetime(day, start)),
                     present.iso(self.agenda.local_datetime(day, end)))

    def terms(self, item: Item) -> tuple[TermGroup, ...]:
        groups = []
        for taxonomy, ids in ((self.meeting.themes, item.themes),
                              (self.meeting.groups, item.groups)):
            terms = [term for term in map(taxonomy.get, ids) if term is not None]
            if ids:
                groups.append(TermGroup(
                    taxonomy.plural if len(ids) > 1 else taxonomy.name,
                    tuple(Link(urls.term_path(t), present.term_tag(t)) for t in terms),
                    tuple(Link(urls.term_path(t), present.term_label(taxonomy, t))
                          for t in terms)))
        return tuple(groups)

    def roles(self, item: Item) -> tuple[RoleGroup, ...]:
        return tuple(RoleGroup(present.role_label(role, len(refs)),
                               tuple(self.person_line(ref) for ref in refs))
                     for role, refs in item.roles() if refs)

    def person_line(self, ref: PersonRef) -> PersonLine:
        line = self._lines.get(ref)
        if line is None:
            line = person_line(ref, self.index)
            self._lines[ref] = line
        return line

    def appearance(self, appearance) -> Appearance:
        """The view of an index Appearance (kept, like the index, while the schedule is)."""
        hit = self._appearances.get(id(appearance))
        if hit is None or hit[0] is not appearance:
            hit = (appearance, Appearance(present.role_label(appearance.role),
                                          self.person_line(appearance.ref),
                                          self.card(appearance.item)))
            self._appearances[id(appearance)] = hit
        return hit[1]

    def rows(self, day: Day, make) -> tuple:
        """A day's timeline rows, made by `make(day)` once while the day is the same."""
        hit = self._rows.get(id(day))
        if hit is None or hit[0] is not day:
            hit = (day, make(day))
            self._rows[id(day)] = hit
        return hit[1]


def person_line(ref: PersonRef, index: Index) -> PersonLine:
    """The one rule for naming someone in a role: the person and their organisation,
    else their country; or the organisation alone when no person is named."""
    person = index.people.get(ref.person) if ref.person else None
    org = index.organisations.get(ref.organisation or (person.organisation if person else ""))
    return PersonLine(
        person.name if person else "", urls.person_path(person) if person else "",
        org.label if org else "", urls.organisation_path(org) if org else "",
        person.country if person and not org else "", ref.role, ref.tbc)


def joining_of(meeting, item: Item) -> Joining:
    p = participation(meeting, item)
    return Joining(p.mode, p.label, p.url, join_label(p), p.note, opens_text(p.opens_before),
                   p.opens_before or 0)


def material_links(item: Item) -> tuple[MaterialLink, ...]:
    return tuple(_material_link(material) for material in item.materials)


def _material_link(material: Material) -> MaterialLink:
    local = is_site_path(material.url)
    return MaterialLink(material.title, material.kind, present.material_label(material.kind),
                        material.language, "" if local else material.url,
                        material.url.lstrip("/") if local else "")


def photo_view(person: Person) -> PhotoView | None:
    photo = person.photo
    if photo is None or not photo.digest:
        return None
    return PhotoView(published_path(photo), photo.width, photo.height,
                     photo.alt or _("Photo of {name}").format(name=person.name))


def item_badges(item: Item, mark: ItemChange | None = None) -> tuple[Badge, ...]:
    """What an item's badges say: its status (cancelled, postponed, moved), new or
    changed since the meeting's `changes_since:` (`mark`, history.py), its audience,
    to be confirmed, continued."""
    badges = []
    if item.status:
        badges.append(Badge(status.status_label(item), f"badge-{item.status}"))
    if mark is not None and mark.kind == "new":
        badges.append(Badge(_("New"), "badge-new"))
    elif mark is not None and (mark.details or mark.kind == "reinstated"):
        badges.append(Badge(_("Changed"), "badge-changed"))
    if item.audience != "all":
        badges.append(Badge(present.audience_label(item.audience), "badge-audience"))
    if item.tbc:
        badges.append(Badge(_("To be confirmed"), "badge-tbc"))
    if item.continues:
        badges.append(Badge(_("Continued")))
    return tuple(badges)
