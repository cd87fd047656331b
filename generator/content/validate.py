"""Stage 3, validate: relations and plausibility across the whole model.

Every rule adds a `file:line: message` problem that says how to fix it; nothing
stops at the first problem.
"""
from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ..errors import Problems
from .internal_links import check_internal_links
from .model import Agenda, Day, Item, Source
from .lifecycle import validate_lifecycle
from .overlaps import sweep
from .relations import Index


def validate(agenda: Agenda, index: Index, problems: Problems) -> None:
    _check_meeting(agenda, index, problems)
    _check_unique_ids(agenda, problems)
    for day in agenda.days:
        _check_day_times(day, problems)
    _check_days(agenda, problems)
    _check_references(agenda, index, problems)
    _check_notes(agenda, index, problems)
    check_internal_links(agenda, index, problems)
    _warn_unused(agenda, index, problems)
    _warn_lone_parallel(agenda, problems)
    validate_lifecycle(agenda, index, problems)


def _check_meeting(agenda: Agenda, index: Index, problems: Problems) -> None:
    meeting, source = agenda.meeting, agenda.meeting.source
    if meeting.timezone:
        try:
            ZoneInfo(meeting.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            close = difflib.get_close_matches(meeting.timezone, sorted(available_timezones()), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "such as Europe/Paris"
            problems.error(source.file, source.line_of("timezone"),
                           f"unknown time zone '{meeting.timezone}'; use an IANA zone name, {hint}")
    if meeting.start and meeting.end and meeting.end < meeting.start:
        problems.error(source.file, source.line_of("end"),
                       f"meeting end {meeting.end} is before its start {meeting.start}")
    for organiser in meeting.organisers:
        if organiser not in index.organisations:
            _unknown(problems, source, "organisers", "organisation", organiser,
                     index.organisations, "people.yaml")


def _check_unique_ids(agenda: Agenda, problems: Problems) -> None:
    meeting = agenda.meeting
    kinds = (
        ("organisation", agenda.organisations), ("person", agenda.people),
        ("room", meeting.rooms), (meeting.themes.name.lower(), meeting.themes.terms),
        (meeting.groups.name.lower(), meeting.groups.terms),
        ("item", [item for _, item in agenda.items()]),
    )
    for what, records in kinds:
        first: dict[str, Source] = {}
        for record in records:
            seen = first.setdefault(record.id, record.source)
            if seen is not record.source and record.id:
                problems.error(record.source.file, record.source.line,
                               f"{what} id '{record.id}' is already used at {seen.file}:"
                               f"{seen.line}; ids must be unique")


def _check_day_times(day: Day, problems: Problems) -> None:
    misplaced = _check_day_order(day, problems)
    for item, other in _overlapping_pairs(day.items):
        # A misplaced time overlaps innocent items; blaming them hides the one cause.
        if {item.id, other.id} & misplaced:
            continue
        if not _may_overlap(item, other):
            problems.error(item.source.file, item.source.line_of("start"),
                           _overlap_message(item, other))


def _overlapping_pairs(items: tuple[Item, ...]) -> Iterator[tuple[Item, Item]]:
    """Each pair of overlapping items once, as (reported, other): the one that starts
    later is reported, or at one start the one listed later."""
    for swept in sweep(items):
        item = items[swept.position]
        for earlier in swept.overlapped:
            other = items[earlier]
            if other.start == item.start and earlier > swept.position:
                yield other, item
            else:
                yield item, other


def _check_day_order(day: Day, problems: Problems) -> set[str]:
    """Report items ending before they start or listed out of time order; return their ids."""
    misplaced: set[str] = set()
    previous: Item | None = None
    for position, item in enumerate(day.items):
        where = item.source
        if item.end <= item.start:
            misplaced.add(item.id)
            problems.error(where.file, where.line_of("end"),
                           f"item '{item.id}' ends at {item.end:%H:%M}, not after its start "
                           f"{item.start:%H:%M}; times are 24-hour, so write 13:20 for 1:20 pm")
        if previous is not None and item.start < previous.start:
            misplaced.add(item.id)
            following = day.items[position + 1] if position + 1 < len(day.items) else None
            problems.error(where.file, where.line_of("start"),
                           _order_message(item, previous, following))
        previous = item
    return misplaced


def _order_message(item: Item, previous: Item, following: Item | None) -> str:
    message = (f"item '{item.id}' starts at {item.start:%H:%M}, before the item above it "
               f"({previous.start:%H:%M}); list a day's items in time order across all "
               "rooms, not room by room")
    # A 12-hour afternoon time reads as a morning one; offer the 24-hour form only
    # where it would put the item in order between its neighbours.
    hour = item.start.hour
    meant = item.start.replace(hour=hour + 12) if 1 <= hour < 12 else None
    if meant is not None and previous.start <= meant and (
            following is None or meant <= following.start):
        written = f"{hour}:{item.start:%M}"
        message += (f"; if {written} is an afternoon time, write it in 24-hour form "
                    f"({meant:%H:%M}, not {written})")
    return message


def _may_overlap(a: Item, b: Item) -> bool:
    if a.called_off or b.called_off:  # a cancelled, postponed or moved item frees its slot
        return True
    if a.room and a.room == b.room:
        return False
    return bool(a.parallel and a.parallel == b.parallel) or bool(a.room and b.room)


def _overlap_message(item: Item, other: Item) -> str:
    clash = (f"item '{item.id}' ({item.start:%H:%M}-{item.end:%H:%M}) overlaps '{other.id}' "
             f"({other.start:%H:%M}-{other.end:%H:%M}, line {other.source.line})")
    if item.room and item.room == other.room:
        return f"{clash} in the same room '{item.room}'; move one of them"
    return (f"{clash}; fix the times, or, if they really run at the same time, give them "
            "different rooms (`room:`) or the same `parallel:` value")


def _check_days(agenda: Agenda, problems: Problems) -> None:
    meeting = agenda.meeting
    counts = Counter(day.date for day in agenda.days)
    first_line: dict = {}
    for day in agenda.days:
        where = day.source
        if meeting.start and meeting.end and not meeting.start <= day.date <= meeting.end:
            problems.error(where.file, where.line_of("date"),
                           f"day {day.date} ({day.date:%A}) is outside the meeting's dates "
                           f"{meeting.start} to {meeting.end} (meeting.yaml); check the date")
        if counts[day.date] > 1 and day.date in first_line:
            problems.error(where.file, where.line_of("date"),
                           f"day {day.date} ({day.date:%A}) is listed twice (first at line "
                           f"{first_line[day.date]}); each date gets one entry; check the date")
        first_line.setdefault(day.date, where.line_of("date"))
    # Dates of the meeting without a day are not reported: days need not follow each
    # other (a weekend or a day off in between).


def _check_references(agenda: Agenda, index: Index, problems: Problems) -> None:
    meeting = agenda.meeting
    themes = {t.id: t for t in meeting.themes.terms}
    groups = {g.id: g for g in meeting.groups.terms}
    rooms = {r.id: r for r in meeting.rooms}
    for person in agenda.people:
        if person.organisation and person.organisation not in index.organisations:
            _unknown(problems, person.source, "organisation", "organisation",
                     person.organisation, index.organisations, "people.yaml")
    for day, item in agenda.items():
        src = item.source
        for _, refs in item.roles():
            for ref in refs:
                if ref.person and ref.person not in index.people:
                    _unknown(problems, Source(src.file, ref.line), "", "person", ref.person,
                             index.people, "people.yaml")
                if ref.organisation and ref.organisation not in index.organisations:
                    _unknown(problems, Source(src.file, ref.line), "", "organisation",
                             ref.organisation, index.organisations, "people.yaml")
        for theme in item.themes:
            if theme not in themes:
                _unknown(problems, src, "themes", meeting.themes.name.lower(), theme, themes,
                         "meeting.yaml under themes")
        for group in item.groups:
            if group not in groups:
                _unknown(problems, src, "groups", meeting.groups.name.lower(), group, groups,
                         "meeting.yaml under groups")
        if item.room and item.room not in rooms:
            _check_room(item, meeting, problems)
        if item.continues:
            _check_continues(day, item, index, problems)


def _check_room(item: Item, meeting, problems: Problems) -> None:
    """An unknown room, or a room given by its name instead of its id."""
    named = [room for room in meeting.rooms if room.name.casefold() == item.room.casefold()]
    if named:
        problems.error(item.source.file, item.source.line_of("room"),
                       f"'{item.room}' is the name of room '{named[0].id}'; an item names its "
                       f"room by id: write `room: {named[0].id}`")
    else:
        _unknown(problems, item.source, "room", "room", item.room,
                 {room.id: room for room in meeting.rooms}, "meeting.yaml under rooms")


def _check_continues(day: Day, item: Item, index: Index, problems: Problems) -> None:
    where = item.source
    if item.continues == item.id:
        problems.error(where.file, where.line_of("continues"),
                       f"item '{item.id}' cannot continue itself; `continues:` must name an "
                       "earlier item")
    elif item.continues not in index.items:
        _unknown(problems, where, "continues", "item", item.continues, index.items,
                 "schedule.yaml")
    else:
        first_day, first = index.items[item.continues]
        if (first_day.date, first.start) >= (day.date, item.start):
            problems.error(where.file, where.line_of("continues"),
                           f"item '{item.id}' continues '{first.id}', which starts at "
                           f"{first_day.date} {first.start:%H:%M}, not before it "
                           f"({day.date} {item.start:%H:%M}); `continues:` must name an "
                           "earlier item")


def _unknown(problems: Problems, where: Source, key: str, what: str, value: str, known,
             place: str) -> None:
    close = difflib.get_close_matches(value, list(known), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    problems.error(where.file, where.line_of(key) if key else where.line,
                   f"unknown {what} '{value}'; {hint}define it in {place}")


def _check_notes(agenda: Agenda, index: Index, problems: Problems) -> None:
    claimed: dict[str, str] = {}
    for _, item in agenda.items():
        if item.notes and not item.has_page:
            problems.error(item.source.file, item.source.line_of("notes"),
                           f"item '{item.id}' is a {item.kind} and has no page to show notes "
                           "on; remove `notes:` or give the item another kind")
        elif item.notes:
            if item.notes not in index.notes:
                _unknown(problems, item.source, "notes", "note file", item.notes, index.notes,
                         "the notes/ folder (the path is relative to it)")
            else:
                claimed[item.notes] = item.id
    for note in agenda.notes:
        if not note.session:
            continue
        src = note.source
        if note.session not in index.items:
            _unknown(problems, src, "session", "item", note.session, index.items, "schedule.yaml")
        elif not index.items[note.session][1].has_page:
            problems.error(src.file, src.line_of("session"),
                           f"item '{note.session}' has no page to show this note on "
                           "(breaks, meals and registration are shown on the day page only)")
        elif claimed.get(note.name, note.session) != note.session:
            problems.error(src.file, src.line_of("session"),
                           f"note is for '{note.session}' but item '{claimed[note.name]}' "
                           f"uses it with `notes: {note.name}`; keep one link")
        elif index.note_of_item.get(note.session, note) is not note:
            other = index.note_of_item[note.session]
            problems.error(src.file, src.line_of("session"),
                           f"item '{note.session}' already has note '{other.name}'; "
                           "an item has at most one note")


def _warn_unused(agenda: Agenda, index: Index, problems: Problems) -> None:
    used_notes = {note.name for note in index.note_of_item.values()}
    for note in agenda.notes:
        if note.name not in used_notes:
            problems.warn(note.source.file, 1, "note is not used by any item; add "
                          f"`notes: {note.name}` to an item or `session:` to its front matter")
    # A record whose id is wrong has been reported already, and cannot be named by it.
    for person in agenda.people:
        if person.id and person.id not in index.person_appearances:
            problems.warn(person.source.file, person.source.line,
                          f"person '{person.id}' has no role in any item")
    organisers = set(agenda.meeting.organisers)
    for org in agenda.organisations:
        if (org.id and org.id not in index.organisation_appearances and org.id not in index.members
                and org.id not in organisers):
            problems.warn(org.source.file, org.source.line,
                          f"organisation '{org.id}' is not used by any person or item")


def _warn_lone_parallel(agenda: Agenda, problems: Problems) -> None:
    """A `parallel` value no other item of the day shares pairs the item with nothing:
    most likely a typo in one of two values meant to match."""
    for day in agenda.days:
        counts = Counter(item.parallel for item in day.items if item.parallel)
        for item in day.items:
            if item.parallel and counts[item.parallel] == 1:
                problems.warn(item.source.file, item.source.line_of("parallel"),
                              f"item '{item.id}' is the only one with `parallel: "
                              f"{item.parallel}` on its day; give the items that run beside "
                              "it the same value")
