"""The display rules of an item's status (cancelled, postponed, moved), written once
for the pages (views/parts.py), the calendars, schedule.json and the records."""
from __future__ import annotations

from datetime import datetime, timezone

from ..content.lifecycle import moved_to
from ..content.model import Agenda, Day, Item
from ..content.relations import Index
from ..i18n import N_, _
from .present import hm, item_title, short_date

STATUS_LABELS = {"cancelled": N_("Cancelled"), "postponed": N_("Postponed"), "moved": N_("Moved")}


def status_label(item: Item) -> str:
    """'Cancelled', in the interface language."""
    return _(STATUS_LABELS[item.status])


def moved_target(item: Item, index: Index) -> Item | None:
    """The item a moved item went to, if it went to an item."""
    target = moved_to(item)
    found = index.items.get(target.item) if target and target.item else None
    return found[1] if found else None


def moved_text(item: Item, index: Index) -> str:
    """Where a moved item went, as shown: 'Session 9: Data quality issues (Tue 21 Jun,
    14:00)' or 'Thu 23 Jun, 10:00'; '' when it did not move."""
    target = moved_to(item)
    if target is None:
        return ""
    if target.item:
        found = index.items.get(target.item)
        if found is None:
            return target.item
        day, other = found
        return f"{item_title(other)} ({short_date(day.date)}, {hm(other.start)})"
    day = target.day or index.items[item.id][0].date
    return f"{short_date(day)}, {hm(target.start or item.start)}"


def status_sentence(item: Item, index: Index) -> str:
    """The status in a sentence, for calendars and schedule apps: 'Cancelled: the
    speaker cannot travel.', 'Moved to Thu 23 Jun, 10:00.'; '' while it takes place."""
    if not item.status:
        return ""
    if item.status == "moved":
        text = _("Moved to {target}").format(target=moved_text(item, index))
    else:
        text = status_label(item)
    if item.reason:
        text = _("{status}: {reason}").format(status=text, reason=item.reason)
    return text if text.endswith((".", "!", "?")) else text + "."


def is_dropped(item: Item, index: Index) -> bool:
    """Calendars drop it (STATUS:CANCELLED): cancelled, postponed or moved to another
    item. An item moved to a new time is the same event at that time."""
    return item.status in ("cancelled", "postponed") or moved_target(item, index) is not None


def event_window(agenda: Agenda, day: Day, item: Item) -> tuple[datetime, datetime]:
    """When the item's calendar event is: its slot, or the new time it moved to (for as
    long as it lasted)."""
    target = moved_to(item) if item.status == "moved" else None
    if target is None or target.item:
        return agenda.local_datetime(day, item.start), agenda.local_datetime(day, item.end)
    zone = agenda.meeting.zone
    start = datetime.combine(target.day or day.date, target.start or item.start, tzinfo=zone)
    end = start.astimezone(timezone.utc) + agenda.elapsed(day, item)
    return start, end.astimezone(zone)
