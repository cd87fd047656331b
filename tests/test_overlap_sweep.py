"""One sweep finds the items of a day that run at the same time; the validator, the
"At the same time" lists and the day timeline all read it. It works on positions,
so items that share an id (an error the validator reports) are still told apart."""
from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from support import write_content
from generator.content.model import Item
from generator.content.overlaps import sweep
from generator.content.pipeline import load_content
from generator.content.relations import concurrent_items
from generator.errors import ContentError


def item(id_: str, start: str, end: str, room: str = "") -> Item:
    return Item(id_, "session", time.fromisoformat(start), time.fromisoformat(end), id_,
                room=room)


def pairs(items) -> list[tuple[int, int]]:
    return [(earlier, swept.position) for swept in sweep(items) for earlier in swept.overlapped]


def test_each_overlapping_pair_is_named_once_by_its_later_member():
    day = (item("a", "09:00", "11:00"), item("b", "09:30", "10:00"), item("c", "10:30", "12:00"))
    assert pairs(day) == [(0, 1), (0, 2)]


def test_items_that_touch_do_not_overlap():
    assert pairs((item("a", "09:00", "10:00"), item("b", "10:00", "11:00"))) == []


def test_the_sweep_goes_by_start_then_end_then_list_position():
    day = (item("long", "09:00", "11:00"), item("short", "09:00", "10:00"),
           item("twin", "09:00", "10:00"))
    assert [swept.position for swept in sweep(day)] == [1, 2, 0]
    assert pairs(day) == [(1, 2), (1, 0), (2, 0)]


def test_items_sharing_an_id_are_still_two_items():
    day = (item("talk", "09:00", "10:00"), item("talk", "09:30", "10:30"))
    assert pairs(day) == [(0, 1)]
    assert concurrent_items(day) == {"talk": (day[0], day[1])}


MEETING = """\
id: sweep
title: Sweep
timezone: Europe/Oslo
start: 2031-05-10
end: 2031-05-10
rooms:
  - {id: hall, name: Hall}
"""


def errors_of(tmp_path: Path, items: str) -> list[str]:
    content = write_content(tmp_path / "content", MEETING,
                            "days:\n  - date: 2031-05-10\n    items:\n" + items)
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems if not p.warning]


def test_at_one_start_the_item_listed_later_is_the_one_blamed(tmp_path: Path):
    errors = errors_of(tmp_path, """\
      - {id: long, start: "10:00", end: "11:00", title: Long}
      - {id: short, start: "10:00", end: "10:30", title: Short}
""")
    assert errors == [
        "schedule.yaml:5: item 'short' (10:00-10:30) overlaps 'long' (10:00-11:00, line 4); "
        "fix the times, or, if they really run at the same time, give them different rooms "
        "(`room:`) or the same `parallel:` value"]


def test_two_items_sharing_an_id_and_a_room_are_both_reported(tmp_path: Path):
    errors = errors_of(tmp_path, """\
      - {id: talk, start: "10:00", end: "11:00", title: One, room: hall}
      - {id: talk, start: "10:30", end: "11:30", title: Two, room: hall}
""")
    assert errors == [
        "schedule.yaml:5: item 'talk' (10:30-11:30) overlaps 'talk' (10:00-11:00, line 4) in "
        "the same room 'hall'; move one of them",
        "schedule.yaml:5: item id 'talk' is already used at schedule.yaml:4; ids must be unique"]


def test_a_day_is_swept_once_however_many_readers_ask():
    day = (item("a", "09:00", "10:00"), item("b", "09:30", "10:30"))
    assert sweep(day) is sweep(day)
    assert sweep(day[:1] + day[1:]) == sweep(day)  # an equal day is swept again, alike
