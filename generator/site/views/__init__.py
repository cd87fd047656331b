"""Stage 5, views: one frozen view per output, holding everything it shows.

Between plan and render: a page's view has its labels and times already as text,
people and organisations resolved, links as output paths and days as headings.
Templates receive only the view (and the helpers `url` and `markdown`), so what a
page shows is exactly its view: the view is the page's fingerprint for rebuilds
(incremental.py), and a template that reads anything else fails in every build.

Views hold only text, numbers, booleans, tuples and frozen view records (never
model records), which `check_view` enforces.
"""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, time
from functools import partial

from markupsafe import Markup

from ... import i18n
from ...errors import RenderError
from ..planned import Generated, Page, Site
from .frame import make_frame
from .parts import Parts

VIEW_MODULES = ("generator.site.views.", "generator.outputs.")
PLAIN = (str, int, float, bool, bytes, type(None), Markup, date, time, datetime)


class ViewCache:
    """Makes every output's view. Between the dev server's rebuilds, while the
    schedule's records (meeting, people, organisations, days) and the publication
    records (content/published.py) are the very same objects (records of unchanged files are reused, content.pipeline.parse_once),
    it keeps the shared parts, and the view of every output whose plan arguments
    are the same objects too: a page's view is a function of its arguments, the
    schedule and the frame (Parts hides the notes), a `from_schedule` file's of
    the schedule. Reusing them is exact, and their fingerprints are known."""

    def __init__(self) -> None:
        self._schedule: tuple = ()
        self._parts: Parts | None = None
        self._frame = None
        self._views: dict[str, tuple[tuple, object]] = {}

    def attach(self, site: Site, assets: dict[str, str]) -> Site:
        """The site with every output's view made; `assets`: the theme's static files
        by name, with the output path of each (content-hashed). Labels are made in
        the edition's language (agenda.meeting.language)."""
        with i18n.using(site.agenda.meeting.language):
            return self._attach(site, assets)

    def _attach(self, site: Site, assets: dict[str, str]) -> Site:
        agenda = site.agenda
        # The language too: Parts' cards hold labels in it.
        schedule = (agenda.meeting, agenda.meeting.language, agenda.people,
                    agenda.organisations, agenda.days, site.base_url, *agenda.publications)
        same = len(schedule) == len(self._schedule) and all(
            new is old or (isinstance(new, str) and new == old)
            for new, old in zip(schedule, self._schedule))
        if not same or self._parts is None:
            self._parts = Parts(agenda, site.index)
            self._views = {}
        # cheap; it reads the logo file too. It holds the language, so a frame made
        # in another language is another frame and no view made in that one is reused.
        frame = make_frame(agenda, site.base_url, assets)
        if frame != self._frame:
            self._frame = frame
            self._views = {}
        self._schedule = schedule
        outputs, views = [], {}
        for output in site.outputs:
            inputs = _inputs(output)
            known = self._views.get(output.path)
            if inputs is not None and known is not None and _same(known[0], inputs):
                view = known[1]
            elif isinstance(output, Page):
                view = output.build(self._parts, self._frame)
            else:
                view = output.build()
            if inputs is not None:
                views[output.path] = (inputs, view)
            outputs.append(dataclasses.replace(output, view=view))
        self._views = views
        return dataclasses.replace(site, outputs=tuple(outputs))


def _inputs(output) -> tuple | None:
    """What an output's view is made from besides the schedule and frame: the
    function and arguments of its `build`; None when it may read anything else."""
    if isinstance(output, Page) and isinstance(output.build, partial):
        return (output.build.func, *output.build.args, *output.build.keywords.values())
    if isinstance(output, Generated) and output.from_schedule:
        return ()
    return None


def _same(old: tuple, new: tuple) -> bool:
    return len(old) == len(new) and all(a is b for a, b in zip(old, new))


def attach_views(site: Site, assets: dict[str, str]) -> Site:
    """The site with every output's view made (a full build)."""
    return ViewCache().attach(site, assets)


def check_view(value, where: str = "view") -> None:
    """Raise RenderError if a view holds anything but plain values and view records:
    a model record in a view would let templates read past what the view shows."""
    if isinstance(value, PLAIN):
        return
    if isinstance(value, (tuple, list)):
        for n, part in enumerate(value):
            check_view(part, f"{where}[{n}]")
        return
    if isinstance(value, dict):
        for key, part in value.items():
            check_view(key, where)
            check_view(part, f"{where}[{key!r}]")
        return
    kind = type(value)
    if dataclasses.is_dataclass(kind) and kind.__module__.startswith(VIEW_MODULES) \
            and kind.__dataclass_params__.frozen:
        for f in dataclasses.fields(kind):
            check_view(getattr(value, f.name), f"{where}.{f.name}")
        return
    raise RenderError(f"{where} holds a {kind.__module__}.{kind.__qualname__}, "
                      "which is not a view value")
