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

from markupsafe import Markup

from ...errors import RenderError
from ..planned import Generated, Page, Site
from .frame import make_frame
from .parts import Parts

VIEW_MODULES = ("generator.site.views.", "generator.outputs.")
PLAIN = (str, int, float, bool, bytes, type(None), Markup, date, time, datetime)


class ViewCache:
    """Makes every output's view; between the dev server's rebuilds it keeps the
    shared parts, the frame and the views of `from_schedule` outputs while the
    schedule's records, and the publication records (content/published.py), are the
    very same objects (records of unchanged files are reused, content.pipeline.parse_once). Those views are functions of exactly
    those records, so reusing them is exact, and their fingerprints are known."""

    def __init__(self) -> None:
        self._schedule: tuple = ()
        self._parts: Parts | None = None
        self._frame = None
        self._generated: dict[str, object] = {}

    def attach(self, site: Site) -> Site:
        """The site with every output's view made."""
        agenda = site.agenda
        schedule = (agenda.meeting, agenda.people, agenda.organisations, agenda.days,
                    site.base_url, *agenda.publications)
        same = len(schedule) == len(self._schedule) and all(
            new is old for new, old in zip(schedule, self._schedule))
        if same and self._parts is not None:
            self._parts.renew(agenda, site.index)
        else:
            self._parts = Parts(agenda, site.index)
            self._frame = make_frame(agenda, site.base_url)
            self._generated = {}
        self._schedule = schedule
        outputs, generated = [], {}
        for output in site.outputs:
            if isinstance(output, Page):
                view = output.build(self._parts, self._frame)
            elif output.from_schedule:
                view = self._generated.get(output.path)
                if view is None:
                    view = output.build()
                generated[output.path] = view
            else:
                view = output.build()
            outputs.append(dataclasses.replace(output, view=view))
        self._generated = generated
        return dataclasses.replace(site, outputs=tuple(outputs))


def attach_views(site: Site) -> Site:
    """The site with every output's view made (a full build)."""
    return ViewCache().attach(site)


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
