"""Views of the pages a participant uses during the meeting: the programme (every
item, with filters and search) and "My agenda" (filled in by its script)."""
from __future__ import annotations

from dataclasses import dataclass

from ...content.model import Item
from ...outputs.companion_data import EVENTS_PATH, SEARCH_PATH
from ...i18n import N_, _
from .. import present, urls
from ..describe import distinct_refs, meets_in_person
from ..participation import participation
from .frame import Frame, Meta, make_meta
from .parts import DayHeading, ItemCard, Parts

PROGRAMME, MY_AGENDA = urls.PROGRAMME, urls.MY_AGENDA
ATTENDANCE = (("in-person", N_("In person")), ("online", N_("Online")))


@dataclass(frozen=True)
class FilterOption:
    value: str
    text: str


@dataclass(frozen=True)
class Filter:
    """One select of the programme's filters; `key` names it in the URL (?day=...)."""

    key: str
    label: str               # "Day", "Policy area"
    any_text: str            # "All days"
    options: tuple[FilterOption, ...]


@dataclass(frozen=True)
class ProgrammeEntry:
    card: ItemCard
    # What each filter matches, as data-KEY attributes: (key, space-separated values).
    keys: tuple[tuple[str, str], ...]
    people: str              # names, for the entry's people line


@dataclass(frozen=True)
class ProgrammeDay:
    day: DayHeading
    entries: tuple[ProgrammeEntry, ...]


@dataclass(frozen=True)
class ProgrammeView:
    meta: Meta
    frame: Frame
    filters: tuple[Filter, ...]
    days: tuple[ProgrammeDay, ...]
    total: int
    search_data: str         # data/search.js: each item's searchable text


@dataclass(frozen=True)
class MyAgendaView:
    meta: Meta
    frame: Frame
    events_data: str         # data/events.js: what the page's script shows
    programme: str           # the programme page, where items are also listed


def programme_view(parts: Parts, frame: Frame) -> ProgrammeView:
    agenda, meeting = parts.agenda, parts.meeting
    days = tuple(ProgrammeDay(parts.day(day), tuple(_entry(parts, item) for item in day.items))
                 for day in agenda.days)
    return ProgrammeView(
        make_meta(frame, PROGRAMME, _("Programme"),
                  _("Every item of {meeting}, with filters and search").format(
                      meeting=meeting.title)),
        frame, _filters(parts), days, sum(len(day.entries) for day in days), SEARCH_PATH)


def _entry(parts: Parts, item: Item) -> ProgrammeEntry:
    refs = distinct_refs(item)
    keys = (("day", parts.index.items[item.id][0].date.isoformat()),
            ("theme", " ".join(item.themes)), ("group", " ".join(item.groups)),
            ("room", item.room), ("kind", item.kind),
            ("audience", " ".join(_attendance(parts, item))),
            ("person", " ".join(ref.person for ref in refs if ref.person)))
    names = [line.name or line.organisation for line in map(parts.person_line, refs)]
    return ProgrammeEntry(parts.card(item), keys, ", ".join(name for name in names if name))


def _attendance(parts: Parts, item: Item) -> list[str]:
    """How the item can be attended: in person, online, or both."""
    found = []
    if meets_in_person(parts.meeting, item):
        found.append("in-person")
    if participation(parts.meeting, item).online:
        found.append("online")
    return found


def _filters(parts: Parts) -> tuple[Filter, ...]:
    agenda, meeting = parts.agenda, parts.meeting
    items = [item for _, item in agenda.items()]
    filters = [Filter("day", _("Day"), _("All days"), tuple(
        FilterOption(day.date.isoformat(), f"{day.name}, {present.short_date(day.date)}")
        for day in agenda.days))]
    for key, taxonomy, used in (("theme", meeting.themes, {t for i in items for t in i.themes}),
                                ("group", meeting.groups, {g for i in items for g in i.groups})):
        options = tuple(FilterOption(term.id, present.term_label(taxonomy, term))
                        for term in taxonomy.terms if term.id in used)
        if options:
            filters.append(Filter(key, taxonomy.name, _("All {taxonomy}").format(taxonomy=taxonomy.plural.lower()), options))
    rooms = tuple(FilterOption(room.id, room.name) for room in meeting.rooms
                  if any(item.room == room.id for item in items))
    if rooms:
        filters.append(Filter("room", _("Room"), _("All rooms"), rooms))
    kinds = [kind for kind in present.KIND_LABELS if any(item.kind == kind for item in items)]
    filters.append(Filter("kind", _("Type"), _("All types"), tuple(
        FilterOption(kind, present.kind_label(kind)) for kind in kinds)))
    attendance = {way for item in items for way in _attendance(parts, item)}
    if len(attendance) > 1:
        filters.append(Filter("audience", _("Attendance"), _("Any way"), tuple(
            FilterOption(value, _(text)) for value, text in ATTENDANCE if value in attendance)))
    people = sorted({ref.person for item in items for ref in distinct_refs(item)
                     if ref.person in parts.index.people},
                    key=lambda pid: parts.index.people[pid].name.casefold())
    if people:
        filters.append(Filter("person", _("Person"), _("Everyone"), tuple(
            FilterOption(pid, parts.index.people[pid].name) for pid in people)))
    return tuple(filters)


def my_agenda_view(parts: Parts, frame: Frame) -> MyAgendaView:
    return MyAgendaView(
        make_meta(frame, MY_AGENDA, _("My agenda"),
                  _("The sessions you picked at {meeting}, kept in your browser").format(
                      meeting=parts.meeting.title)),
        frame, EVENTS_PATH, PROGRAMME)

