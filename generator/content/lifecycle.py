"""How an agenda changes after it is published: an item's status (cancelled,
postponed, moved), the ids records and pages knew it by (`previous_ids`), and the
dates the meeting compares with (`changes_since`, `updated`). This module reads
`moved_to` and checks all of it; the site shows it (site/status.py, site/history.py).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, time

from ..errors import Problems
from .fields import DATE_PATTERN, ID_PATTERN, TIME_PATTERN, YEARS
from .model import Agenda, Item, Source
from .relations import Index

MOVED_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})\s+(\S+)$")
NEW_TIMES = "HH:MM (the same day), YYYY-MM-DD or YYYY-MM-DD HH:MM"


@dataclass(frozen=True)
class MovedTo:
    """Where a moved item went: another item, or a new date and/or start time."""

    item: str = ""
    day: date | None = None
    start: time | None = None


def moved_to(item: Item) -> MovedTo | None:
    """The item's `moved_to`, read; None when there is none or it is malformed."""
    text = item.moved_to
    if not text:
        return None
    if DATE_PATTERN.match(text):
        day = _date(text)
        return MovedTo(day=day) if day else None
    match = MOVED_TIME.match(text)
    if match:
        day, start = _date(match.group(1)), _time(match.group(2))
        return MovedTo(day=day, start=start) if day and start else None
    if ":" in text:
        start = _time(text)
        return MovedTo(start=start) if start else None
    return MovedTo(item=text) if ID_PATTERN.match(text) else None


def _date(text: str) -> date | None:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if day.year in YEARS else None


def _time(text: str) -> time | None:
    match = TIME_PATTERN.match(text)
    return time(int(match.group(1)), int(match.group(2))) if match else None


def validate_lifecycle(agenda: Agenda, index: Index, problems: Problems) -> None:
    for _, item in agenda.items():
        _check_status(item, index, problems)
    _check_previous_ids(agenda, problems)
    _check_dates(agenda, problems)


def _check_status(item: Item, index: Index, problems: Problems) -> None:
    where = item.source
    if item.status == "moved" and not item.moved_to:
        problems.error(where.file, where.line_of("status"),
                       f"item '{item.id}' has `status: moved` but no `moved_to:`; give the id "
                       "of the item it moved to, or its new time (`moved_to: 2022-06-23 10:00`)")
    if item.moved_to and item.status != "moved":
        problems.error(where.file, where.line_of("moved_to"),
                       f"item '{item.id}' has `moved_to:` without `status: moved`; add "
                       "`status: moved`, or remove `moved_to:`")
    if item.reason and not item.status:
        problems.error(where.file, where.line_of("reason"),
                       f"item '{item.id}' has a `reason:` but no `status:`; the reason explains "
                       "`status: cancelled`, `postponed` or `moved`")
    if not item.moved_to:
        return
    target = moved_to(item)
    if target is None:
        problems.error(where.file, where.line_of("moved_to"),
                       f"`moved_to: {item.moved_to}` of item '{item.id}' is neither an item "
                       f"id nor a new time ({NEW_TIMES})")
    elif target.item == item.id:
        problems.error(where.file, where.line_of("moved_to"),
                       f"item '{item.id}' cannot be moved to itself; give another item's id "
                       "or a new time")
    elif target.item and target.item not in index.items:
        close = difflib.get_close_matches(target.item, list(index.items), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        problems.error(where.file, where.line_of("moved_to"),
                       f"`moved_to: {target.item}` of item '{item.id}' names no item; {hint}"
                       f"give the id of an item in schedule.yaml, or a new time ({NEW_TIMES})")


def _check_previous_ids(agenda: Agenda, problems: Problems) -> None:
    """An old id redirects to its record's page, so it may not be any record's id of the
    same kind, nor the old id of two records."""
    meeting = agenda.meeting
    kinds = (("item", [item for _, item in agenda.items()]), ("person", agenda.people),
             ("organisation", agenda.organisations),
             (meeting.themes.name.lower(), meeting.themes.terms),
             (meeting.groups.name.lower(), meeting.groups.terms))
    for what, records in kinds:
        current = {record.id.lower(): record for record in records}
        claimed: dict[str, object] = {}
        for record in records:
            for old in record.previous_ids:
                _check_previous_id(what, record, old, current, claimed, problems)


def _check_previous_id(what: str, record, old: str, current: dict, claimed: dict,
                       problems: Problems) -> None:
    where: Source = record.source
    line = where.line_of("previous_ids")
    other = current.get(old.lower())  # URLs ignore case, so ids that differ in case clash
    if other is record:
        problems.error(where.file, line, f"{what} '{record.id}' lists its own id in "
                                         "`previous_ids:`; list only ids it had before")
    elif other is not None:
        problems.error(where.file, line,
                       f"previous id '{old}' of {what} '{record.id}' is the id of {what} "
                       f"'{other.id}' ({other.source.file}:{other.source.line}); an old id "
                       "redirects to the new page, so it must not be in use")
    elif old.lower() in claimed and claimed[old.lower()] is not record:
        first = claimed[old.lower()]
        problems.error(where.file, line,
                       f"previous id '{old}' of {what} '{record.id}' is also a previous id of "
                       f"'{first.id}' ({first.source.file}:{first.source.line}); an old "
                       "address can lead to one page only")
    claimed.setdefault(old.lower(), record)


def _check_dates(agenda: Agenda, problems: Problems) -> None:
    meeting = agenda.meeting
    where = meeting.source
    published = [p.date for p in agenda.publications]
    if meeting.changes_since and not published:
        problems.warn(where.file, where.line_of("changes_since"),
                      f"`changes_since: {meeting.changes_since}` marks changes since a "
                      "publication, but nothing is recorded yet; run `agenda publish` "
                      "(README: Publishing updates)")
    elif meeting.changes_since and meeting.changes_since < published[0]:
        problems.warn(where.file, where.line_of("changes_since"),
                      f"`changes_since: {meeting.changes_since}` is before the first "
                      f"publication record ({published[0]}), so no item can be marked; "
                      f"use {published[0]} or later")
    if meeting.updated and published and meeting.updated < published[-1]:
        problems.warn(where.file, where.line_of("updated"),
                      f"`updated: {meeting.updated}` is before the latest publication "
                      f"({published[-1]}); move it forward, or remove it to show the "
                      "latest publication's date")
