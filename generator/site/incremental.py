"""Rebuilds that re-render only what changed (the dev server's Builder.rebuild).

An output's fingerprint is its view (views/): everything it shows, as plain
values, plus its path, its template and a digest of the whole theme. Templates
and makers read nothing but the view, so equal fingerprints mean equal bytes,
whatever a template shows: the preview is exact by construction, including an
organiser's own templates. An output whose fingerprint is the one of the last
build, and whose file on disk still holds the bytes rendered then, is neither
rendered nor written again. Fingerprints are content digests, never timestamps.
"""
from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
from contextlib import contextmanager
from datetime import date, time
from typing import Callable

from .planned import Page, Site

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
    """Digests of view values. A view record shared by many outputs (the frame, an
    item's card) is digested once, and records the last build handed over again
    (views.ViewCache) keep their digest: they are frozen, so the same object has
    the same value."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, bytes]] = {}
        self._previous: dict[int, tuple[object, bytes]] = {}

    def new_build(self) -> None:
        # Keep only records seen in the last build: the memo holds them, so their ids
        # cannot be reused by new objects while they are remembered.
        self._previous, self._memo = self._memo, {}

    def of(self, value) -> bytes:
        """A self-delimiting fingerprint: 17 bytes for composites, tagged text for scalars."""
        kind = type(value)
        if kind is str:
            data = value.encode("utf-8", "surrogatepass")
            return b"s%d:" % len(data) + data
        names = _frozen_fields(kind)
        if names:
            hit = self._memo.get(id(value)) or self._previous.get(id(value))
            if hit is not None and hit[0] is value:
                self._memo[id(value)] = hit
                return hit[1]
            digest = _digest(kind.__qualname__.encode(),
                             [self.of(getattr(value, name)) for name in names])
            self._memo[id(value)] = (value, digest)
            return digest
        if kind is tuple or kind is list:
            return _digest(b"[", [self.of(v) for v in value])
        if kind is dict:
            return self._of_dict(value)
        if kind in SCALARS or isinstance(value, PRIMITIVES):
            data = f"{kind.__name__}:{value!r}".encode("utf-8", "surrogatepass")
            return b"v%d:" % len(data) + data
        raise Uncacheable(kind.__name__)

    def _of_dict(self, value: dict) -> bytes:
        """JSON data (schedule.json): repr, written in C, is many times faster than a
        walk, and exact for plain values (an object without a value repr only ever
        makes the fingerprint change, never match wrongly). Views are never changed
        once made, so a dict handed over again keeps its digest."""
        hit = self._memo.get(id(value)) or self._previous.get(id(value))
        if hit is not None and hit[0] is value:
            self._memo[id(value)] = hit
            return hit[1]
        digest = _digest(b"{", [repr(value).encode("utf-8", "surrogatepass")])
        self._memo[id(value)] = (value, digest)
        return digest


@functools.cache
def _frozen_fields(kind: type) -> tuple[str, ...]:
    """The fields that make a frozen dataclass's value; () for any other type."""
    if not (dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen):
        return ()
    return tuple(f.name for f in dataclasses.fields(kind) if f.compare)


def _digest(tag: bytes, parts: list[bytes]) -> bytes:
    """Parts are self-delimiting, so joining them is unambiguous."""
    return b"#" + hashlib.blake2b(tag + b"|" + b"".join(parts), digest_size=16).digest()


class RenderCache:
    """Output path -> (fingerprint, digest of the bytes rendered for it)."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[bytes, str]] = {}
        self.fingerprints = Fingerprints()

    def split(self, site: Site, theme: bytes, render: Callable[[object], bytes],
              is_current: Callable[[str, str], bool], digest: Callable[[bytes], str]
              ) -> tuple[list[tuple[str, bytes]], list[str]]:
        """(freshly rendered (path, bytes), paths known unchanged on disk)."""
        fingerprints = self.fingerprints
        fingerprints.new_build()
        common = fingerprints.of((theme, site.base_url))
        fresh, unchanged, entries = [], [], {}
        for output in site.outputs:
            key = _key(fingerprints, common, output)
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
        return fresh, unchanged


def _key(fingerprints: Fingerprints, common: bytes, output) -> bytes | None:
    template = output.template if isinstance(output, Page) else ""
    try:
        return fingerprints.of((common, output.path, template, output.view))
    except Uncacheable:
        return None  # a value we cannot fingerprint: always render this output
