"""What every page shows around its content: head, navigation, status banner and
footer. One `Frame` per build, shared by every page view."""
from __future__ import annotations

from dataclasses import dataclass

from ...content.model import Agenda
from .. import present, urls


@dataclass(frozen=True)
class DateText:
    iso: str         # 2022-06-10
    text: str        # Friday 10 June 2022


@dataclass(frozen=True)
class NavEntry:
    label: str
    path: str
    date: str = ""   # a day's short date, shown beside its name


@dataclass(frozen=True)
class Frame:
    language: str
    site_name: str           # the short title, else the title
    description: str         # the default page description
    nav: tuple[NavEntry, ...]
    status: str              # "" when final, else e.g. "Tentative"
    status_class: str        # e.g. "tentative"
    updated: DateText | None
    timezone: str            # the IANA name
    start_iso: str           # the first day
    zone_label: str          # "Rabat time (UTC+01:00)"
    base_url: str
    stylesheet: str = "static/style.css"
    script: str = "static/agenda.js"
    feed: str = ""           # the Atom feed of changes (<link rel="alternate">), or ""


@dataclass(frozen=True)
class Meta:
    """A page's own head: its path, title, description and public address."""

    path: str
    title: str               # the page's heading text
    document_title: str      # the title in the browser tab: "Day 1: … – Site"
    description: str
    canonical: str           # "" without a base URL


def make_frame(agenda: Agenda, base_url: str) -> Frame:
    meeting = agenda.meeting
    nav = [NavEntry("Overview", urls.HOME)]
    nav += [NavEntry(day.name, urls.day_path(day), present.short_date(day.date))
            for day in agenda.days]
    nav += [NavEntry(taxonomy.plural, urls.taxonomy_path(taxonomy))
            for taxonomy in (meeting.themes, meeting.groups) if taxonomy.terms]
    nav += [NavEntry("People", urls.PEOPLE), NavEntry("Organisations", urls.ORGANISATIONS)]
    published = bool(agenda.publications)
    if published:
        nav.append(NavEntry("What changed", urls.CHANGES))
    final = meeting.status == "final"
    return Frame(
        meeting.language, meeting.short_title or meeting.title,
        meeting.subtitle or meeting.title, tuple(nav),
        "" if final else meeting.status.capitalize(), "" if final else meeting.status,
        date_text(last_updated(agenda)), meeting.timezone, meeting.start.isoformat(),
        present.zone_label(meeting), base_url, feed=urls.FEED if published else "")


def last_updated(agenda: Agenda):
    """`updated:`, else the date of the latest publication record, else None."""
    if agenda.meeting.updated:
        return agenda.meeting.updated
    return agenda.publications[-1].date if agenda.publications else None


def date_text(when) -> DateText | None:
    return DateText(when.isoformat(), present.long_date(when)) if when else None


def make_meta(frame: Frame, path: str, title: str, description: str = "",
              canonical: bool = True) -> Meta:
    document_title = title if path == urls.HOME else f"{title} – {frame.site_name}"
    public = urls.public_url(frame.base_url, path) if frame.base_url and canonical else ""
    return Meta(path, title, document_title, description or frame.description, public)
