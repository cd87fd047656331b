"""A day's programme laid out as rows of side-by-side lanes, for the day page.

Items whose times overlap, directly or through a chain of overlaps, share a row.
Within a row each room is one lane, named after it, in the order the meeting
declares its rooms; items without a room take the first free lane of their own.
A lane holds items one after another, so two sessions that follow each other in
one room are stacked, not shown as running at once.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Item
from ..content.overlaps import sweep


@dataclass(frozen=True)
class Lane:
    room: str  # a room id, or "" for items without a room
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Row:
    lanes: tuple[Lane, ...]

    @property
    def parallel(self) -> bool:
        return len(self.lanes) > 1

    @property
    def size(self) -> int:
        """How many items the row holds."""
        return sum(len(lane.items) for lane in self.lanes)


def timeline(items: tuple[Item, ...], room_order: tuple[str, ...] = ()) -> list[Row]:
    """The rows of a day, in time order."""
    return [Row(_lanes(group, room_order)) for group in _overlapping_groups(items)]


def _overlapping_groups(items: tuple[Item, ...]) -> list[list[Item]]:
    groups: list[list[Item]] = []
    group_of = [0] * len(items)  # by position
    for swept in sweep(items):
        # Groups only grow in sweep order, so the last item it overlaps has the latest group.
        if not swept.overlapped or group_of[swept.overlapped[-1]] != len(groups) - 1:
            groups.append([])
        group_of[swept.position] = len(groups) - 1
        groups[-1].append(items[swept.position])
    return groups


def _lanes(group: list[Item], room_order: tuple[str, ...]) -> tuple[Lane, ...]:
    by_room: dict[str, list[Item]] = {}
    free: list[list[Item]] = []  # lanes of items without a room
    for item in group:  # in time order
        if item.room:
            by_room.setdefault(item.room, []).append(item)
            continue
        lane = next((lane for lane in free if lane[-1].end <= item.start), None)
        if lane is None:
            free.append([item])
        else:
            lane.append(item)
    rank = {room: position for position, room in enumerate(room_order)}
    rooms = sorted(by_room, key=lambda room: (rank.get(room, len(rank)),
                                              by_room[room][0].start))
    return (tuple(Lane(room, tuple(by_room[room])) for room in rooms)
            + tuple(Lane("", tuple(lane)) for lane in free))
