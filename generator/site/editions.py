"""Editions: one site per language of the meeting, side by side in one output.

The main language (the first of `languages:`) is at the root; every other language
has the same pages, calendars and data files under its own folder (`fr/`, `ar/`),
made from the agenda projected into that language (content/languages.py). The
theme's static files, photos, favicons and robots.txt are written once, at the
root, and shared; one sitemap lists the pages of every edition.
"""
from __future__ import annotations

import dataclasses
from typing import Callable

from ..content.languages import project
from ..content.model import Agenda
from ..content.relations import Index
from .plan import finish_site, plan_outputs
from .planned import Edition, Page, Site, edition_prefix

Extra = Callable[[Agenda, Index, str], list]


def plan_editions(agenda: Agenda, index: Index, base_url: str,
                  shared: tuple[Extra, ...], per_edition: tuple[Extra, ...],
                  attach: Callable[[str, Site], Site]) -> Site:
    """Every output of every edition, each with its view (`attach(language, site)`
    makes the views of one edition's plan)."""
    languages = agenda.meeting.languages
    outputs: list = []
    main: Site | None = None
    for language in languages:
        prefix = edition_prefix(language, languages)
        projected, projected_index = project(agenda, index, language)
        extras = per_edition if prefix else shared + per_edition
        edition_base = base_url + prefix if base_url else ""
        site = attach(language, Site(projected, projected_index, edition_base, tuple(
            plan_outputs(projected, projected_index, edition_base, extras))))
        main = main or site
        outputs += _in_folder(site.outputs, prefix)
    return finish_site(main.agenda, main.index, base_url, outputs)


def _in_folder(outputs: tuple, prefix: str) -> list:
    """An edition's outputs moved into its folder; its pages link within it."""
    if not prefix:
        return list(outputs)
    edition = Edition(prefix, frozenset(output.path for output in outputs))
    moved = []
    for output in outputs:
        if isinstance(output, Page):
            moved.append(dataclasses.replace(output, path=prefix + output.path,
                                             edition=edition))
        else:
            moved.append(dataclasses.replace(output, path=prefix + output.path))
    return moved

