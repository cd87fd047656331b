"""The one sweep over a day's items that finds which of them run at the same time.

The validator (overlaps not allowed), the relations index ("At the same time" on
session pages) and the day page's timeline (rows of side-by-side lanes) all read it.
It works on positions in the day's list, not on ids: the validator runs before ids
are known to be unique, and two items that share an id are still two items.
"""
from __future__ import annotations

from typing import NamedTuple

from .model import Item


class Swept(NamedTuple):  # a tuple: a big day makes thousands
    """One item as the sweep reaches it."""

    position: int               # in the list given to `sweep`
    overlapped: tuple[int, ...]  # positions of items swept before it that overlap it


# The last days swept, by identity: the relations index, the validator and the day
# page all sweep the same day in one build, and the dev server's rebuilds reuse an
# unchanged schedule's very objects. Holding the tuple keeps its id from being reused.
_RECENT: dict[int, tuple[tuple[Item, ...], tuple[Swept, ...]]] = {}
_RECENT_DAYS = 64


def sweep(items: tuple[Item, ...]) -> tuple[Swept, ...]:
    """Every item, in order of start, then end, then list position, with the items
    before it in that order whose times overlap it; so each overlapping pair is
    named once, by its later member."""
    hit = _RECENT.get(id(items))
    if hit is not None and hit[0] is items:
        return hit[1]
    swept = _sweep(items)
    if len(_RECENT) >= _RECENT_DAYS:
        _RECENT.clear()
    _RECENT[id(items)] = (items, swept)
    return swept


def _sweep(items: tuple[Item, ...]) -> tuple[Swept, ...]:
    """Only the items still running are kept, so a day with many rooms costs
    items x rooms, not items squared."""
    starts = [item.start for item in items]
    ends = [item.end for item in items]
    order = sorted(range(len(items)), key=lambda p: (starts[p], ends[p], p))
    running: list[int] = []
    swept: list[Swept] = []
    for position in order:
        start, end = starts[position], ends[position]
        running = [p for p in running if ends[p] > start]
        # Two items overlap when each starts before the other ends; what is still
        # running ends after this one starts, so it overlaps if it started before this ends.
        swept.append(Swept(position, tuple(p for p in running if starts[p] < end)))
        running.append(position)
    return tuple(swept)
