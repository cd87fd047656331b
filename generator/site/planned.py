"""What the planner decides for each output file; the stages after it fill in and
read these records (views/ sets `view`, render.py turns it into bytes)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..content.model import Agenda, Source
from ..content.relations import Index


@dataclass(frozen=True)
class Edition:
    """The site in one language: the main one at the root (prefix ""), others in a
    folder ("fr/"). `local`: the paths, without the prefix, of the edition's own
    outputs; links to them stay in the edition, links to shared files (the theme's
    static files, photos, favicons) do not."""

    prefix: str = ""
    local: frozenset = frozenset()

    def path(self, path: str) -> str:
        """Where an output path a view links to lives in the built site."""
        return self.prefix + path if self.prefix and path in self.local else path


MAIN_EDITION = Edition()


def edition_prefix(language: str, languages: tuple[str, ...]) -> str:
    """The folder of an edition: "" for the main language, else e.g. "fr/"."""
    return "" if language == languages[0] else f"{language.lower()}/"


@dataclass(frozen=True)
class Page:
    """An HTML (or XML) file rendered from a template with its view.

    `build(parts, frame)` makes the view (views/); `view` is set by the views stage."""

    path: str
    template: str
    origin: Source
    build: Callable = field(compare=False, repr=False)
    view: object = field(default=None, compare=False, repr=False)
    edition: Edition = field(default=MAIN_EDITION, compare=False, repr=False)


@dataclass(frozen=True)
class Generated:
    """A file made by a Python function (calendar, JSON, image).

    `build()` makes the view: every value the file shows; `make(view)` turns it into
    bytes and reads nothing else, so the view is the file's whole fingerprint.
    `from_schedule`: build() reads only the meeting, people, organisations, days,
    publication records and base URL (no notes, no theme), so while those are the very
    records of the last build its view is reused (views.ViewCache)."""

    path: str
    origin: Source
    build: Callable[[], object] = field(compare=False, repr=False)
    make: Callable[[object], bytes] = field(compare=False, repr=False)
    from_schedule: bool = False
    view: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Site:
    agenda: Agenda
    index: Index
    base_url: str
    outputs: tuple
