"""Stage 4, plan: decide every output file (its path, template or maker, and how
its view is made) before anything is rendered. Two sources that would write one
path are refused here. The views stage (views/) then makes each output's view.
"""
from __future__ import annotations

from functools import partial
from typing import Callable

from ..errors import ContentError, Problems
from ..content.model import Agenda
from ..content.relations import Index
from . import urls
from ..outputs import sitemap
from .planned import Generated, Page, Site
from .addresses import redirect_pages
from .views import changes, companion, directory, schedule


# Pages a search engine should not list: a reader's own picks, old addresses, 404.
UNLISTED = frozenset({"my-agenda.html", "redirect.html", "404.html"})


def plan_site(agenda: Agenda, index: Index, base_url: str = "",
              extras: tuple[Callable[[Agenda, Index, str], list], ...] = ()) -> Site:
    """Every output file of a site in one language; `extras` add more (static files,
    calendars, JSON). editions.py puts several such plans side by side."""
    outputs = plan_outputs(agenda, index, base_url, extras)
    return finish_site(agenda, index, base_url, outputs)


def finish_site(agenda: Agenda, index: Index, base_url: str, outputs: list) -> Site:
    """The site of these outputs, with the sitemap that lists them (given a base URL),
    once no two of them write one path."""
    if base_url:  # every page is planned by now; the sitemap lists them (outputs/sitemap.py)
        listed = tuple(page.path for page in outputs
                       if isinstance(page, Page) and page.template not in UNLISTED)
        make_view = partial(sitemap.view, agenda.meeting, base_url, listed)
        # Its view is made here: editions.py adds it after the views stage.
        outputs = outputs + [Generated(sitemap.PATH, agenda.meeting.source, make_view,
                                       sitemap.sitemap_xml, view=make_view())]
    refuse_shared_paths(outputs)
    return Site(agenda, index, base_url, tuple(outputs))


def plan_outputs(agenda: Agenda, index: Index, base_url: str = "",
                 extras: tuple[Callable[[Agenda, Index, str], list], ...] = ()) -> list:
    """The pages of one language, then what `extras` add; no sitemap yet."""
    meeting = agenda.meeting
    pages: list = [Page(urls.HOME, "home.html", meeting.source,
                        partial(schedule.home_view, base_url=base_url))]
    days = agenda.days
    for n, day in enumerate(days):
        pages.append(Page(urls.day_path(day), "day.html", day.source,
                          partial(schedule.day_view, day=day,
                                              previous=days[n - 1] if n > 0 else None,
                                              following=days[n + 1] if n + 1 < len(days)
                                              else None)))
    sessions = [(day, item) for day, item in agenda.items() if item.has_page]
    for n, (day, item) in enumerate(sessions):
        pages.append(Page(urls.item_path(item), "session.html", item.source,
                          partial(schedule.session_view, day=day, item=item,
                                  note=index.note_of_item.get(item.id),
                                  previous=sessions[n - 1][1] if n > 0 else None,
                                  following=sessions[n + 1][1] if n + 1 < len(sessions)
                                  else None)))
    for taxonomy, items_of in ((meeting.themes, index.theme_items),
                               (meeting.groups, index.group_items)):
        if not taxonomy.terms:
            continue
        pages.append(Page(urls.taxonomy_path(taxonomy), "taxonomy.html", meeting.source,
                          partial(directory.taxonomy_view, taxonomy=taxonomy,
                                                  items_of=items_of)))
        for term in taxonomy.terms:
            pages.append(Page(urls.term_path(term), "term.html", term.source,
                              partial(directory.term_view, taxonomy=taxonomy,
                                                   term=term,
                                                   entries=items_of.get(term.id, []))))
    pages.append(Page(urls.PROGRAMME, "programme.html", meeting.source,
                      companion.programme_view))
    pages.append(Page(urls.MY_AGENDA, "my-agenda.html", meeting.source,
                      companion.my_agenda_view))
    pages.append(Page(urls.PEOPLE, "people.html", meeting.source,
                      directory.people_view))
    for person in agenda.people:
        pages.append(Page(urls.person_path(person), "person.html", person.source,
                          partial(directory.person_view, person=person)))
    pages.append(Page(urls.ORGANISATIONS, "organisations.html", meeting.source,
                      directory.organisations_view))
    for org in agenda.organisations:
        pages.append(Page(urls.organisation_path(org), "organisation.html", org.source,
                          partial(directory.organisation_view, org=org)))
    if agenda.publications:
        pages.append(Page(urls.CHANGES, "changes.html", meeting.source, changes.changes_view))
    pages.append(Page(urls.NOT_FOUND, "404.html", meeting.source,
                      lambda parts, frame: directory.not_found_view(frame)))
    pages.extend(redirect_pages(agenda))  # old addresses, left out of the sitemap
    for extra in extras:
        pages.extend(extra(agenda, index, base_url))
    return pages


def refuse_shared_paths(outputs: list) -> None:
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
