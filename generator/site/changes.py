"""What changed between two publication records, in plain words: "moved from
10:00 to 11:30", "Kåre Vassenden added as discussant", "cancelled", "new session".

Items are matched by id, or by an id the newer record lists in `previous_ids`,
so a renamed item reads as one item with a new address, not as one removed and
one added.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..content.published import Publication, PublishedItem
from .present import AUDIENCE_LABELS, KIND_LABELS, short_date


@dataclass(frozen=True)
class ItemChange:
    """One item's changes from one record to the next."""

    id: str                  # its id in the newer record (the older one when removed)
    label: str
    date: str                # when it is (or, removed, was): 2022-06-20
    start: str
    kind: str                # new, changed, removed, cancelled, postponed, moved, reinstated
    status: str              # the status phrase ("cancelled: no speaker"), or ""
    details: tuple[str, ...]  # every other change, in plain words

    @property
    def phrases(self) -> tuple[str, ...]:
        return ((self.status,) if self.status else ()) + self.details


@dataclass(frozen=True)
class Step:
    """What one publication changed since the one before it."""

    date: date
    first: bool                   # the first publication: nothing to compare with
    meeting: tuple[str, ...]      # changes of the whole agenda ("The agenda is now final")
    items: tuple[ItemChange, ...]


def compare(old: Publication | None, new: Publication) -> Step:
    if old is None:
        return Step(new.date, True, (), ())
    by_id = {item.id: item for item in old.items}
    matched: set[str] = set()
    changes = []
    for item in new.items:
        before = _predecessor(item, by_id)
        if before is None:
            changes.append(_new(item))
            continue
        matched.add(before.id)
        change = _changed(before, item)
        if change is not None:
            changes.append(change)
    changes += [ItemChange(item.id, item.label, item.date, item.start, "removed", "",
                           ("removed from the agenda",))
                for item in old.items if item.id not in matched]
    changes.sort(key=lambda change: (change.date, change.start))
    meeting = ()
    if old.meeting_status != new.meeting_status:
        meeting = (f"The agenda is now {new.meeting_status} (it was {old.meeting_status}).",)
    return Step(new.date, False, meeting, tuple(changes))


def _predecessor(item: PublishedItem, by_id: dict[str, PublishedItem]) -> PublishedItem | None:
    if item.id in by_id:
        return by_id[item.id]
    return next((by_id[old] for old in item.previous_ids if old in by_id), None)


def _new(item: PublishedItem) -> ItemChange:
    status = _status_phrase(item) if item.status else ""
    return ItemChange(item.id, item.label, item.date, item.start, "new", status,
                      (f"new {_kind(item)}",))


def _changed(old: PublishedItem, new: PublishedItem) -> ItemChange | None:
    status, kind = "", "changed"
    if old.status != new.status:
        status = _status_phrase(new) if new.status else f"no longer {old.status}"
        kind = new.status or "reinstated"
    elif new.status == "moved" and old.moved_to != new.moved_to:
        status = f"now moved to {new.moved_to}"
    details = (_address(old, new) + _title(old, new) + _times(old, new) + _room(old, new)
               + _audience(old, new) + _confirmation(old, new) + _people(old, new)
               + _terms(old, new) + _texts(old, new))
    if not status and not details:
        return None
    return ItemChange(new.id, new.label, new.date, new.start, kind, status, details)


def _status_phrase(item: PublishedItem) -> str:
    phrase = f"moved to {item.moved_to}" if item.status == "moved" else item.status
    return f"{phrase}: {item.reason}" if item.reason else phrase


def _address(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    if old.page and new.page and old.page != new.page:
        return (f"new address {_folder(new.page)} (links to {_folder(old.page)} lead there)",)
    return ()


def _folder(path: str) -> str:
    return path[: -len("index.html")] if path.endswith("index.html") else path


def _title(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    phrases = ()
    if old.label != new.label:
        phrases += (f"title changed to “{new.label}” (was “{old.label}”)",)
    if old.kind != new.kind:
        phrases += (f"now a {_kind(new)} (was a {_kind(old)})",)
    return phrases


def _kind(item: PublishedItem) -> str:
    return KIND_LABELS.get(item.kind, "item").lower()


def _times(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    phrases = []
    if old.date == new.date and old.start != new.start and old.end == new.end:
        phrases.append(f"now starts at {new.start} (was {old.start}), ends at {new.end} as before")
    elif (old.date, old.start) != (new.date, new.start):
        if old.date == new.date:
            phrases.append(f"moved from {old.start} to {new.start}")
        else:
            phrases.append(f"moved from {_day(old.date)}, {old.start} to "
                           f"{_day(new.date)}, {new.start}")
        if _minutes(old) != _minutes(new):
            phrases.append(f"now ends at {new.end} (was {old.end})")
    elif old.end != new.end:
        phrases.append(f"now ends at {new.end} (was {old.end})")
    return tuple(phrases)


def _day(iso: str) -> str:
    return short_date(date.fromisoformat(iso))


def _minutes(item: PublishedItem) -> int:
    start, end = (datetime.strptime(t, "%H:%M") for t in (item.start, item.end))
    return int((end - start).total_seconds()) // 60


def _room(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    if old.room == new.room:
        return ()
    if old.room and new.room:
        return (f"moved from {old.room} to {new.room}",)
    return (f"now in {new.room}",) if new.room else (f"no longer in {old.room}",)


def _audience(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    if old.audience == new.audience:
        return ()
    if new.audience == "all":
        return ("now open to all participants",)
    return (f"now for {AUDIENCE_LABELS.get(new.audience, new.audience).lower()}",)


def _confirmation(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    if old.tbc == new.tbc:
        return ()
    return ("now to be confirmed",) if new.tbc else ("confirmed",)


def _people(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    before = {(ref.role, ref.key): ref for ref in old.people}
    after = {(ref.role, ref.key): ref for ref in new.people}
    added = [ref for key, ref in after.items() if key not in before]
    removed = {ref.key: ref for key, ref in before.items() if key not in after}
    phrases = []
    for ref in added:
        was = removed.pop(ref.key, None)
        if was is not None:  # one person, another role
            phrases.append(f"{ref.name} now {ref.role} (was {was.role})")
        else:
            phrases.append(f"{ref.name} added as {ref.role}"
                           + (", to be confirmed" if ref.tbc else ""))
    phrases += [f"{ref.name} removed as {ref.role}" for ref in removed.values()]
    for key, ref in after.items():
        if key in before and before[key].tbc != ref.tbc:
            phrases.append(f"{ref.name} now to be confirmed as {ref.role}" if ref.tbc
                           else f"{ref.name} confirmed as {ref.role}")
    return tuple(phrases)


def _terms(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    before = {term.key: term for term in old.terms}
    after = {term.key: term for term in new.terms}
    return (tuple(f"added to {term.name}" for key, term in after.items() if key not in before)
            + tuple(f"removed from {term.name}" for key, term in before.items()
                    if key not in after))


def _texts(old: PublishedItem, new: PublishedItem) -> tuple[str, ...]:
    return ("description updated",) if old.details != new.details else ()
