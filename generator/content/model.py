"""Stage 2, model: the typed, immutable description of a meeting.

Every record keeps a `source` (its file and the line of each key) so the
validator can point at the exact line of a wrong value. Nothing here reads
files or renders HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Mapping
from zoneinfo import ZoneInfo

# Kinds that are shown on the day page only, without a page of their own.
TIME_OFF_KINDS = frozenset({"break", "meal", "registration"})
ITEM_KINDS = ("session", "plenary", "breakout", "report-back", "opening", "closing",
              "recap", "social", "other", "break", "meal", "registration")
AUDIENCES = ("all", "in-person", "online")
MATERIAL_KINDS = ("slides", "paper", "report", "recording", "minutes", "data", "other")
STATUSES = ("draft", "tentative", "final", "cancelled")
# An item's own status: it stays on the agenda, struck through, saying what happened.
ITEM_STATUSES = ("cancelled", "postponed", "moved")


@dataclass(frozen=True)
class Source:
    """Where a record was written: its file, the line of each key and the line where
    each Markdown text starts (the next one for a `key: |` block)."""

    file: str = ""
    line: int = 0
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    text_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def text_line(self, key: str) -> int:
        return self.text_lines.get(key, self.line_of(key))


@dataclass(frozen=True)
class Term:
    """One theme or group, e.g. policy area 1 or task force TF1."""

    id: str
    slug: str
    title: str
    short: str = ""
    description: str = ""
    taxonomy: str = ""  # the URL folder of its taxonomy, e.g. "policy-areas"
    previous_ids: tuple[str, ...] = ()  # ids it was published under: their URLs redirect
    source: Source = Source()


@dataclass(frozen=True)
class Taxonomy:
    """A named set of terms; its names are content ("Policy area"), never code."""

    name: str
    plural: str
    slug: str
    terms: tuple[Term, ...] = ()

    def get(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    short: str = ""
    country: str = ""
    url: str = ""
    previous_ids: tuple[str, ...] = ()
    source: Source = Source()

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True)
class Photo:
    """A picture file inside the content folder (`file` is relative to it).

    Size and digest are read from the file by content/media.py after parsing, so a
    replaced picture is noticed even when people.yaml is unchanged."""

    file: str
    alt: str = ""            # "" : pages say "Photo of NAME"
    width: int = 0
    height: int = 0
    digest: str = ""         # of the bytes: names the published copy
    line: int = 0


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    honorific: str = ""
    organisation: str = ""
    country: str = ""
    position: str = ""
    role: str = ""
    url: str = ""
    bio: str = ""            # Markdown
    photo: Photo | None = None
    previous_ids: tuple[str, ...] = ()
    source: Source = Source()


@dataclass(frozen=True)
class PersonRef:
    """A person (or an organisation speaking as such) in one item's role."""

    person: str = ""
    organisation: str = ""
    role: str = ""
    tbc: bool = False
    line: int = 0


@dataclass(frozen=True)
class Online:
    """How people join remotely: on the meeting, a room or an item (the most
    specific level that sets a field wins: site/participation.py)."""

    platform: str = ""
    url: str = ""
    note: str = ""
    opens_before: int | None = None  # minutes before the start the link opens


@dataclass(frozen=True)
class Room:
    id: str
    name: str
    online: Online | None = None
    source: Source = Source()


@dataclass(frozen=True)
class Venue:
    name: str = ""
    city: str = ""
    country: str = ""
    address: str = ""
    url: str = ""


@dataclass(frozen=True)
class Branding:
    """The organiser's look (content/branding.py checks it): a logo and two colours."""

    logo: str = ""        # as written in meeting.yaml, relative to the content folder
    primary: str = "#0b5cad"  # links, headings, the header; #rrggbb
    accent: str = "#c2410c"   # highlights and badges
    logo_path: str = ""   # the logo's absolute path, for outputs (never published)
    source: Source = Source()


@dataclass(frozen=True)
class Meeting:
    id: str
    title: str
    timezone: str
    start: date
    end: date
    subtitle: str = ""
    short_title: str = ""
    status: str = "final"
    updated: date | None = None
    changes_since: date | None = None  # items changed after this date get New/Changed badges
    language: str = "en"    # the main language: the edition's, once projected
    about: str = ""
    venue: Venue = Venue()
    online: Online | None = None
    organisers: tuple[str, ...] = ()
    rooms: tuple[Room, ...] = ()
    themes: Taxonomy = Taxonomy("Theme", "Themes", "themes")
    groups: Taxonomy = Taxonomy("Group", "Groups", "groups")
    branding: Branding = Branding()
    trusted_html: bool = False  # Markdown's raw HTML published as written (site/safe_html.py)
    source: Source = Source()
    languages: tuple[str, ...] = ()  # of the content, main first (default: language alone)

    def __post_init__(self) -> None:
        if not self.languages:
            object.__setattr__(self, "languages", (self.language,))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def room(self, room_id: str) -> Room | None:
        return next((room for room in self.rooms if room.id == room_id), None)

    def room_name(self, room_id: str) -> str:
        """The display name of a room id (the id itself if it names no room)."""
        return next((room.name for room in self.rooms if room.id == room_id), room_id)


@dataclass(frozen=True)
class Material:
    """A document or recording that belongs to an item: slides, a paper, minutes..."""

    title: str
    url: str
    kind: str = "other"
    language: str = ""
    line: int = 0


@dataclass(frozen=True)
class Item:
    """One slot of the schedule: a session, a break, an opening..."""

    id: str
    kind: str
    start: time
    end: time
    title: str
    number: str = ""
    subtitle: str = ""
    description: str = ""
    chairs: tuple[PersonRef, ...] = ()
    speakers: tuple[PersonRef, ...] = ()
    presenters: tuple[PersonRef, ...] = ()
    discussants: tuple[PersonRef, ...] = ()
    main_question: str = ""
    questions: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    audience: str = "all"
    parallel: str = ""
    room: str = ""
    continues: str = ""
    tbc: bool = False
    notes: str = ""
    online: Online | None = None
    materials: tuple[Material, ...] = ()
    status: str = ""        # "" while it takes place, else one of ITEM_STATUSES
    reason: str = ""        # why it is cancelled, postponed or moved
    moved_to: str = ""      # status moved: an item id, or "YYYY-MM-DD HH:MM", "HH:MM", a date
    previous_ids: tuple[str, ...] = ()
    source: Source = Source()

    @property
    def has_page(self) -> bool:
        return self.kind not in TIME_OFF_KINDS

    @property
    def called_off(self) -> bool:
        """Not taking place at its time (cancelled, postponed or moved): shown struck
        through, and it frees its slot for another item."""
        return bool(self.status)

    def roles(self) -> tuple[tuple[str, tuple[PersonRef, ...]], ...]:
        """The item's people grouped by role, in the order pages show them."""
        return (("chair", self.chairs), ("speaker", self.speakers),
                ("presenter", self.presenters), ("discussant", self.discussants))


@dataclass(frozen=True)
class Day:
    date: date
    name: str
    items: tuple[Item, ...]
    objective: str = ""
    source: Source = Source()

    @property
    def starts_at(self) -> time:
        return min(item.start for item in self.items)

    @property
    def ends_at(self) -> time:
        return max(item.end for item in self.items)


@dataclass(frozen=True)
class Note:
    """A Markdown note file; `session` is set when its front matter names an item."""

    name: str
    body: str
    digest: str
    session: str = ""
    source: Source = Source()
    # The note in other languages (notes/NAME.fr.md), by language: content/note_languages.py.
    translations: Mapping[str, Note] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Agenda:
    meeting: Meeting
    organisations: tuple[Organisation, ...]
    people: tuple[Person, ...]
    days: tuple[Day, ...]
    notes: tuple[Note, ...] = ()
    # Records of what was published, oldest first (content/published/, published.py).
    publications: tuple = ()

    def items(self):
        """Every (day, item) pair in schedule order."""
        for day in self.days:
            for item in day.items:
                yield day, item

    def local_datetime(self, day: Day, moment: time) -> datetime:
        """An aware datetime in the meeting's zone (offsets follow DST per date)."""
        return datetime.combine(day.date, moment, tzinfo=self.meeting.zone)

    def elapsed(self, day: Day, item: Item) -> timedelta:
        """How long an item really lasts, even across a daylight-saving change.

        Subtracting two datetimes of one zone gives wall-clock time, so compare in UTC."""
        start, end = self.local_datetime(day, item.start), self.local_datetime(day, item.end)
        return end.astimezone(timezone.utc) - start.astimezone(timezone.utc)
