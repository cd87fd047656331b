"""`agenda publish`: record what the site publishes now, in the content folder.

The record (content/published/DATE.json, content/published.py) holds each item's
shown fields and the pages of the site; later builds compare the content with it.
The date is never the clock's unless asked for: it is `--date`, else the meeting's
`updated:`. One record per date: publishing again on the same date replaces that
day's record; an earlier date than the latest record is refused.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..content.published import Publication, record_path, record_text
from ..content.fields import YEARS
from ..errors import AgendaError
from .build import Builder
from .changes import Step, compare
from .history import history_of
from . import urls
from .plan import plan_site
from .snapshot import published_pages, snapshot


class PublishError(AgendaError):
    """The publication cannot be recorded as asked."""


@dataclass(frozen=True)
class Published:
    path: Path | None        # the record written, or None when nothing changed
    record: Publication
    step: Step               # what changed since the publication before it
    replaced: bool           # a record of that date was there and is replaced
    notes: tuple[str, ...]   # advice for the organiser (an `updated:` left behind)
    previous: date | None    # the publication before it

    def summary(self) -> str:
        if self.path is None:
            return (f"Nothing changed since the publication of {self.previous}; "
                    "no record written.")
        verb = "Replaced the record" if self.replaced else "Recorded the publication"
        if self.step.first:
            what = f"first publication, {len(self.record.items)} items"
        elif self.step.items:
            count = len(self.step.items)
            what = f"{count} item{'s' if count != 1 else ''} changed"
        else:
            what = "no item changed; the pages did"
        lines = [f"{verb} of {self.record.date} in {self.path} ({what})."]
        lines += [f"  {change.label}: {'; '.join(change.phrases)}" for change in self.step.items]
        lines += [f"  {line}" for line in self.step.meeting]
        return "\n".join(lines + list(self.notes))


def publication_date(option: str | None, updated: date | None) -> date:
    """--date YYYY-MM-DD, --date today (the clock, asked for), else `updated:`."""
    if option == "today":
        return date.today()
    if option:
        try:
            day = date.fromisoformat(option)
        except ValueError:
            raise PublishError(f"--date {option} is not a date: write YYYY-MM-DD "
                               "(or --date today)") from None
        if day.year not in YEARS:  # the checker would refuse the record
            raise PublishError(f"--date {option}: a meeting's dates lie between {YEARS[0]} "
                               f"and {YEARS[-1]}")
        return day
    if updated is None:
        raise PublishError("say which date this publication has: pass --date YYYY-MM-DD "
                           "(or --date today), or set `updated:` in meeting.yaml")
    return updated


def publish(builder: Builder, option: str | None, strict: bool = False) -> Published:
    loaded = builder.check(strict)
    agenda = loaded.agenda
    when = publication_date(option, agenda.meeting.updated)
    records = agenda.publications
    if records and when < records[-1].date:
        raise PublishError(f"the latest record is of {records[-1].date}, after {when}; "
                           "publications go forward in time: pass a later --date")
    replaced = bool(records) and records[-1].date == when
    before = [record for record in records if record.date < when]
    site = plan_site(agenda, loaded.index, builder.base_url)
    # Once a record exists the site has its "What changed" page: count it from the first.
    pages = tuple(sorted({*published_pages(site.outputs), urls.CHANGES}))
    record = snapshot(agenda, loaded.index, when, pages)
    previous = before[-1] if before else None
    step = compare(previous, record)
    if previous and not replaced and not step.items and not step.meeting \
            and record.pages == previous.pages:
        return Published(None, record, step, False, (), previous.date)
    path = record_path(builder.content_dir, when)
    _write(path, record_text(record))
    notes = ()
    updated = agenda.meeting.updated
    if updated and updated != when:
        notes = (f"Note: meeting.yaml says `updated: {updated}`, which the pages show as the "
                 f"last update; set it to {when} or remove it.",)
    return Published(path, record, step, replaced, notes, previous.date if previous else None)


def _write(path: Path, text: str) -> None:
    """Write whole or not at all: a half-written record would stop every build."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.tmp")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)


def unpublished_note(agenda, index) -> str:
    """What `agenda check` says when the content has changes no record holds yet."""
    history = history_of(agenda, index)
    if not history.pending_changes:
        return ""
    count = len(history.unpublished.items)
    what = f"{count} item{'s' if count != 1 else ''}" if count else "the agenda"
    return (f"{what} changed since the publication of {history.latest}; `agenda publish "
            "--date YYYY-MM-DD` records the changes (README: Publishing updates)")
