"""A day page lays parallel items out in lanes: one per room, in the meeting's room
order, with items that follow each other in one room stacked in its lane."""
from __future__ import annotations

import re
from datetime import time
from pathlib import Path

from support import TEMPLATES, write_content
from generator.site.build import Builder
from generator.content.model import Item
from generator.site.timeline import timeline


def item(id_: str, start: str, end: str, room: str = "") -> Item:
    return Item(id_, "session", time.fromisoformat(start), time.fromisoformat(end), id_,
                room=room)


def ids(row) -> list[list[str]]:
    return [[entry.id for entry in lane.items] for lane in row.lanes]


def test_items_that_do_not_overlap_get_rows_of_their_own():
    rows = timeline((item("a", "09:00", "10:00"), item("b", "10:00", "11:00")))
    assert [ids(row) for row in rows] == [[["a"]], [["b"]]]
    assert not any(row.parallel for row in rows)


def test_sessions_following_each_other_in_one_room_share_its_lane():
    day = (item("talk-1", "09:00", "10:30", "hall"), item("workshop", "09:00", "12:00", "lab"),
           item("talk-2", "10:30", "12:00", "hall"))
    (row,) = timeline(day, room_order=("hall", "lab"))
    assert ids(row) == [["talk-1", "talk-2"], ["workshop"]]
    assert [lane.room for lane in row.lanes] == ["hall", "lab"]
    assert row.parallel and row.size == 3


def test_lanes_follow_the_declared_room_order_whatever_the_times():
    day = (item("early", "09:00", "10:00", "hall"), item("late", "09:30", "10:30", "lab"))
    (row,) = timeline(day, room_order=("lab", "hall"))
    assert ids(row) == [["late"], ["early"]]


def test_items_without_a_room_take_the_first_free_lane_after_the_rooms():
    day = (item("a", "09:00", "10:00"), item("b", "09:00", "11:00"),
           item("c", "10:00", "11:00"), item("d", "09:00", "11:00", "hall"))
    (row,) = timeline(day, room_order=("hall",))
    assert ids(row) == [["d"], ["a", "c"], ["b"]]


MEETING = """\
id: conf
title: Web conference
timezone: Asia/Tokyo
start: 2031-05-10
end: 2031-05-10
rooms:
  - id: hall-a
    name: Hall A
  - id: room-b
    name: Room B
"""
SCHEDULE = """\
days:
  - date: 2031-05-10
    items:
      - {id: keynote, kind: plenary, start: "09:00", end: "10:30", title: Keynote, room: hall-a}
      - {id: workshop, kind: session, start: "09:00", end: "12:00", title: Workshop,
         room: room-b, parallel: morning}
      - {id: panel, kind: session, start: "10:30", end: "12:00", title: Panel, room: hall-a,
         parallel: morning}
"""


def test_the_day_page_shows_a_room_s_sessions_one_after_the_other(tmp_path: Path):
    content = write_content(tmp_path / "content", MEETING, SCHEDULE)
    Builder(content, TEMPLATES).build(tmp_path / "out")
    day = (tmp_path / "out" / "days" / "2031-05-10" / "index.html").read_text()
    assert "3 items in 2 parallel columns" in day
    assert re.findall(r'<p class="lane-room">([^<]+)</p>', day) == ["Hall A", "Room B"]
    lanes = re.findall(r'<div class="lane">(.*?)</div>(?=<div class="lane">|\s*</div>)', day,
                       re.S)
    assert [re.findall(r'<article [^>]*id="([^"]+)"', lane) for lane in lanes] == [
        ["keynote", "panel"], ["workshop"]]
