"""Views of what changed: the "What changed" page, the home page's latest changes,
and the redirect page an old address (`previous_ids:`) gets."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..changes import ItemChange, Step
from ...i18n import N_, _, ngettext
from .. import present, urls
from .frame import DateText, Frame, Meta, date_text, make_meta
from .parts import Badge, Parts

CHANGE_BADGES = {"new": Badge(N_("New"), "badge-new"), "changed": Badge(N_("Changed"), "badge-changed"),
                 "removed": Badge(N_("Removed"), "badge-removed"),
                 "cancelled": Badge(N_("Cancelled"), "badge-cancelled"),
                 "postponed": Badge(N_("Postponed"), "badge-postponed"),
                 "moved": Badge(N_("Moved"), "badge-moved"),
                 "reinstated": Badge(N_("Changed"), "badge-changed")}


def change_badge(kind: str) -> Badge:
    """A change's badge in the interface language."""
    badge = CHANGE_BADGES[kind]
    return Badge(_(badge.text), badge.css)


@dataclass(frozen=True)
class ChangeEntry:
    """One item's changes in one publication."""

    label: str               # "Session 5: Data collection ..."
    path: str                # its page now, or its place on its day page; "" when removed
    when: str                # when it is now (or was): "Mon 20 Jun, 16:30"
    badge: Badge             # New, Changed, Cancelled, Postponed, Moved, Removed
    changes: tuple[str, ...]  # plain words: "moved from 16:00 to 16:30", "cancelled"
    summary: str             # the changes in one line: "moved from 16:00 to 16:30; ..."
    published: DateText      # the publication that made them


@dataclass(frozen=True)
class PublicationEntry:
    """One publication on the changes page."""

    anchor: str              # "published-2022-06-14": the page's #fragment for it
    date: DateText
    first: bool              # the first publication: nothing before it to compare with
    summary: str             # "3 items changed", "First publication: 33 items"
    meeting: tuple[str, ...]  # changes of the whole agenda: "The agenda is now final ..."
    entries: tuple[ChangeEntry, ...]


@dataclass(frozen=True)
class ChangesView:
    meta: Meta
    frame: Frame
    intro: str
    since: DateText | None   # the meeting's changes_since: items changed after it are marked
    feed: str                # the Atom feed's path
    publications: tuple[PublicationEntry, ...]   # newest first
    pending: str             # a note when the content has changes not published yet, or ""


@dataclass(frozen=True)
class RedirectView:
    """A page at an address the agenda used before: it sends readers to the page now."""

    meta: Meta               # the old address; canonical: the new page's public URL
    frame: Frame
    target: str              # the page now (an output path)
    title: str               # the page's title now


def changes_view(parts: Parts, frame: Frame) -> ChangesView:
    history, meeting = parts.history, parts.meeting
    records = history.records
    first = records[0].date
    updates = len(records) - 1
    if updates == 2:  # English says "twice", which no plural form gives
        intro = _("The agenda was first published on {date} and updated twice since.")
    elif updates:
        intro = ngettext("The agenda was first published on {date} and updated once since.",
                         "The agenda was first published on {date} and updated {count} times since.",
                         updates)
    else:
        intro = _("The agenda was first published on {date}.")
    intro = intro.format(date=present.long_date(first), count=updates) \
        + " " + _("The latest changes come first.")
    pending = ""
    if history.pending_changes:
        pending = _("Changes made since {date} are shown on the pages but not listed here "
                    "until the next publication.").format(date=present.long_date(history.latest))
    return ChangesView(
        make_meta(frame, urls.CHANGES, _("What changed"),
                  _("What changed in the agenda of {meeting}, publication by publication").format(
                      meeting=meeting.title)),
        frame, intro, date_text(meeting.changes_since) if history.since else None, urls.FEED,
        tuple(publication_entry(parts, step, len(record.items))
              for step, record in reversed(list(zip(history.steps, records)))), pending)


def _path_now(parts: Parts, item_id: str) -> str:
    """Where an item of a record is now: its page, or its place on its day page, also
    when it was renamed since (`previous_ids`); "" when it is gone."""
    found = parts.index.items.get(item_id)
    if found is None:
        found = next(((day, item) for day, item in parts.agenda.items()
                      if item_id in item.previous_ids), None)
    return parts.item_path(found[1]) if found else ""


def publication_entry(parts: Parts, step: Step, size: int) -> PublicationEntry:
    published = date_text(step.date)
    entries = tuple(change_entry(parts, change, published) for change in step.items)
    if step.first:
        summary = _("First publication: {items}.").format(items=present.item_count(size))
    elif entries:
        summary = ngettext("{count} item changed.", "{count} items changed.",
                           len(entries)).format(count=len(entries))
    else:
        summary = _("No item changed.")
    return PublicationEntry(anchor(step.date), published, step.first, summary, step.meeting,
                            entries)


def anchor(when: date) -> str:
    return f"published-{when.isoformat()}"


def change_entry(parts: Parts, change: ItemChange, published: DateText) -> ChangeEntry:
    path = _path_now(parts, change.id) if change.kind != "removed" else ""
    when = f"{present.short_date(date.fromisoformat(change.date))}, {change.start}"
    return ChangeEntry(change.label, path, when,
                       change_badge(change.kind), change.phrases, "; ".join(change.phrases),
                       published)


def latest_changes(parts: Parts, count: int = 3) -> tuple[ChangeEntry, ...]:
    """The home page's most recent changes."""
    return tuple(change_entry(parts, change, date_text(step.date))
                 for step, change in parts.history.latest_changes(count))


def redirect_view(parts: Parts, frame: Frame, path: str, target: str, title: str) -> RedirectView:
    canonical = urls.public_url(frame.base_url, target) if frame.base_url else ""
    meta = Meta(path, title, _("Moved: {title} – {site}").format(title=title, site=frame.site_name),
                _("{title} is now at another address.").format(title=title), canonical)
    return RedirectView(meta, frame, target, title)
