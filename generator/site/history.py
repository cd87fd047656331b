"""The agenda's history: the publication records compared with each other and with
the content, once per build.

From it the site gets the changes of each publication (the "What changed" page,
the feed and the home page), the New/Changed marks of items changed since the
meeting's `changes_since:`, the revision of each calendar event, and the date the
agenda was last updated. Nothing here reads the clock or a file's time: dates
come from the records, and from `updated:` for changes not recorded yet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, timedelta

from ..content.languages import source_of
from ..content.model import Agenda
from ..content.published import Publication
from ..content.relations import Index
from .changes import ItemChange, Step, compare

EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class Revision:
    """Where an item's calendar event stands in the history."""

    uid_id: str              # the id it was first published under: its event's UID
    modified: date           # the publication in which what the event shows last changed

    @property
    def sequence(self) -> int:
        """Days from 1970 to `modified`: it rises exactly when the event changes, and
        continues the numbers of agendas built before they had records (days to
        `updated:`)."""
        return (self.modified - EPOCH).days


@dataclass(frozen=True)
class History:
    records: tuple[Publication, ...] = ()
    steps: tuple[Step, ...] = ()          # one per record, oldest first
    since: Step | None = None             # the content against the record at changes_since
    revisions: dict[str, Revision] = field(default_factory=dict)  # by current item id
    pending: date | None = None           # the date unrecorded changes get
    unpublished: Step | None = None       # the content against the latest record

    @property
    def latest(self) -> date | None:
        return self.records[-1].date if self.records else None

    @property
    def pending_changes(self) -> bool:
        """The content shows changes no record has yet (`agenda publish` records them)."""
        step = self.unpublished
        return step is not None and bool(step.items or step.meeting)

    def mark(self, item_id: str) -> ItemChange | None:
        """The item's changes since `changes_since:`, if any."""
        return self.marks.get(item_id)

    @cached_property
    def marks(self) -> dict[str, ItemChange]:
        changes = self.since.items if self.since is not None else ()
        return {change.id: change for change in changes if change.kind != "removed"}

    def latest_changes(self, count: int) -> list[tuple[Step, ItemChange]]:
        """The `count` most recent item changes, newest publication first."""
        found = [(step, change) for step in reversed(self.steps) for change in step.items]
        return found[:count]


NO_HISTORY = History()
_last: list = [(), NO_HISTORY]  # the last agenda's parts and its history


def history_of(agenda: Agenda, index: Index) -> History:
    """The history of this build's agenda, made once (views, calendars and the feed
    all ask). While the schedule and the records are the very objects of the last
    call (the dev server's rebuilds reuse unchanged files' records), so is it."""
    # Every edition compares the main language's texts, as the records hold them.
    agenda, index = source_of(agenda, index)
    parts = (agenda.meeting, agenda.people, agenda.organisations, agenda.days,
             *agenda.publications)
    if len(parts) == len(_last[0]) and all(a is b for a, b in zip(parts, _last[0])):
        return _last[1]
    history = make_history(agenda, index)
    _last[:] = [parts, history]
    return history


def make_history(agenda: Agenda, index: Index) -> History:
    records = agenda.publications
    if not records:
        return NO_HISTORY
    # Imported here: a snapshot reads what calendars show (outputs/events.py), whose
    # text rules (describe.py) use the views' person line, and the views use the history.
    from .snapshot import snapshot
    meeting = agenda.meeting
    latest = records[-1].date
    pending = meeting.updated if meeting.updated and meeting.updated > latest \
        else latest + timedelta(days=1)
    current = snapshot(agenda, index, pending)
    steps = tuple(compare(before, record)
                  for before, record in zip((None,) + records[:-1], records))
    baseline = _record_at(records, meeting.changes_since)
    since = compare(baseline, current) if baseline is not None else None
    return History(records, steps, since, _revisions(records + (current,)), pending,
                   compare(records[-1], current))


def _record_at(records: tuple[Publication, ...], when: date | None) -> Publication | None:
    """The record readers had on `when`: the latest one published by then."""
    if when is None:
        return None
    return next((record for record in reversed(records) if record.date <= when), None)


def _revisions(publications: tuple[Publication, ...]) -> dict[str, Revision]:
    """Follow each item through the records (by id, or an id its `previous_ids` name):
    its first id, and the last publication in which its event's digest changed."""
    state: dict[str, tuple[str, str, date]] = {}  # id -> (first id, event digest, modified)
    for publication in publications:
        following = {}
        for item in publication.items:
            before = state.get(item.id) or next(
                (state[old] for old in item.previous_ids if old in state), None)
            if before is None:
                following[item.id] = (item.id, item.event, publication.date)
            else:
                first, digest, modified = before
                following[item.id] = (first, item.event,
                                      modified if digest == item.event else publication.date)
        state = following
    return {item_id: Revision(first, modified) for item_id, (first, _, modified) in state.items()}
