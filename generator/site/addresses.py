"""Links that never break: a redirect page at every address an item, theme, group,
person or organisation had before (`previous_ids:`), and a warning when the
content drops a page a publication record says was published.
"""
from __future__ import annotations

import dataclasses
from functools import partial

from ..content.model import Agenda, Person, Source
from ..content.published import Publication
from ..errors import Problem, Problems
from . import present, urls
from .planned import Page
from .views.changes import redirect_view

TEMPLATE = "redirect.html"


def redirect_pages(agenda: Agenda) -> list[Page]:
    """One small page per previous id, leading to the page the record has now."""
    meeting = agenda.meeting
    targets = [(item, present.item_title(item)) for _, item in agenda.items() if item.has_page]
    targets += [(person, person.name) for person in agenda.people]
    targets += [(org, org.name) for org in agenda.organisations]
    targets += [(term, present.term_label(taxonomy, term))
                for taxonomy in (meeting.themes, meeting.groups) for term in taxonomy.terms]
    pages = []
    for record, title in targets:
        target = urls.path_of(record)
        for old in record.previous_ids:
            path = urls.path_of(_renamed(record, old))
            pages.append(Page(path, TEMPLATE, record.source,
                              partial(redirect_view, path=path, target=target, title=title)))
    return pages


def _renamed(record, old: str):
    """The record as it was under its old id (a term's URL folder is its id in lower case)."""
    if hasattr(record, "slug"):
        return dataclasses.replace(record, id=old, slug=old.lower())
    return dataclasses.replace(record, id=old)


def broken_links(agenda: Agenda, outputs, base_url: str) -> list[Problem]:
    """Warnings for pages some record published that the site no longer has."""
    if not agenda.publications:
        return []
    problems = Problems()
    planned = {output.path for output in outputs}
    last: dict[str, Publication] = {}
    for record in agenda.publications:
        for path in record.pages:
            last[path] = record
    for path, record in last.items():
        if path not in planned:
            _warn(agenda, problems, path, record, base_url)
    return problems.items


def _warn(agenda: Agenda, problems: Problems, path: str, record: Publication,
          base_url: str) -> None:
    # The public address when the base URL is known, else the folder in the site.
    address = urls.public_url(base_url or "/", path).removeprefix("/")
    old_id = _old_id(path)
    where, hint = _likely_successor(agenda, path, record)
    if where is None:
        where = Source(record.source.file, record.page_line(path))
        hint = (f"give the page that replaces it `previous_ids: [{old_id}]`" if old_id
                else "keep the page")
    problems.warn(where.file, where.line,
                  f"{address} was published on {record.date} ({record.source.file}) and "
                  f"would now break: no page is at that address; {hint}")


def _old_id(path: str) -> str:
    """The id in a page's address: sessions/session-8/index.html -> session-8."""
    return path.split("/")[-2] if path.count("/") >= 2 else ""


def _likely_successor(agenda: Agenda, path: str, record: Publication):
    """The item or person that most likely replaced a dropped page, as (its source, a
    hint), or (None, ""): an item a record named as its successor (`previous_ids`), or
    with the title the page's item had; a person with the name the page's person had."""
    old_id = _old_id(path)
    hint = f"add `previous_ids: [{old_id}]` to it"
    for item in _successors(agenda, path, old_id):
        return (Source(item.source.file, item.source.line_of("id")),
                f"if item '{item.id}' is the same, {hint}")
    names = {ref.key: ref.name for past in agenda.publications for item in past.items
             for ref in item.people}
    if path == urls.person_path(Person(old_id, "")) and old_id in names:
        for person in agenda.people:
            if person.name == names[old_id]:
                return (Source(person.source.file, person.source.line_of("id")),
                        f"if person '{person.id}' is the same, {hint}")
    return None, ""


def _successors(agenda: Agenda, path: str, old_id: str):
    """Current items with a page that took over a published item page."""
    named, titles = set(), set()
    for past in agenda.publications:
        for item in past.items:
            if item.page == path:
                titles.add(item.label)
            elif old_id in item.previous_ids:
                named.add(item.id)
    for _, item in agenda.items():
        if item.has_page and (item.id in named or present.item_title(item) in titles):
            yield item
