"""Links from Markdown to other pages of the meeting: `[Session 1](@session-1)`.

A link whose address starts with `@` names a page by what it shows, not by its
URL, so it works wherever the site is published:

    @ITEM-ID                 an item's page (a break's place on its day page)
    @sessions/ITEM-ID        the same, spelt out
    @days/2022-06-20         a day
    @people/PERSON-ID        a person
    @organisations/ORG-ID    an organisation
    @TAXONOMY-SLUG/TERM-ID   a theme or group, e.g. @policy-areas/1, @task-forces/TF1

An optional `#anchor` may follow (`@session-5#note-agenda`). Reference-style
definitions (`[s5]: @session-5`) and raw `<a href="@...">` work too; code spans
and fenced code are left alone. Here every such link is checked (an unknown
target is a `file:line` error); site/internal_links.py turns them into relative
links from the page being rendered.
"""
from __future__ import annotations

import difflib
import re
from typing import Iterator

from ..errors import Problems
from .model import Agenda, Source
from .relations import Index

TARGET = r"@(?P<path>[A-Za-z0-9._/-]+)(?:#(?P<anchor>[^\s\"'<>)]*))?"
LINKS = re.compile(
    r"\]\(\s*<?" + TARGET                                     # [text](@target)
    + r"|^ {0,3}\[[^\]\n]+\]:[ \t]*<?" + TARGET.replace("?P<", "?P<d_")  # [id]: @target
    + r"|\bhref\s*=\s*[\"']" + TARGET.replace("?P<", "?P<h_"),          # <a href="@target">
    re.MULTILINE)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)",
                   re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
FORMS = ("@ITEM-ID, @days/DATE, @people/ID, @organisations/ID or @TAXONOMY/ID "
         "(see \"Links between pages\" in content/README.md)")


class Targets:
    """Every page a link may name, by its `@` path."""

    def __init__(self, agenda: Agenda, index: Index) -> None:
        self.agenda = agenda
        self.index = index
        self.days = {day.date.isoformat(): day for day in agenda.days}
        self.terms = {}
        for taxonomy in (agenda.meeting.themes, agenda.meeting.groups):
            for term in taxonomy.terms:
                self.terms.setdefault(f"{taxonomy.slug}/{term.id}", term)
                self.terms.setdefault(f"{taxonomy.slug}/{term.slug}", term)

    def find(self, path: str):
        """The model object a path names (item, day, person, organisation, term), or None."""
        folder, _, key = path.partition("/")
        if not key:
            return self._item(folder)
        if folder == "sessions":
            return self._item(key)
        if folder == "days":
            return self.days.get(key)
        if folder == "people":
            return self.index.people.get(key)
        if folder == "organisations":
            return self.index.organisations.get(key)
        return self.terms.get(path)

    def _item(self, item_id: str):
        found = self.index.items.get(item_id)
        return found[1] if found else None

    def known(self) -> list[str]:
        """Every valid path, for suggestions."""
        return [*self.index.items, *(f"days/{d}" for d in self.days),
                *(f"people/{p}" for p in self.index.people),
                *(f"organisations/{o}" for o in self.index.organisations), *self.terms]


def internal_links(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, path, anchor) of each `@` link in a Markdown text, outside code."""
    masked = _without_code(text)
    for match in LINKS.finditer(masked):
        groups = match.groupdict()
        for prefix in ("", "d_", "h_"):
            if groups[f"{prefix}path"] is not None:
                yield (match.start(f"{prefix}path"), groups[f"{prefix}path"],
                       groups[f"{prefix}anchor"] or "")


def _without_code(text: str) -> str:
    """The text with code blanked out (newlines kept, so offsets and lines stay)."""
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))
    return CODE_SPAN.sub(blank, FENCE.sub(blank, text))


def markdown_texts(agenda: Agenda) -> Iterator[tuple[str, Source, str]]:
    """(text, source, key) of every Markdown text, in every language (a translation's
    key is "about@fr", where its own line is kept); key "" for a note's body."""
    meeting = agenda.meeting
    yield from _in_every_language(meeting.about, meeting.source, "about")
    for taxonomy in (meeting.themes, meeting.groups):
        for term in taxonomy.terms:
            yield from _in_every_language(term.description, term.source, "description")
    for day in agenda.days:
        yield from _in_every_language(day.objective, day.source, "objective")
        for item in day.items:
            yield from _in_every_language(item.description, item.source, "description")
    for person in agenda.people:
        yield from _in_every_language(person.bio, person.source, "bio")
    for note in agenda.notes:
        yield note.body, note.source, ""
        for translation in note.translations.values():
            yield translation.body, translation.source, ""


def _in_every_language(text: str, source: Source, key: str
                       ) -> Iterator[tuple[str, Source, str]]:
    yield text, source, key
    translations = getattr(text, "translations", {})  # content/texts.py: Translated
    for lang, translated in translations.items():
        if f"{key}@{lang}" in source.text_lines:  # the main language's has none
            yield translated, source, f"{key}@{lang}"


def check_internal_links(agenda: Agenda, index: Index, problems: Problems) -> None:
    targets: Targets | None = None
    for text, source, key in markdown_texts(agenda):
        if not text or "@" not in text:
            continue
        first = source.text_line(key) if key else source.line
        for offset, path, anchor in internal_links(text):
            targets = targets or Targets(agenda, index)
            line = first + text.count("\n", 0, offset)
            _check_one(targets, path, anchor, source.file, line, problems)


def _check_one(targets: Targets, path: str, anchor: str, file: str, line: int,
               problems: Problems) -> None:
    found = targets.find(path)
    if found is None:
        close = difflib.get_close_matches(path, targets.known(), n=1)
        hint = f"did you mean '@{close[0]}'? " if close else ""
        problems.error(file, line, f"link to unknown page '@{path}'; {hint}a link to another "
                                   f"page of the meeting is written {FORMS}")
    elif anchor and not getattr(found, "has_page", True):
        problems.error(file, line, f"'@{path}' is a {found.kind}, shown on its day's page "
                                   f"without a page of its own; link to it without '#{anchor}'")
