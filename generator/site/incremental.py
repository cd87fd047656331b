"""Rebuilds that re-render only what changed (the dev server's Builder.rebuild).

Every output gets a fingerprint of all the values its bytes depend on: its
template, path and title, the model values in its context, and what every page
shows (meeting, day list of the navigation, people and organisation names, base
URL, the templates themselves). An output whose fingerprint is the one of the
last build, and whose file on disk still holds the bytes rendered then, is
neither rendered nor written again. Fingerprints are content digests, never
timestamps. Pages whose dependencies plan.py does not declare depend on the
whole agenda, so an unknown page is re-rendered rather than left stale. An
output handed the very objects of the last build (records of unchanged files
and the indexes over them are reused) keeps its fingerprint without a walk.

A day stands for its heading (date, name, objective): a session, person or theme
page names the day of each item it shows, and moving one item must not re-render
all of them. Outputs that show a day's items have the items themselves in their
context or key (a day's timeline rows, calendar keys, the "schedule" scope).
"""
from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path
from typing import Callable

from ..content.model import Day
from .plan import Generated, Page, Site, whole_days

# Where a value was written (file and line) never shows on a page; leaving it out
# keeps a page as it is when an edit above it shifts its lines.
POSITION_FIELDS = frozenset({"source", "line"})
LEFT_OUT = {Day: frozenset({"items"})}  # see the module docstring
PRIMITIVES = (str, bytes, int, float, bool, date, time, type(None))
SCALARS = frozenset({bytes, int, float, bool, date, time, type(None)})


@contextmanager
def collector_paused():
    """Pause the cycle collector while the model is loaded or a rebuild runs: with a
    large model in memory its full passes cost a third of a rebuild. Cycles made
    meanwhile are collected later."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Uncacheable(Exception):
    """A value without a reliable fingerprint: its output is always rendered."""


class Fingerprints:
    """Digests of values; frozen dataclasses are remembered by identity between builds."""

    def __init__(self) -> None:
        self._current: dict[int, tuple[object, bytes]] = {}
        self._previous: dict[int, tuple[object, bytes]] = {}

    def new_build(self) -> None:
        # Keep only objects seen in the last build: the memo holds them, so their ids
        # cannot be reused by new objects while they are remembered.
        self._previous, self._current = self._current, {}

    def of(self, value) -> bytes:
        """A self-delimiting fingerprint: 17 bytes for composites, tagged text for scalars."""
        kind = type(value)
        if kind is str:
            data = value.encode("utf-8", "surrogatepass")
            return b"s%d:" % len(data) + data
        names = _frozen_fields(kind)
        if names:
            digest = self._remembered(value)
            if digest is not None:
                return digest
            digest = _digest(kind.__qualname__.encode(),
                             [self.of(getattr(value, name)) for name in names])
            self._current[id(value)] = (value, digest)
            return digest
        if kind is tuple or kind is list:
            return _digest(b"[", [self._remembered(v) or self.of(v) for v in value])
        if kind in SCALARS or isinstance(value, PRIMITIVES):
            data = f"{kind.__name__}:{value!r}".encode("utf-8", "surrogatepass")
            return b"v%d:" % len(data) + data
        if isinstance(value, dict):
            return _digest(b"{", [self.of(v) for pair in value.items() for v in pair])
        raise Uncacheable(kind.__name__)

    def _remembered(self, value) -> bytes | None:
        """The digest of an object already seen in this build or the last one."""
        hit = self._current.get(id(value))
        if hit is None:
            hit = self._previous.get(id(value))
            if hit is None or hit[0] is not value:
                return None
            self._current[id(value)] = hit
        return hit[1] if hit[0] is value else None


@functools.cache
def _frozen_fields(kind: type) -> tuple[str, ...]:
    """The fields that make a frozen dataclass's value; () for any other type."""
    if not (dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen):
        return ()
    left_out = POSITION_FIELDS | LEFT_OUT.get(kind, frozenset())
    return tuple(f.name for f in dataclasses.fields(kind)
                 if f.compare and f.name not in left_out)


def _digest(tag: bytes, parts: list[bytes]) -> bytes:
    """Parts are self-delimiting, so joining them is unambiguous."""
    return b"#" + hashlib.blake2b(tag + b"|" + b"".join(parts), digest_size=16).digest()


def templates_digest(templates_dir: Path) -> bytes:
    """One digest of every template and static file: editing any re-renders every page."""
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in Path(templates_dir).rglob("*") if p.is_file()):
        hasher.update(path.as_posix().encode() + b"\0")
        hasher.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return hasher.digest()


class RenderCache:
    """Page path -> (fingerprint, digest of the bytes rendered for it)."""

    def __init__(self) -> None:
        self.fingerprints = Fingerprints()
        self.entries: dict[str, tuple[bytes, str]] = {}
        # Output path -> (the values its fingerprint was computed from, the fingerprint):
        # when a rebuild hands an output the very same objects again (records of
        # unchanged files are reused), its fingerprint is known without a walk.
        self._inputs: dict[str, tuple[tuple, bytes]] = {}
        self._next_inputs: dict[str, tuple[tuple, bytes]] = {}

    def split(self, site: Site, templates: bytes, render: Callable[[object], bytes],
              is_current: Callable[[str, str], bool], digest: Callable[[bytes], str]
              ) -> tuple[list[tuple[str, bytes]], list[str]]:
        """(freshly rendered (path, bytes), paths known unchanged on disk)."""
        self.fingerprints.new_build()
        try:
            scopes = self._scopes(site, templates)
        except Uncacheable:  # a model value of an unknown kind: render everything
            scopes = None
        fresh, unchanged, entries = [], [], {}
        for output in site.outputs:
            key = self._key(output, scopes)
            old = self.entries.get(output.path)
            if key is not None and old is not None and old[0] == key and is_current(
                    output.path, old[1]):
                unchanged.append(output.path)
                entries[output.path] = old
                continue
            data = render(output)
            fresh.append((output.path, data))
            if key is not None:
                entries[output.path] = (key, digest(data))
        self.entries = entries
        self._inputs, self._next_inputs = self._next_inputs, {}
        return fresh, unchanged

    def _scopes(self, site: Site, templates: bytes) -> dict[str, bytes]:
        """What pages of each `depends` scope read besides their own context."""
        of, agenda = self.fingerprints.of, site.agenda
        nav = tuple((day.date, day.name) for day in agenda.days)
        basics = of((templates, site.base_url, agenda.meeting, nav, agenda.people,
                     agenda.organisations))
        schedule = of((basics, whole_days(agenda.days)))
        return {"context": basics, "schedule": schedule, "agenda": of((schedule, agenda.notes))}

    def _key(self, output, scopes: dict[str, bytes] | None) -> bytes | None:
        if scopes is None:
            return None
        if isinstance(output, Page):
            scope = scopes.get(output.scope, scopes["agenda"])
            inputs = (scope, output.template, output.title, tuple(output.context.items()))
        elif isinstance(output, Generated) and output.key is not None:
            inputs = (scopes["context"], output.key)
        else:
            return None
        known = self._inputs.get(output.path)
        if known is not None and _same(known[0], inputs):
            key = known[1]
        else:
            try:
                key = self._fingerprint(output.path, inputs)
            except Uncacheable:
                return None  # a value we cannot fingerprint: always render this output
        self._next_inputs[output.path] = (inputs, key)
        return key

    def _fingerprint(self, path: str, inputs: tuple) -> bytes:
        return self.fingerprints.of((path, inputs))


def _same(old, new) -> bool:
    """Whether two fingerprint inputs are surely the same, judged cheaply: the very
    same objects, equal scalars, or sequences of such. Model records are frozen and
    the planner's lists are never changed once made, so the same object means the
    same value. Records that are not the same object count as changed, even if
    equal: comparing them field by field on every page would cost more than the
    fingerprint, which remembers each record's digest once per build."""
    if old is new:
        return True
    kind = type(old)
    if kind is not type(new):
        return False
    if kind in SCALARS or kind is str:
        return old == new
    if kind is tuple or kind is list:
        return len(old) == len(new) and all(map(_same, old, new))
    return False
