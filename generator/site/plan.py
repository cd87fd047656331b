"""Stage 4, plan: decide every output file (its path, template and data) before
anything is rendered. Two sources that would write one path are refused here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from ..errors import ContentError, Problems
from ..content.model import Agenda, Day, Item, Source
from ..content.relations import Index
from .timeline import timeline
from . import urls
from .describe import location
from ..outputs import sitemap
from .present import Shown, item_title, long_date, shown_items, term_label


# What each template reads besides its page's context, so incremental rebuilds
# (incremental.py) know when a page must be rendered again: "context" = its context
# plus what every page shows (meeting, day list, people and organisation names);
# "schedule" = also every day's items. Other templates are taken to read everything.
TEMPLATE_DEPENDS = {"home.html": "schedule", "day.html": "context", "session.html": "context",
                    "taxonomy.html": "context", "term.html": "context",
                    "people.html": "context", "person.html": "context",
                    "organisations.html": "context", "organisation.html": "context",
                    "404.html": "context", "sitemap.xml": "schedule"}


@dataclass(frozen=True)
class Page:
    """An HTML (or XML) file rendered from a template."""

    path: str
    template: str
    title: str
    origin: Source
    context: dict = field(default_factory=dict, compare=False)

    @property
    def scope(self) -> str:
        """What the page shows beyond its context: "context", "schedule" or "agenda"."""
        return TEMPLATE_DEPENDS.get(self.template, "agenda")


@dataclass(frozen=True)
class Generated:
    """A file made by a Python function (calendar, JSON); `make` returns bytes."""

    path: str
    origin: Source
    make: Callable[[], bytes] = field(compare=False)
    # The values the bytes depend on (beyond the meeting, people and organisations),
    # so rebuilds can skip `make` when they are unchanged; None: always made.
    key: object = field(default=None, compare=False)


def whole_days(days) -> tuple:
    """Days with their items, for the `key` of an output that lists items: in
    rebuild fingerprints a day alone stands for its heading (incremental.py)."""
    return tuple((day, day.items) for day in days)


@dataclass(frozen=True)
class Site:
    agenda: Agenda
    index: Index
    base_url: str
    outputs: tuple

    @cached_property
    def shown(self) -> dict[str, Shown]:
        """Each item's label and times as text, by id, for templates' long lists."""
        return shown_items(self.agenda)


def plan_site(agenda: Agenda, index: Index, base_url: str = "",
              extras: tuple[Callable[[Agenda, Index, str], list], ...] = ()) -> Site:
    """Every output file; `extras` add more (static files, calendars, JSON)."""
    meeting = agenda.meeting
    pages: list = [Page(urls.HOME, "home.html", meeting.title, meeting.source)]
    session_items = [(day, item) for day, item in agenda.items() if item.has_page]
    room_order = tuple(room.id for room in meeting.rooms)
    for position, day in enumerate(agenda.days):
        pages.append(Page(urls.day_path(day), "day.html", f"{day.name}: {long_date(day.date)}",
                          day.source, {
                              "day": day, "rows": timeline(day.items, room_order),
                              "previous": agenda.days[position - 1] if position > 0 else None,
                              "next": agenda.days[position + 1]
                              if position + 1 < len(agenda.days) else None}))
    for position, (day, item) in enumerate(session_items):
        pages.append(Page(urls.item_path(item), "session.html", item_title(item), item.source, {
            "day": day, "item": item,
            "previous": session_items[position - 1] if position > 0 else None,
            "next": session_items[position + 1] if position + 1 < len(session_items) else None,
            "concurrent": index.concurrent.get(item.id, ()),
            "continues": index.items.get(item.continues),
            "continued_by": index.continuations.get(item.id, []),
            "note": index.note_of_item.get(item.id),
            "where": location(meeting, item),
        }))
    for taxonomy, items_of in ((meeting.themes, index.theme_items),
                               (meeting.groups, index.group_items)):
        if not taxonomy.terms:
            continue
        pages.append(Page(urls.taxonomy_path(taxonomy), "taxonomy.html", taxonomy.plural,
                          meeting.source, {"taxonomy": taxonomy, "items_of": items_of}))
        for term in taxonomy.terms:
            pages.append(Page(urls.term_path(term), "term.html", term_label(taxonomy, term),
                              term.source, {"taxonomy": taxonomy, "term": term,
                                            "entries": items_of.get(term.id, [])}))
    people = sorted(agenda.people, key=lambda p: p.name.casefold())
    pages.append(Page("people/index.html", "people.html", "People", meeting.source,
                      {"people": people}))
    for person in agenda.people:
        pages.append(Page(urls.person_path(person), "person.html", person.name, person.source,
                          {"person": person,
                           "appearances": index.person_appearances.get(person.id, [])}))
    organisations = sorted(agenda.organisations, key=lambda o: o.name.casefold())
    pages.append(Page("organisations/index.html", "organisations.html", "Organisations",
                      meeting.source, {"organisations": organisations}))
    for org in agenda.organisations:
        pages.append(Page(urls.organisation_path(org), "organisation.html", org.name, org.source,
                          {"organisation": org, "members": index.members.get(org.id, []),
                           "appearances": index.organisation_appearances.get(org.id, [])}))
    pages.append(Page("404.html", "404.html", "Page not found", meeting.source,
                      {"absolute_links": True}))
    for extra in extras:
        pages.extend(extra(agenda, index, base_url))
    if base_url:  # every page is planned by now; the sitemap lists them (outputs/sitemap.py)
        listed = tuple(page.path for page in pages)
        pages.append(Generated(sitemap.PATH, meeting.source,
                               lambda: sitemap.sitemap_xml(meeting, base_url, listed), key=listed))
    _refuse_shared_paths(pages)
    return Site(agenda, index, base_url, tuple(pages))


def _refuse_shared_paths(outputs: list) -> None:
    """Two sources may not write one file (compared case-blind, for macOS and Windows),
    and no file may land outside the output folder."""
    problems = Problems()
    first: dict[str, object] = {}
    for output in outputs:
        key = output.path.casefold()
        if output.path.startswith("/") or ".." in output.path.split("/"):
            problems.error(output.origin.file, output.origin.line,
                           f"this would write {output.path}, outside the output folder")
        elif key in first:
            other = first[key].origin
            problems.error(output.origin.file, output.origin.line,
                           f"this would write {output.path}, which {other.file}:{other.line} "
                           "already writes; rename one of the ids (URLs ignore case)")
        else:
            first[key] = output
    if problems.items:
        raise ContentError(problems.sorted())
